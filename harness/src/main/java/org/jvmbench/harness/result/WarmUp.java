package org.jvmbench.harness.result;

/**
 * The warm-up before a point: its endpoint, at the load of its heaviest point, until the
 * server settled or the cap was reached. Kept with every point it preceded, so the report can
 * say how long each configuration needs before it is at its peak.
 *
 * @param endpoint        the endpoint warmed
 * @param users           closed-model users during the warm-up
 * @param settled         whether the settle rule held before the cap
 * @param seconds         wall time from the first warm-up request until the rule held (or the cap)
 * @param requests        requests completed in that time
 * @param sinceStartSeconds seconds from the server's JVM start to the end of the warm-up: its time to peak
 * @param verdict         the rule's figures at the end, e.g. {@code trend +1.2 % (≤ 5 %), CV 3.4 % (≤ 10 %), ...}
 */
public record WarmUp(
        String endpoint,
        int users,
        boolean settled,
        double seconds,
        long requests,
        double sinceStartSeconds,
        String verdict) {
}
