package org.jvmbench.harness.sampling;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hand-made samples for the pure computations: times in seconds, CPU in milliseconds. */
final class Synthetic {

    /** An arbitrary wall-clock origin, and a monotonic one unrelated to it, as in a real JVM. */
    static final long EPOCH_MS = 1_763_772_000_000L;
    static final long MONOTONIC_ORIGIN = 987_654_321_000L;

    private Synthetic() {
    }

    static long epochMs(double seconds) {
        return EPOCH_MS + Math.round(seconds * 1000);
    }

    static Sample at(double seconds, Targets targets, long machineBusyMillis, ProcessReading... alive) {
        Map<Long, ProcessReading> processes = Arrays.stream(alive)
                .collect(Collectors.toMap(ProcessReading::pid, Function.identity()));
        return new Sample(MONOTONIC_ORIGIN + Math.round(seconds * 1e9), epochMs(seconds), targets, processes,
                new MachineReading(machineBusyMillis * 1_000_000, List.of(machineBusyMillis * 1_000_000), List.of(0L)));
    }

    static ProcessReading process(long pid, long cpuMillis, long rssBytes) {
        return new ProcessReading(pid, cpuMillis * 1_000_000, rssBytes, rssBytes / 2, 10, 2);
    }
}
