package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How steady a point's measured window was, judged on the point itself: its full seconds
 * (the partial first and last second left out) and the server's own counters, read every
 * second while the point ran and taken at the readings nearest the window's edges.
 *
 * @param fullSeconds         whole seconds inside the window
 * @param rpsCv               coefficient of variation of the completed requests per full second
 * @param trend               (mean of the last third − mean of the first third) / mean: positive
 *                            means the server was still getting faster inside the window
 * @param jitMs               compilation time of the server's JVMs inside the window (over {@code countersSeconds}), −1 when unknown
 * @param gcMs                collection time inside the window, all collectors, all JVMs
 * @param gcCount             collections inside the window
 * @param stalledSeconds      full seconds in which no request completed while requests were outstanding
 * @param longestStallSeconds the longest run of such seconds
 * @param countersSeconds     the wall time between the two counter readings the JIT and GC figures
 *                            span: the first and last inside the window (up to a reading period
 *                            short of it at each edge), or the nearest around a window too short
 *                            to hold two; null in results written before, whose readings were
 *                            taken before and after the whole phase
 */
public record Stability(
        int fullSeconds,
        double rpsCv,
        double trend,
        long jitMs,
        long gcMs,
        long gcCount,
        int stalledSeconds,
        int longestStallSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double countersSeconds) {

    /** As written before the counters were read at the window's edges. */
    public Stability(int fullSeconds, double rpsCv, double trend, long jitMs, long gcMs, long gcCount, int stalledSeconds,
                     int longestStallSeconds) {
        this(fullSeconds, rpsCv, trend, jitMs, gcMs, gcCount, stalledSeconds, longestStallSeconds, null);
    }

    /**
     * Compilation time as a share of the time it was counted over ({@code countersSeconds}, or
     * the window's wall time for results that have none), or NaN when unknown.
     */
    public double jitShare(double windowSeconds) {
        double seconds = countersSeconds != null ? countersSeconds : windowSeconds;
        return jitMs < 0 || seconds <= 0 ? Double.NaN : jitMs / (seconds * 1000);
    }
}
