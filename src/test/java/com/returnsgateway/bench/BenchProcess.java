package com.returnsgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged gateway (or its simulators) in a JVM of its own, started with the JVM settings the gateway ships. */
final class BenchProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final long startedAtNanos;
    private final Path log;
    private final int port;

    private BenchProcess(String name, int port, Process process, long startedAtNanos, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedAtNanos = startedAtNanos;
        this.log = log;
    }

    /**
     * {@code java @config/jvm.options [extra JVM options] -jar <jar> <args>}, from the project folder (the gateway
     * reads config/ and routes/ from its working directory), output to {@code <workDir>/<name>.log}.
     */
    static BenchProcess start(String name, int port, Path jar, Path workDir, List<String> jvmExtras, List<String> args)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "@config/jvm.options",
                "-Dpdfbox.fontcache=" + workDir.resolve("fontcache")));
        command.addAll(jvmExtras);
        command.addAll(List.of("-jar", jar.toString()));
        command.add("--server.port=" + port);
        command.addAll(args);
        Path log = workDir.resolve(name + ".log");
        Files.createDirectories(workDir);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new BenchProcess(name, port, process, started, log);
    }

    /** Its HTTP address on this machine. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    double cpuMs() {
        return ProcessCpu.ofProcess(process.pid());
    }

    double peakRssMb() {
        return ProcessCpu.peakRssMb(process.pid());
    }

    /** Milliseconds since the process was started. */
    double ageMs() {
        return (System.nanoTime() - startedAtNanos) / 1e6;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGTERM (a graceful stop) and how long it took in ms. */
    double stop() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
