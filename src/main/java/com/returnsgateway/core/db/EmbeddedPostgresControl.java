package com.returnsgateway.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the embedded PostgreSQL server in place (same data directory, same port) with the pg_ctl that
 * zonky extracted, for outage drills and tests: zonky itself cannot start an instance again once stopped. Only for a
 * server with a data directory of its own ({@code gateway.embedded-db.data-dir} set).
 */
public class EmbeddedPostgresControl {

    private final Path dataDir;
    private final Path pgCtl;
    private final List<String> options;

    /**
     * Made right after this JVM started the server: postmaster.opts then names the binary zonky unpacked for it and
     * the options it runs with. Both are kept from that moment; the file is not read again, so a later edit of it
     * cannot make this run another program.
     */
    EmbeddedPostgresControl(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.pgCtl = binary();
        this.options = lastOptions();
    }

    /** Stops the server ("fast": open transactions are rolled back, committed data is on disk). */
    public synchronized void stop() throws IOException {
        pgCtl(List.of("stop", "-m", "fast", "-w"));
    }

    /** Starts it again with the options it last ran with (postmaster.opts: port and settings). */
    public synchronized void start() throws IOException {
        pgCtl(List.of("start", "-w", "-t", "60", "-l", dataDir.resolve("restart.log").toString(),
                "-o", String.join(" ", options)));
    }

    private List<String> lastOptions() throws IOException {
        // e.g. /tmp/embedded-pg/PG-…/bin/postgres "-D" "/data" "-p" "54329" "-F" "-c" "fsync=on"
        String line = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        List<String> options = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).equals("-D")) {
                i++;
                continue;
            }
            options.add("'" + tokens.get(i).replace("'", "'\\''") + "'");
        }
        return options;
    }

    private Path binary() throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        String postgres = line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split("\\s+")[0];
        Path pgCtl = Path.of(postgres).resolveSibling("pg_ctl");
        if (!Files.isExecutable(pgCtl)) {
            throw new IOException("pg_ctl not found beside " + postgres);
        }
        return pgCtl;
    }

    private void pgCtl(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("unshare"); // as zonky does: PostgreSQL refuses to run as root
            command.add("-U");
        }
        command.add(pgCtl.toString());
        command.add("-D");
        command.add(dataDir.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + "-pg_ctl.log").toFile()))
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("pg_ctl " + arguments.get(0) + " failed on " + dataDir + " (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
