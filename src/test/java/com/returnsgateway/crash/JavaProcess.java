package com.returnsgateway.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged gateway (or its simulators) in a JVM of its own, so a test can SIGKILL it like a power cut. */
final class JavaProcess {

    private final String name;
    private final Process process;

    private JavaProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static JavaProcess start(String name, Path log, List<String> args) throws IOException {
        String jar = System.getProperty("gateway.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("gateway.jar (" + jar + ") not found: run through `./mvnw verify`");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dpdfbox.fontcache=" + log.getParent().resolve("fontcache"), "-jar", jar));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile()) // config/ and routes/ are read from here
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new JavaProcess(name, process);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and how long the graceful shutdown took; -1 when it did not end within the limit. */
    long terminate(long limitSeconds) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean ended = process.waitFor(limitSeconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return -1;
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
