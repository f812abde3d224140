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
}
