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

    /** {@code Slice} to fill in by name: a component not set stays null, false or 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code Slice} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.round = round;
        b.order = order;
        b.startEpochMs = startEpochMs;
        b.endEpochMs = endEpochMs;
        b.requests = requests;
        b.ko = ko;
        b.windowSeconds = windowSeconds;
        b.rps = rps;
        b.p99Micros = p99Micros;
        b.histogram = histogram;
        b.serverCpuCores = serverCpuCores;
        b.parkedCpuCores = parkedCpuCores;
        b.jitMs = jitMs;
        b.gcMs = gcMs;
        b.flags = flags;
        return b;
    }

    /** {@code Slice} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private int round;
        private int order;
        private long startEpochMs;
        private long endEpochMs;
        private long requests;
        private long ko;
        private double windowSeconds;
        private double rps;
        private Long p99Micros;
        private String histogram;
        private double serverCpuCores;
        private double parkedCpuCores;
        private long jitMs;
        private long gcMs;
        private List<Flag> flags;

        private Builder() {
        }

        public Builder round(int value) {
            round = value;
            return this;
        }

        public Builder order(int value) {
            order = value;
            return this;
        }

        public Builder startEpochMs(long value) {
            startEpochMs = value;
            return this;
        }

        public Builder endEpochMs(long value) {
            endEpochMs = value;
            return this;
        }

        public Builder requests(long value) {
            requests = value;
            return this;
        }

        public Builder ko(long value) {
            ko = value;
            return this;
        }

        public Builder windowSeconds(double value) {
            windowSeconds = value;
            return this;
        }

        public Builder rps(double value) {
            rps = value;
            return this;
        }

        public Builder p99Micros(Long value) {
            p99Micros = value;
            return this;
        }

        public Builder histogram(String value) {
            histogram = value;
            return this;
        }

        public Builder serverCpuCores(double value) {
            serverCpuCores = value;
            return this;
        }

        public Builder parkedCpuCores(double value) {
            parkedCpuCores = value;
            return this;
        }

        public Builder jitMs(long value) {
            jitMs = value;
            return this;
        }

        public Builder gcMs(long value) {
            gcMs = value;
            return this;
        }

        public Builder flags(List<Flag> value) {
            flags = value;
            return this;
        }

        public Slice build() {
            return new Slice(round, order, startEpochMs, endEpochMs, requests, ko, windowSeconds, rps, p99Micros,
                    histogram, serverCpuCores, parkedCpuCores, jitMs, gcMs, flags);
        }
    }
}
