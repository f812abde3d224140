package org.jvmbench.harness.result;

/**
 * The closed-model run that measured a configuration's capacity on one endpoint: right after the
 * endpoint's warm-up, in the same fork, {@code users} users back to back (the open points' pool
 * size) for the sweep's point duration. Its requests per second are the capacity the open points'
 * shares are of; its latency is what the closed model, {@code wrk -c users}, reports for the same
 * configuration in the same server run, to set beside the open points' latency from due time.
 *
 * @param users         closed-model users, one keep-alive connection each: the open points' {@code connections}
 * @param rps           answered requests per second of the run's window (as a point's throughput): the capacity
 * @param requests      completed requests (OK and KO)
 * @param ko            failed requests
 * @param windowSeconds first request sent to last response received
 * @param latency       latency of every request from its send (closed model)
 * @param histogram     the same as a stored histogram (µs)
 */
public record CapacityProbe(
        int users,
        double rps,
        long requests,
        long ko,
        double windowSeconds,
        LatencySummary latency,
        String histogram) {
}
