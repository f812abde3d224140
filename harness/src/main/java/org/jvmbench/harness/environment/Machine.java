package org.jvmbench.harness.environment;

import org.jvmbench.harness.profile.Profiler;
import org.jvmbench.harness.settings.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What this machine can honour, read before anything starts so a setting it cannot honour is
 * refused in one line instead of failing minutes later: its CPUs, its memory and how many
 * files (and so connections) one process may open.
 *
 * @param cpus            CPUs the harness may pin to: 0 .. cpus-1
 * @param memoryBytes     {@code MemTotal} of {@code /proc/meminfo}; {@link Long#MAX_VALUE} when unknown
 * @param openFilesLimit  the soft {@code Max open files} of {@code /proc/self/limits}, which child JVMs
 *                        inherit (the JVM raises its own soft limit to this process's hard one at start,
 *                        so inside the harness soft and hard agree); {@link Long#MAX_VALUE} when unlimited
 *                        or unknown
 * @param threadsLimit    the most threads this user may run: the least of {@code Max processes}
 *                        (threads count against it), {@code kernel/threads-max} and {@code kernel/pid_max}
 *                        (every thread takes an id); {@link Long#MAX_VALUE} when unknown
 */
public record Machine(int cpus, long memoryBytes, long openFilesLimit, long threadsLimit) implements Limits {

    public Machine {
        if (cpus < 1) {
            throw new IllegalArgumentException("a machine has at least one CPU, got " + cpus);
        }
    }

    /** This machine, read from {@code /proc}. */
    public static Machine local() {
        return read(Path.of("/proc"), Runtime.getRuntime().availableProcessors());
    }

    /** A machine whose {@code /proc} is at {@code proc}: tests feed fixtures this way. */
    public static Machine read(Path proc, int cpus) {
        Path limits = proc.resolve("self").resolve("limits");
        Path kernel = proc.resolve("sys").resolve("kernel");
        long threads = Math.min(limit(limits, "Max processes"),
                Math.min(number(kernel.resolve("threads-max")), number(kernel.resolve("pid_max"))));
        return new Machine(cpus, memTotal(proc.resolve("meminfo")), limit(limits, "Max open files"), threads);
    }

    /**
     * Fails in one line unless this machine can profile a server (async-profiler's library for its
     * system on the harness's class path): a sweep that asks for flame graphs is refused before
     * anything starts.
     */
    public void requireProfiling() {
        Profiler.requireAvailable();
    }

    /** This machine with another CPU count: checks of a sweep planned for another machine's CPUs. */
    public Machine withCpus(int count) {
        return new Machine(count, memoryBytes, openFilesLimit, threadsLimit);
    }

    private static long memTotal(Path meminfo) {
        for (String line : lines(meminfo)) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024;
                } catch (NumberFormatException e) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** The soft limit of one line of {@code /proc/self/limits}. */
    private static long limit(Path limits, String name) {
        for (String line : lines(limits)) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]);
                } catch (NumberFormatException unlimited) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    private static long number(Path file) {
        List<String> lines = lines(file);
        try {
            return lines.isEmpty() ? Long.MAX_VALUE : Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    // No /proc (not Linux) leaves the bounds open rather than refusing everything: the
    // harness pins with taskset and samples /proc, so it could not run there anyway.
    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
