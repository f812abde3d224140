package org.jvmbench.protocol.phase;

import java.util.List;
import java.util.Map;

/**
 * What the injector recorded for one phase: its own counts and latency histogram, not
 * Gatling's report figures (whole-millisecond estimates over a duration rounded up to
 * seconds). Written by the injector as one JSON object, atomically, at the command's
 * {@code out}; golden files in the injector's tests lock the shape.
 *
 * <p><b>Per-second counts are on wall-clock seconds</b>, the seconds a sampler reading the
 * machine on epoch-second boundaries sees: {@code perSecond[i]} counts the requests whose
 * response arrived in epoch second {@code perSecondStartEpochSecond + i}, i.e. in
 * {@code [(start + i) * 1000, (start + i + 1) * 1000)} epoch milliseconds. The window rarely
 * begins or ends on a second boundary, so <b>the first and the last entry are partial</b>:
 * only {@code firstSecondCoveredMs} of the first second and {@code lastSecondCoveredMs} of the
 * last lie inside the window (both are the whole window when it fits in one second). Drop or
 * scale them before reading a rate off them; every entry in between covers a whole second.
 *
 * @param gatlingExitCode           what Gatling returned (0 fine), or {@link #RUN_THREW}
 * @param requests                  ok + ko = the histogram's count
 * @param errors                    KO count per kind ({@code status_<code>}, {@code timeout}, {@code connection})
 * @param windowStartEpochMs        first request sent, wall clock
 * @param windowEndEpochMs          last response received, wall clock
 * @param windowNanos               first request sent to last response received, monotonic clock
 * @param histogramMicros           {@link org.jvmbench.protocol.Histograms} form of every request's latency,
 *                                  from the moment it was handed to Gatling to its response
 * @param perSecondStartEpochSecond the epoch second {@code perSecond[0]} counts (the window's first second)
 * @param firstSecondCoveredMs      how much of {@code perSecond[0]}'s second lies inside the window, 0-1000 ms
 * @param lastSecondCoveredMs       how much of the last entry's second lies inside the window, 0-1000 ms
 * @param perSecond                 responses received in each wall-clock second of the window; empty
 *                                  when nothing completed
 * @param reportDir                 the Gatling run folder holding index.html, or null
 * @param error                     why the phase itself failed, or null (KOs are not failures of the phase)
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
        long perSecondStartEpochSecond,
        long firstSecondCoveredMs,
        long lastSecondCoveredMs,
        List<Long> perSecond,
        String reportDir,
        String error) {

    /** Stands for an exit code when Gatling threw instead of returning one. */
    public static final int RUN_THREW = -1;

    public PhaseResult {
        errors = errors == null ? Map.of() : errors;
        perSecond = perSecond == null ? List.of() : List.copyOf(perSecond);
    }

    /**
     * The shape before per-second counts were put on wall-clock seconds; it leaves their
     * alignment unknown (0). Kept so callers written against it still compile; new code
     * passes every field.
     */
    public PhaseResult(String id, int gatlingExitCode, long requests, long ok, long ko, Map<String, Long> errors,
                       long windowStartEpochMs, long windowEndEpochMs, long windowNanos, String histogramMicros,
                       List<Long> perSecond, String reportDir, String error) {
        this(id, gatlingExitCode, requests, ok, ko, errors, windowStartEpochMs, windowEndEpochMs, windowNanos,
                histogramMicros, 0, 0, 0, perSecond, reportDir, error);
    }

    public double windowSeconds() {
        return windowNanos / 1e9;
    }
}
