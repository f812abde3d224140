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
 * @param histogramMicros           {@link org.jvmbench.protocol.Histograms} form of every request's latency
 *                                  from its actual send (the moment it was handed to Gatling) to its
 *                                  response: in the open model, the service time
 * @param perSecondStartEpochSecond the epoch second {@code perSecond[0]} counts (the window's first second)
 * @param firstSecondCoveredMs      how much of {@code perSecond[0]}'s second lies inside the window, 0-1000 ms
 * @param lastSecondCoveredMs       how much of the last entry's second lies inside the window, 0-1000 ms
 * @param perSecond                 responses received in each wall-clock second of the window; empty
 *                                  when nothing completed
 * @param connectionsUsed           keep-alive connections the phase used, one per Gatling user: closed,
 *                                  the users started ({@code users}); open, the pool's connections
 *                                  that sent at least one request (at most {@code connections})
 * @param schedule                  how an open-model phase kept its timetable; null for a closed one
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
        int connectionsUsed,
        Schedule schedule,
        String reportDir,
        String error) {

    /** Stands for an exit code when Gatling threw instead of returning one. */
    public static final int RUN_THREW = -1;

    /**
     * How an open-model phase kept its timetable. Request k is due at {@code k / ratePerSecond}
     * seconds after the first; a connection that is free takes the next due request, waits for
     * its time and sends it. So a request goes out late for one of two reasons, counted apart:
     * no connection was free when it fell due ({@code queuedRequests}: the server is slow or
     * stalled, and the wait is part of its intended latency, as it would be for a real user), or
     * the injector itself woke or sent it late ({@code lateRequests}: the load generator could
     * not keep the rate, which says nothing about the server).
     *
     * @param ratePerSecond           the command's rate
     * @param scheduledRequests       requests that fell due within the duration; those never sent
     *                                (no connection freed up before the end) are
     *                                {@code scheduledRequests - requests}
     * @param intendedHistogramMicros latency of every request from its due time (its slot in the
     *                                timetable) to its response, or from its send when that was
     *                                earlier (pauses have millisecond steps, so a send may come up
     *                                to 1 ms before its slot); {@link org.jvmbench.protocol.Histograms} form
     * @param lateThresholdMicros     how late a send must be to count in {@code lateRequests} or
     *                                {@code queuedRequests}
     * @param lateRequests            requests the injector sent more than the threshold after their
     *                                due time while a connection was free for them
     * @param maxLateMicros           the largest lateness of the injector's own in any send,
     *                                past the threshold or not (0 when none was late at all)
     * @param queuedRequests          requests that waited more than the threshold for a free
     *                                connection
     */
    public record Schedule(
            double ratePerSecond,
            long scheduledRequests,
            String intendedHistogramMicros,
            long lateThresholdMicros,
            long lateRequests,
            long maxLateMicros,
            long queuedRequests) {
    }

    public PhaseResult {
        errors = errors == null ? Map.of() : errors;
        perSecond = perSecond == null ? List.of() : List.copyOf(perSecond);
    }

    public double windowSeconds() {
        return windowNanos / 1e9;
    }
}
