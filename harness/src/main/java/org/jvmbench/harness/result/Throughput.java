package org.jvmbench.harness.result;

import java.util.Map;

/**
 * What the client counted in the measured window.
 *
 * @param requests        completed requests (ok + ko)
 * @param errors          KO requests by kind, e.g. {@code status_500}, {@code timeout}, {@code connection}
 * @param windowSeconds   first request sent to last response received, in seconds (nanosecond clock)
 * @param rps             requests / windowSeconds (not Gatling's figure, which rounds the duration up)
 */
public record Throughput(
        long requests,
        long ok,
        long ko,
        Map<String, Long> errors,
        double windowSeconds,
        double rps) {

    public double errorRatio() {
        return requests == 0 ? 0 : (double) ko / requests;
    }
}
