package com.returnsgateway.core.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway killed with SIGKILL leaves its PostgreSQL server running with postmaster.pid in place; a new start would
 * then silently attach to it or fail. Stop that orphan cleanly first (SIGTERM: PostgreSQL's smart shutdown, which
 * writes a checkpoint; the dead gateway's sessions are gone, so it does not wait).
 *
 * <p>postmaster.pid is only a file: its pid may since belong to any process. Only a process that is a
 * {@code postgres} running on this very data directory is signalled, and no program is run at all (not a pg_ctl found
 * beside some binary, which anyone could have put there).
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
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return; // not a pid: PostgreSQL deals with a broken lock file itself
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // stale lock file: PostgreSQL removes it itself on start
        }
        if (!isPostgresOf(pid, dataDir)) {
            // the pid was reused by an unrelated process, which PostgreSQL would take for a running server
            log.warn("postmaster.pid in {} names pid {}, which is not a PostgreSQL of that data directory: removing "
                    + "the stale lock file and leaving the process alone", dataDir, pid);
            Files.delete(pidFile);
            return;
        }
        log.warn("PostgreSQL (pid {}) left running by a previous gateway on {}; stopping it", pid, dataDir);
        try {
            process.get().destroy();
            process.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping orphaned PostgreSQL", e);
        } catch (Exception e) {
            throw new IOException("could not stop orphaned PostgreSQL pid " + pid + " on " + dataDir, e);
        }
    }

    /**
     * Whether the process is a {@code postgres} whose data directory is {@code dataDir}: named on its command line
     * ({@code -D dir}), or its working directory (the postmaster changes into its data directory). A process that
     * cannot be inspected stops the start-up rather than be guessed at.
     */
    static boolean isPostgresOf(long pid, Path dataDir) throws IOException {
        Path dir = dataDir.toRealPath();
        List<String> arguments = commandLine(pid);
        if (arguments.isEmpty() || !Path.of(arguments.get(0)).getFileName().toString().equals("postgres")) {
            return false;
        }
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-D") && sameDirectory(Path.of(arguments.get(i + 1)), dir)) {
                return true;
            }
        }
        Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
        return Files.exists(cwd) && sameDirectory(cwd, dir);
    }

    private static List<String> commandLine(long pid) throws IOException {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(cmdline)) {
            String raw = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        }
        ProcessHandle.Info info = ProcessHandle.of(pid).map(ProcessHandle::info)
                .orElseThrow(() -> new IOException("pid " + pid + " vanished while it was inspected"));
        if (info.command().isEmpty()) {
            throw new IOException("cannot tell whether pid " + pid + " (named in postmaster.pid) is a PostgreSQL: its "
                    + "command line is not readable; stop it by hand or remove the stale postmaster.pid");
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(info.command().get());
        info.arguments().ifPresent(a -> arguments.addAll(Arrays.asList(a)));
        return arguments;
    }

    private static boolean sameDirectory(Path candidate, Path realDir) {
        try {
            return candidate.toRealPath().equals(realDir);
        } catch (IOException gone) {
            return false;
        }
    }
}
