package com.returnsgateway.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up of a PostgreSQL left running by a killed gateway stops only a postgres of that data directory, and
 * runs no program to do it (a pg_ctl planted beside a binary is never run).
 */
class OrphanedPostgresTest {

    @TempDir
    Path dir;

    private Path data;
    private Path planted;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void dataDirectory() throws IOException {
        data = Files.createDirectories(dir.resolve("postgres"));
        planted = dir.resolve("pg_ctl-was-run");
    }

    @AfterEach
    void stopLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aServerLeftRunningOnThisDataDirectoryIsStoppedCleanly() throws IOException {
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setDataDirectory(data).setCleanDataDirectory(false).start();
        long pid = pidInLockFile();
        assertThat(orphan.getPort()).isPositive();
        assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);

        OrphanedPostgres.stopIfRunning(data);

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the orphan is stopped").isEmpty();
        assertThat(data.resolve("postmaster.pid")).as("a clean shutdown removes its lock file").doesNotExist();
    }

    @Test
    void aReusedPidOfAnotherProgramIsLeftAloneAndTheStaleLockFileRemoved() throws IOException {
        Process unrelated = namedInLockFile(sleep(), dir);
        OrphanedPostgres.stopIfRunning(data);

        assertThat(unrelated.isAlive()).isTrue();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aPostgresOfAnotherDataDirectoryIsLeftAloneAndNothingBesideItIsRun() throws IOException {
        Process other = namedInLockFile(fakePostgres(), dir);
        OrphanedPostgres.stopIfRunning(data);

        assertThat(other.isAlive()).isTrue();
        assertThat(planted).doesNotExist();
    }

    @Test
    void aPostgresOfThisDataDirectoryIsSignalledNotStoppedWithThePgCtlBesideIt() throws IOException {
        // runs in the data directory, as a postmaster does, from a folder someone else filled
        Process orphan = namedInLockFile(fakePostgres(), data);
        OrphanedPostgres.stopIfRunning(data);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(planted).as("the pg_ctl beside the binary was never run").doesNotExist();
    }

    /** A copy of sleep named postgres, with a pg_ctl beside it that leaves a mark when run. */
    private Path fakePostgres() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path postgres = Files.copy(sleep(), bin.resolve("postgres"));
        Path pgCtl = Files.writeString(bin.resolve("pg_ctl"), "#!/bin/sh\ntouch " + planted + "\n");
        Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwxr-xr-x"));
        return postgres;
    }

    private static Path sleep() {
        Path bin = Path.of("/bin/sleep");
        return Files.isExecutable(bin) ? bin : Path.of("/usr/bin/sleep");
    }

    /** {@code program} running in {@code workingDirectory}, its pid in this data directory's postmaster.pid. */
    private Process namedInLockFile(Path program, Path workingDirectory) throws IOException {
        Process process = new ProcessBuilder(program.toString(), "300").directory(workingDirectory.toFile()).start();
        started.add(process);
        Files.writeString(data.resolve("postmaster.pid"), process.pid() + "\n" + data + "\n1700000000\n5432\n");
        return process;
    }

    private long pidInLockFile() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }
}
