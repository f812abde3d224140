package org.jvmbench.harness.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * Several injectors' results of one phase as the one result of a single injector that sent
 * all of their requests. Exact, never an average: counts and error kinds are summed, latency
 * histograms added (percentiles come from the sum), per-second counts summed second by
 * wall-clock second (each injector counts on its host's clock: the hosts' offsets, measured
 * and held within {@code hosts.clockOffset}, are how far apart equal seconds may lie). The
 * wall-clock window is the union of the windows (the server was under load through all of it),
 * but the throughput is the sum of each injector's rate over its own window ({@link #rateWindowNanos}):
 * injectors released together still start some milliseconds apart, and the union then holds
 * time in which only some of them sent.
 */
final class PhaseMerge {

    private PhaseMerge() {
    }

    /** @param parts at least one result of the same phase, one per injector that answered */
    static PhaseResult merge(String id, List<PhaseResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge for " + id);
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        long requests = 0, ok = 0, ko = 0;
        int connections = 0;
        Map<String, Long> errors = new TreeMap<>();
        long start = Long.MAX_VALUE, end = Long.MIN_VALUE;
        for (PhaseResult p : parts) {
            requests += p.requests();
            ok += p.ok();
            ko += p.ko();
            connections += p.connectionsUsed();
            p.errors().forEach((kind, n) -> errors.merge(kind, n, Long::sum));
        }
        // a part that sent nothing has no window: its run failed, and its stamps are when it gave up
        boolean anySent = parts.stream().anyMatch(p -> p.requests() > 0);
        for (PhaseResult p : parts) {
            if (p.requests() > 0 || !anySent) {
                start = Math.min(start, p.windowStartEpochMs());
                end = Math.max(end, p.windowEndEpochMs());
            }
        }
        long windowNanos = rateWindowNanos(parts);
        PerSecond series = perSecond(parts, start, end);
        return new PhaseResult(id, worstExit(parts), requests, ok, ko, new LinkedHashMap<>(errors), start, end, windowNanos,
                addHistograms(parts.stream().map(PhaseResult::histogramMicros).toList()), series.first,
                series.firstCoveredMs, series.lastCoveredMs, series.counts, connections, schedule(parts), null, error(parts));
    }

    /**
     * The window over which all answered requests come to the sum of each injector's own rate
     * ({@code ok / its windowNanos}): the OK-weighted harmonic mean of the injectors' windows, so
     * that {@code ok / windowNanos} of the merged result is that sum. Equal windows give that
     * window whatever their offsets. An injector's count and its window come from one JVM's
     * monotonic clock, so no host's clock offset enters. A part that answered nothing OK adds no
     * rate; when none did, the rate is 0 over any window, and the longest is kept.
     */
    static long rateWindowNanos(List<PhaseResult> parts) {
        long ok = 0;
        double okPerNano = 0;
        long longest = 0;
        for (PhaseResult p : parts) {
            longest = Math.max(longest, p.windowNanos());
            if (p.ok() > 0 && p.windowNanos() > 0) {
                ok += p.ok();
                okPerNano += (double) p.ok() / p.windowNanos();
            }
        }
        return ok == 0 ? longest : Math.round(ok / okPerNano);
    }

    /** The sum of HdrHistograms in {@link Histograms} form; null when none was recorded. */
    static String addHistograms(List<String> encoded) {
        Histogram sum = null;
        for (String e : encoded) {
            if (e == null) {
                continue;
            }
            Histogram h = Histograms.decode(e);
            if (sum == null) {
                sum = h;
            } else {
                sum.add(h);
            }
        }
        return sum == null ? null : Histograms.encode(sum);
    }

    private record PerSecond(long first, long firstCoveredMs, long lastCoveredMs, List<Long> counts) {
    }

    /** Counts summed by epoch second; the edge seconds' coverage is the union window's, as an injector computes it. */
    private static PerSecond perSecond(List<PhaseResult> parts, long startMs, long endMs) {
        TreeMap<Long, Long> bySecond = new TreeMap<>();
        for (PhaseResult p : parts) {
            for (int i = 0; i < p.perSecond().size(); i++) {
                bySecond.merge(p.perSecondStartEpochSecond() + i, p.perSecond().get(i), Long::sum);
            }
        }
        long firstSecond = Math.floorDiv(startMs, 1000L);
        if (bySecond.isEmpty()) {
            return new PerSecond(firstSecond, 0, 0, List.of());
        }
        firstSecond = Math.min(firstSecond, bySecond.firstKey());
        long lastSecond = Math.max(Math.floorDiv(endMs, 1000L), bySecond.lastKey());
        List<Long> counts = new ArrayList<>();
        for (long s = firstSecond; s <= lastSecond; s++) {
            counts.add(bySecond.getOrDefault(s, 0L));
        }
        long firstCovered = Math.min(endMs, (firstSecond + 1) * 1000) - Math.max(startMs, firstSecond * 1000);
        long lastCovered = Math.min(endMs, (lastSecond + 1) * 1000) - Math.max(startMs, lastSecond * 1000);
        return new PerSecond(firstSecond, Math.max(0, firstCovered), Math.max(0, lastCovered), counts);
    }

    /** The open model's timetables side by side: rates and counts add up, the worst lateness stands. */
    private static PhaseResult.Schedule schedule(List<PhaseResult> parts) {
        List<PhaseResult.Schedule> schedules = parts.stream().map(PhaseResult::schedule).filter(s -> s != null).toList();
        if (schedules.isEmpty()) {
            return null;
        }
        double rate = 0;
        long scheduled = 0, late = 0, maxLate = 0, queued = 0, threshold = 0;
        for (PhaseResult.Schedule s : schedules) {
            rate += s.ratePerSecond();
            scheduled += s.scheduledRequests();
            late += s.lateRequests();
            maxLate = Math.max(maxLate, s.maxLateMicros());
            queued += s.queuedRequests();
            threshold = Math.max(threshold, s.lateThresholdMicros());
        }
        return new PhaseResult.Schedule(rate, scheduled,
                addHistograms(schedules.stream().map(PhaseResult.Schedule::intendedHistogramMicros).toList()), threshold, late,
                maxLate, queued);
    }

    private static int worstExit(List<PhaseResult> parts) {
        return parts.stream().mapToInt(PhaseResult::gatlingExitCode).filter(c -> c != 0).findFirst().orElse(0);
    }

    private static String error(List<PhaseResult> parts) {
        List<String> errors = parts.stream().map(PhaseResult::error).filter(e -> e != null).toList();
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
