package org.jvmbench.harness.result;

import java.util.Map;

/**
 * What the client counted in the measured window.
 *
 * @param requests        completed requests (ok + ko)
 * @param errors          KO requests by kind, e.g. {@code status_500}, {@code timeout}, {@code connection}
 * @param windowSeconds   first request sent to last response received, in seconds (nanosecond clock)
 * @param rps             answered requests (OK) / windowSeconds: a refused or failed request is not
 *                        throughput, so a dying server cannot look fast (not Gatling's figure either,
 *                        which divides by a duration rounded up to whole seconds)
 */
public record Throughput(
        long requests,
        long ok,
        long ko,
        Map<String, Long> errors,
        double windowSeconds,
        double rps) {

    /** From the counts, with {@link #rps} the answered requests per second of the window. */
    public static Throughput of(long requests, long ok, long ko, Map<String, Long> errors, double windowSeconds) {
        return new Throughput(requests, ok, ko, errors, windowSeconds, windowSeconds > 0 ? ok / windowSeconds : 0);
    }

    public double errorRatio() {
        return requests == 0 ? 0 : (double) ko / requests;
    }
}
