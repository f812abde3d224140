package org.jvmbench.harness.result;

/**
 * Latency of the measured window, from a histogram of every completed request (OK and KO),
 * in microseconds. The fixed list of percentiles is the same for every point.
 *
 * @param count       requests recorded in the histogram
 * @param meanMicros  arithmetic mean
 * @param resolution  how the values were recorded (unit, precision), stated with the numbers
 */
public record LatencySummary(
        long count,
        double meanMicros,
        long p50Micros,
        long p90Micros,
        long p99Micros,
        long p999Micros,
        long maxMicros,
        String resolution) {
}
