package org.jvmbench.loadtests.recording;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.jvmbench.protocol.Histograms;

/**
 * What our own recording saw in one run, frozen. Latencies of all requests, OK and KO, are in
 * {@code latencyMicros}; {@code errors} names each KO ({@code status_<code>}, {@code timeout},
 * {@code connection}). The window runs from the first request sent to the last response
 * received.
 *
 * @param perSecond responses received in each wall-clock second of the window
 */
public record RunRecording(
        long ok,
        long ko,
        Map<String, Long> errors,
        long windowStartEpochMs,
        long windowEndEpochMs,
        long windowNanos,
        Histogram latencyMicros,
        CompletionsPerSecond perSecond) {

    public RunRecording {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        latencyMicros = latencyMicros.copy();
    }

    /** A run that recorded nothing, for runs that failed before their simulation existed. */
    public static RunRecording empty() {
        long now = System.currentTimeMillis();
        return new RunRecording(0, 0, Map.of(), now, now, 0, Histograms.empty(), CompletionsPerSecond.none(now));
    }

    public long requests() {
        return ok + ko;
    }

    @Override
    public Histogram latencyMicros() {
        return latencyMicros.copy();
    }

    /** Requests per second over the whole window, or 0 for an empty window. */
    public double throughputPerSecond() {
        return windowNanos == 0 ? 0 : requests() * 1e9 / windowNanos;
    }

    /** The histogram in its stored form ({@link Histograms}). */
    public String encodedHistogram() {
        return Histograms.encode(latencyMicros);
    }

    /** One line for the console of a run started on its own, with the Maven plugin. */
    public String summary() {
        return String.format(
                "recorded %d requests (ok %d, ko %d %s) in %.3f s = %.1f req/s; latency us p50 %d, p90 %d, p99 %d, p99.9 %d, max %d",
                requests(), ok, ko, errors, windowNanos / 1e9, throughputPerSecond(),
                latencyMicros.getValueAtPercentile(50), latencyMicros.getValueAtPercentile(90),
                latencyMicros.getValueAtPercentile(99), latencyMicros.getValueAtPercentile(99.9),
                latencyMicros.getMaxValue());
    }
}
