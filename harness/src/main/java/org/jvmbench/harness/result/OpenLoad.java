package org.jvmbench.harness.result;

/**
 * What an open-model point offered and how its timetable held: requests fell due at
 * {@code offeredRps}, each measured from its due time ({@code intendedLatency}) as well as from
 * its actual send (the point's {@code latency}, the service time), so the difference the
 * closed model hides is visible. What the point achieved is its {@code throughput.rps} (answered
 * requests per second of its window), to set against {@code offeredRps}.
 *
 * @param offeredRps        requests due per second
 * @param capacityRps       the configuration's own capacity the rate is a share of (the closed
 *                          probe right after the warm-up), or null for an absolute rate
 * @param connections       the pool the requests went out on
 * @param connectionsUsed   connections that sent at least one request
 * @param scheduledRequests requests that fell due within the window
 * @param lateRequests      requests the injector itself sent late (past the threshold) while a
 *                          connection was free: the load generator, not the server
 * @param maxLateMicros     the largest such lateness
 * @param queuedRequests    requests that waited past the threshold for a free connection: the
 *                          server's backlog, part of their intended latency
 * @param lateThresholdMicros how late counts as late
 * @param intendedLatency   latency from each request's due time
 * @param intendedHistogram the same as a stored histogram (µs), so repetitions merge exactly
 * @param probe             the closed-model run {@code capacityRps} comes from, or null for an absolute rate
 */
public record OpenLoad(
        double offeredRps,
        Double capacityRps,
        int connections,
        int connectionsUsed,
        long scheduledRequests,
        long lateRequests,
        long maxLateMicros,
        long queuedRequests,
        long lateThresholdMicros,
        LatencySummary intendedLatency,
        String intendedHistogram,
        CapacityProbe probe) {

    /** Share of the scheduled requests the injector sent late. */
    public double lateShare() {
        return scheduledRequests == 0 ? 0 : (double) lateRequests / scheduledRequests;
    }

    /** Requests that fell due but never went out: every connection stayed busy until the window ended. */
    public long unsentRequests(long sentRequests) {
        return Math.max(0, scheduledRequests - sentRequests);
    }

    /** {@code OpenLoad} to fill in by name: a component not set stays null, false or 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code OpenLoad} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.offeredRps = offeredRps;
        b.capacityRps = capacityRps;
        b.connections = connections;
        b.connectionsUsed = connectionsUsed;
        b.scheduledRequests = scheduledRequests;
        b.lateRequests = lateRequests;
        b.maxLateMicros = maxLateMicros;
        b.queuedRequests = queuedRequests;
        b.lateThresholdMicros = lateThresholdMicros;
        b.intendedLatency = intendedLatency;
        b.intendedHistogram = intendedHistogram;
        b.probe = probe;
        return b;
    }

    /** {@code OpenLoad} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private double offeredRps;
        private Double capacityRps;
        private int connections;
        private int connectionsUsed;
        private long scheduledRequests;
        private long lateRequests;
        private long maxLateMicros;
        private long queuedRequests;
        private long lateThresholdMicros;
        private LatencySummary intendedLatency;
        private String intendedHistogram;
        private CapacityProbe probe;

        private Builder() {
        }

        public Builder offeredRps(double value) {
            offeredRps = value;
            return this;
        }

        public Builder capacityRps(Double value) {
            capacityRps = value;
            return this;
        }

        public Builder connections(int value) {
            connections = value;
            return this;
        }

        public Builder connectionsUsed(int value) {
            connectionsUsed = value;
            return this;
        }

        public Builder scheduledRequests(long value) {
            scheduledRequests = value;
            return this;
        }

        public Builder lateRequests(long value) {
            lateRequests = value;
            return this;
        }

        public Builder maxLateMicros(long value) {
            maxLateMicros = value;
            return this;
        }

        public Builder queuedRequests(long value) {
            queuedRequests = value;
            return this;
        }

        public Builder lateThresholdMicros(long value) {
            lateThresholdMicros = value;
            return this;
        }

        public Builder intendedLatency(LatencySummary value) {
            intendedLatency = value;
            return this;
        }

        public Builder intendedHistogram(String value) {
            intendedHistogram = value;
            return this;
        }

        public Builder probe(CapacityProbe value) {
            probe = value;
            return this;
        }

        public OpenLoad build() {
            return new OpenLoad(offeredRps, capacityRps, connections, connectionsUsed, scheduledRequests, lateRequests,
                    maxLateMicros, queuedRequests, lateThresholdMicros, intendedLatency, intendedHistogram, probe);
        }
    }
}
