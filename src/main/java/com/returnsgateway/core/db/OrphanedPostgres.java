package com.returnsgateway.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway killed with SIGKILL leaves its PostgreSQL server running with postmaster.pid in place; a new
 * start would then silently attach to it or fail. Stop that orphan cleanly (it flushes its data) first.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // stale lock file: PostgreSQL removes it itself on start
        }
        log.warn("PostgreSQL (pid {}) left running by a previous gateway on {}; stopping it", pid, dataDir);
        Path pgCtl = findPgCtl(process.get());
        try {
            if (pgCtl != null) {
                List<String> command = "root".equals(System.getProperty("user.name"))
                        ? List.of("unshare", "-U", pgCtl.toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w")
                        : List.of(pgCtl.toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w");
                new ProcessBuilder(command).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
            }
            if (process.get().isAlive()) {
                process.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
                process.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping orphaned PostgreSQL", e);
        } catch (Exception e) {
            throw new IOException("could not stop orphaned PostgreSQL pid " + pid + " on " + dataDir, e);
        }
    }

    private static Path findPgCtl(ProcessHandle postgres) {
        return postgres.info().command()
                .map(Path::of)
                .map(Path::getParent)
                .map(bin -> bin.resolve("pg_ctl"))
                .filter(Files::isExecutable)
                .orElseGet(OrphanedPostgres::searchTempBinaries);
    }

    private static Path searchTempBinaries() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (!Files.isDirectory(tmp)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(tmp, 4)) {
            return files.filter(p -> p.getFileName().toString().equals("pg_ctl")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
