package com.returnsgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and memory of processes, read from Linux's /proc: a JVM's own, and PostgreSQL's, which runs as a server
 * process (the postmaster) with one child per connection.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on. */
    private static final double TICKS_PER_MS = 0.1;

    private ProcessCpu() {
    }

    /** User plus system CPU of one process, all its threads, in ms. */
    static double ofProcess(long pid) {
        long[] times = times(pid);
        return (times[0] + times[1]) / TICKS_PER_MS;
    }

    /**
     * CPU of the PostgreSQL server whose data directory this is, in ms: the postmaster, its live children (one per
     * connection, plus background workers), and the children it has already reaped.
     */
    static double ofPostgres(Path dataDirectory) {
        long postmaster = postmasterPid(dataDirectory);
        long[] own = times(postmaster);
        long ticks = own[0] + own[1] + own[2] + own[3];
        for (long child : children(postmaster)) {
            long[] times = times(child);
            ticks += times[0] + times[1];
        }
        return ticks / TICKS_PER_MS;
    }

    /** The highest resident set size the process has had (VmHWM), in MB. */
    static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }

    static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new IllegalStateException("no running PostgreSQL in " + dataDirectory, e);
        }
    }

    /** utime, stime, cutime, cstime (fields 14 to 17 of /proc/<pid>/stat), in clock ticks; zeros once it is gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private static List<Long> children(long parent) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> parentOf(pid) == parent)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static long parentOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
