package org.jvmbench.harness.result;

/**
 * How steady a point's measured window was, judged on the point itself: its full seconds
 * (the partial first and last second left out) and the server's own counters read before and
 * after it.
 *
 * @param fullSeconds         whole seconds inside the window
 * @param rpsCv               coefficient of variation of the completed requests per full second
 * @param trend               (mean of the last third − mean of the first third) / mean: positive
 *                            means the server was still getting faster inside the window
 * @param jitMs               compilation time of the server's JVMs inside the window, −1 when unknown
 * @param gcMs                collection time inside the window, all collectors, all JVMs
 * @param gcCount             collections inside the window
 * @param stalledSeconds      full seconds in which no request completed while requests were outstanding
 * @param longestStallSeconds the longest run of such seconds
 */
public record Stability(
        int fullSeconds,
        double rpsCv,
        double trend,
        long jitMs,
        long gcMs,
        long gcCount,
        int stalledSeconds,
        int longestStallSeconds) {

    /** Compilation time as a share of the window's wall time, or NaN when unknown. */
    public double jitShare(double windowSeconds) {
        return jitMs < 0 || windowSeconds <= 0 ? Double.NaN : jitMs / (windowSeconds * 1000);
    }
}
