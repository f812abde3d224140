package org.jvmbench.protocol.phase;

import java.util.List;
import java.util.Map;

/**
 * What the injector recorded for one phase: its own counts and latency histogram, not
 * Gatling's report figures (whole-millisecond estimates over a duration rounded up to
 * seconds). Written by the injector as one JSON object, atomically, at the command's
 * {@code out}; golden files in the injector's tests lock the shape.
 *
 * @param gatlingExitCode    what Gatling returned (0 fine), or {@link #RUN_THREW}
 * @param requests           ok + ko = the histogram's count
 * @param errors             KO count per kind ({@code status_<code>}, {@code timeout}, {@code connection})
 * @param windowStartEpochMs first request sent, wall clock
 * @param windowEndEpochMs   last response received, wall clock
 * @param windowNanos        first request sent to last response received, monotonic clock
 * @param histogramMicros    {@link org.jvmbench.protocol.Histograms} form of every request's latency
 * @param perSecond          requests completed in each second of the window, second 0 starting at
 *                           the first request sent; the last one is partial
 * @param reportDir          the Gatling run folder holding index.html, or null
 * @param error              why the phase itself failed, or null (KOs are not failures of the phase)
 */
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

    /** Stands for an exit code when Gatling threw instead of returning one. */
    public static final int RUN_THREW = -1;

    public PhaseResult {
        errors = errors == null ? Map.of() : errors;
        perSecond = perSecond == null ? List.of() : List.copyOf(perSecond);
    }

    public double windowSeconds() {
        return windowNanos / 1e9;
    }
}
