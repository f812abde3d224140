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
 * @param perSecond       responses received in each wall-clock second of the window
 * @param connectionsUsed connections used, one per user: closed, the users started; open, the
 *                        pool's connections that sent at least one request
 * @param schedule        how an open-model run kept its timetable; null for a closed one
 */
public record RunRecording(
        long ok,
        long ko,
        Map<String, Long> errors,
        long windowStartEpochMs,
        long windowEndEpochMs,
        long windowNanos,
        Histogram latencyMicros,
        CompletionsPerSecond perSecond,
        int connectionsUsed,
        ScheduleKept schedule) {

    public RunRecording {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        latencyMicros = latencyMicros.copy();
    }

    /** A run that recorded nothing, for runs that failed before their simulation existed. */
    public static RunRecording empty() {
        long now = System.currentTimeMillis();
        return new RunRecording(0, 0, Map.of(), now, now, 0, Histograms.empty(), CompletionsPerSecond.none(now), 0, null);
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

    /** One line (two for an open run) for the console of a run started on its own, with the Maven plugin. */
    public String summary() {
        String line = String.format(
                "recorded %d requests (ok %d, ko %d %s) in %.3f s = %.1f req/s over %d connections; latency us %s",
                requests(), ok, ko, errors, windowNanos / 1e9, throughputPerSecond(), connectionsUsed,
                percentiles(latencyMicros));
        if (schedule == null) {
            return line;
        }
        return line + String.format(
                "%n  schedule %.1f req/s: %d due, %d sent; from due time us %s; late %d (max %d us), queued %d (threshold %d us)",
                schedule.ratePerSecond(), schedule.scheduledRequests(), requests(),
                percentiles(schedule.intendedLatencyMicros()), schedule.lateRequests(), schedule.maxLateMicros(),
                schedule.queuedRequests(), schedule.lateThresholdMicros());
    }

    private static String percentiles(Histogram micros) {
        return String.format("p50 %d, p90 %d, p99 %d, p99.9 %d, max %d",
                micros.getValueAtPercentile(50), micros.getValueAtPercentile(90), micros.getValueAtPercentile(99),
                micros.getValueAtPercentile(99.9), micros.getMaxValue());
    }
}
