package org.jvmbench.harness.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What the injector recorded for one run: its own counts and latency histogram, not
 * Gatling's report figures (whole-ms estimates over a duration rounded up to seconds).
 *
 * @param windowNanos      first request sent to last response received
 * @param histogramMicros  Base64 of HdrHistogram's compressed form, latencies in µs
 * @param perSecond        completed requests in each second since the window opened
 * @param reportDir        the Gatling run folder holding index.html, or null
 * @param error            why the run itself failed, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseResult(
        String id,
        int gatlingExitCode,
        long requests,
        long ok,
        long ko,
        Map<String, Long> errors,
        long windowStartEpochMs,
        long windowEndEpochMs,
        long windowNanos,
        String histogramMicros,
        List<Long> perSecond,
        String reportDir,
        String error) {

    public double windowSeconds() {
        return windowNanos / 1e9;
    }
}
