package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * One arm's turn in one round of a paired point: the load of the point for one slice, while
 * every other arm of the repetition stayed alive and idle. The point's own figures are the
 * exact merge of its slices; a paired comparison takes, round by round, the ratio of two
 * arms' slices.
 *
 * @param round           1 .. rounds
 * @param order           this arm's place in the round's drawn order, 1 first
 * @param startEpochMs    first request sent
 * @param endEpochMs      last response received
 * @param requests        requests completed in the slice (OK and KO)
 * @param ko              failed ones
 * @param windowSeconds   first request to last response
 * @param rps             OK responses per second of the window
 * @param p99Micros       the slice's own 99th percentile, for round-by-round latency ratios; null without a histogram
 * @param histogram       the slice's latency histogram (HdrHistogram, Base64), which the point merges
 * @param serverCpuCores  CPU the loaded arm's JVMs used, in cores, from their {@code /proc} counters at the slice's edges
 * @param parkedCpuCores  CPU every other arm's JVMs used meanwhile, in cores: an idle JVM's GC, JIT or timers
 * @param jitMs           the loaded arm's JIT compilation time inside the slice, −1 when unknown
 * @param gcMs            the loaded arm's GC time inside the slice, −1 when unknown
 * @param flags           what was wrong with this slice (the point carries them too)
 */
public record Slice(int round, int order, long startEpochMs, long endEpochMs, long requests, long ko, double windowSeconds,
                    double rps, Long p99Micros, String histogram, double serverCpuCores, double parkedCpuCores, long jitMs,
                    long gcMs, List<Flag> flags) {

    @JsonCreator
    public Slice {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** OK requests per CPU-second of the loaded arm: what a configuration gets out of the CPU it used. */
    public double requestsPerCpuSecond() {
        return serverCpuCores > 0 ? rps / serverCpuCores : Double.NaN;
    }
}
