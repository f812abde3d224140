package org.jvmbench.harness.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseResult;

/** Several injectors' results merged as if one injector had sent every request: sums, never averages. */
class PhaseMergeTest {

    private static Histogram histogram(long... micros) {
        Histogram h = Histograms.empty();
        for (long m : micros) {
            h.recordValue(m);
        }
        return h;
    }

    private static PhaseResult part(long startMs, long endMs, long windowNanos, Histogram latency, long ko, Map<String, Long> errors,
                                    long firstSecond, long firstCoveredMs, long lastCoveredMs, List<Long> perSecond) {
        long requests = latency.getTotalCount();
        return new PhaseResult("p", 0, requests, requests - ko, ko, errors, startMs, endMs, windowNanos, Histograms.encode(latency),
                firstSecond, firstCoveredMs, lastCoveredMs, perSecond, 4, null, null, null);
    }

    @Test
    void sumsCountsAndErrorKindsAndAddsHistograms() {
        Histogram a = histogram(100, 200, 300, 400, 50_000);
        Histogram b = histogram(150, 250, 900_000);
        PhaseResult one = part(10_500, 12_400, 1_900_000_000L, a, 1, Map.of("timeout", 1L), 10, 500, 400, List.of(2L, 2L, 1L));
        PhaseResult two = part(10_700, 12_600, 1_900_000_000L, b, 2, Map.of("timeout", 1L, "status_503", 1L), 10, 300, 600,
                List.of(1L, 1L, 1L));

        PhaseResult merged = PhaseMerge.merge("p", List.of(one, two));

        assertThat(merged.requests()).isEqualTo(8);
        assertThat(merged.ok()).isEqualTo(5);
        assertThat(merged.ko()).isEqualTo(3);
        assertThat(merged.errors()).containsExactlyInAnyOrderEntriesOf(Map.of("timeout", 2L, "status_503", 1L));
        assertThat(merged.connectionsUsed()).isEqualTo(8);
        Histogram all = histogram(100, 200, 300, 400, 50_000, 150, 250, 900_000);
        Histogram sum = Histograms.decode(merged.histogramMicros());
        assertThat(sum.getTotalCount()).isEqualTo(merged.requests());
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertThat(sum.getValueAtPercentile(p)).as("p%s", p).isEqualTo(all.getValueAtPercentile(p));
        }
    }

    @Test
    void sumsPerSecondCountsByWallClockSecondAcrossInjectorsThatStartedInDifferentSeconds() {
        // one covers seconds 10..12, the other 11..13: equal epoch seconds add up
        PhaseResult one = part(10_800, 12_500, 1_700_000_000L, histogram(1, 1, 1, 1, 1, 1), 0, Map.of(), 10, 200, 500,
                List.of(1L, 3L, 2L));
        PhaseResult two = part(11_100, 13_900, 2_800_000_000L, histogram(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 0, Map.of(), 11, 900, 900,
                List.of(2L, 4L, 4L));

        PhaseResult merged = PhaseMerge.merge("p", List.of(one, two));

        assertThat(merged.perSecondStartEpochSecond()).isEqualTo(10);
        assertThat(merged.perSecond()).containsExactly(1L, 5L, 6L, 4L);
        assertThat(merged.perSecond().stream().mapToLong(Long::longValue).sum()).isEqualTo(merged.requests());
        // the wall-clock window is the union: from the earliest first request to the latest last response
        assertThat(merged.windowStartEpochMs()).isEqualTo(10_800);
        assertThat(merged.windowEndEpochMs()).isEqualTo(13_900);
        assertThat(merged.firstSecondCoveredMs()).isEqualTo(200);
        assertThat(merged.lastSecondCoveredMs()).isEqualTo(900);
    }

    @Test
    void theMergedRateIsTheSumOfEachInjectorsRateOverItsOwnWindowWhenTheyStartedApart() {
        // the second injector was released 400 ms after the first; both ran their 10 s
        PhaseResult early = counted(20_000, 30_000, 10_000_000_000L, 1000);
        PhaseResult late = counted(20_400, 30_400, 10_000_000_000L, 2000);

        PhaseResult merged = PhaseMerge.merge("p", List.of(early, late));

        // 1000 / 10 s + 2000 / 10 s = 100 + 200 = 300 per second; the 10.4 s union would give 3000 / 10.4 = 288.5
        assertThat(merged.ok() / merged.windowSeconds()).isCloseTo(300.0, within(1e-9));
        assertThat(merged.windowNanos()).isEqualTo(10_000_000_000L);
        assertThat(merged.windowStartEpochMs()).isEqualTo(20_000);
        assertThat(merged.windowEndEpochMs()).isEqualTo(30_400);
    }

    @Test
    void injectorsWithWindowsOfTheirOwnLengthAddTheirOwnRates() {
        // 1000 OK over 10 s is 100 per second; 1600 OK over 8 s, from 1.5 s later, is 200 per second
        PhaseResult first = counted(20_000, 30_000, 10_000_000_000L, 1000);
        PhaseResult second = counted(21_500, 29_500, 8_000_000_000L, 1600);
        PhaseResult failed = new PhaseResult("p", PhaseResult.RUN_THREW, 0, 0, 0, Map.of(), 0, 0, 0, null, 0, 0, 0, List.of(), 0,
                null, null, "boom");

        PhaseResult merged = PhaseMerge.merge("p", List.of(first, second, failed));

        // 100 + 200 = 300 per second: 2600 OK over 2600 / 300 s = 8.666 666 667 s
        assertThat(merged.ok() / merged.windowSeconds()).isCloseTo(300.0, within(1e-6));
        assertThat(merged.windowNanos()).isEqualTo(8_666_666_667L);
    }

    @Test
    void aPhaseWithNothingAnsweredKeepsTheLongestWindow() {
        PhaseResult refused = new PhaseResult("p", 0, 5, 0, 5, Map.of("connection", 5L), 0, 2000, 2_000_000_000L,
                Histograms.encode(histogram(1, 1, 1, 1, 1)), 0, 1000, 1000, List.of(3L, 2L), 1, null, null, null);
        // released a second later: the union would be 2.5 s, in which nobody was answered for longer than 2 s
        PhaseResult shorter = new PhaseResult("p", 0, 2, 0, 2, Map.of("connection", 2L), 1000, 2500, 1_500_000_000L,
                Histograms.encode(histogram(1, 1)), 1, 1000, 500, List.of(1L, 1L), 1, null, null, null);

        assertThat(PhaseMerge.merge("p", List.of(refused, shorter)).windowNanos()).isEqualTo(2_000_000_000L);
    }

    @Test
    void addsTheOpenModelsTimetables() {
        PhaseResult.Schedule s1 = new PhaseResult.Schedule(50, 100, Histograms.encode(histogram(10, 20)), 1000, 1, 5000, 2);
        PhaseResult.Schedule s2 = new PhaseResult.Schedule(50, 98, Histograms.encode(histogram(30)), 1000, 0, 7000, 3);
        PhaseResult one = withSchedule(part(0, 1000, 1_000_000_000L, histogram(10, 20), 0, Map.of(), 0, 1000, 1000, List.of(2L)), s1);
        PhaseResult two = withSchedule(part(0, 1000, 1_000_000_000L, histogram(30), 0, Map.of(), 0, 1000, 1000, List.of(1L)), s2);

        PhaseResult.Schedule merged = PhaseMerge.merge("p", List.of(one, two)).schedule();

        assertThat(merged.ratePerSecond()).isEqualTo(100);
        assertThat(merged.scheduledRequests()).isEqualTo(198);
        assertThat(merged.lateRequests()).isEqualTo(1);
        assertThat(merged.queuedRequests()).isEqualTo(5);
        assertThat(merged.maxLateMicros()).isEqualTo(7000);
        assertThat(Histograms.decode(merged.intendedHistogramMicros()).getTotalCount()).isEqualTo(3);
    }

    @Test
    void keepsAnInjectorsLoadRunFailureInTheMergedError() {
        PhaseResult fine = part(0, 1000, 1_000_000_000L, histogram(1), 0, Map.of(), 0, 1000, 1000, List.of(1L));
        PhaseResult failed = new PhaseResult("p", PhaseResult.RUN_THREW, 0, 0, 0, Map.of(), 0, 0, 0, null, 0, 0, 0, List.of(), 0, null,
                null, "boom");

        PhaseResult merged = PhaseMerge.merge("p", List.of(fine, failed));

        assertThat(merged.error()).isEqualTo("boom");
        assertThat(merged.gatlingExitCode()).isEqualTo(PhaseResult.RUN_THREW);
        assertThat(Histograms.decode(merged.histogramMicros()).getTotalCount()).isEqualTo(1);
    }

    @Test
    void anInjectorWhoseRunFailedBeforeItSentAnythingDoesNotStretchTheWindow() {
        PhaseResult fine = part(10_500, 12_400, 1_900_000_000L, histogram(1, 1, 1), 0, Map.of(), 10, 500, 400, List.of(1L, 1L, 1L));
        // a failed run is stamped with the moment it gave up, here 3.1 s after the others ended
        PhaseResult failed = new PhaseResult("p", PhaseResult.RUN_THREW, 0, 0, 0, Map.of(), 15_500, 15_500, 0, null, 15, 0, 0,
                List.of(), 0, null, null, "boom");

        PhaseResult merged = PhaseMerge.merge("p", List.of(fine, failed));

        assertThat(merged.windowStartEpochMs()).isEqualTo(10_500);
        assertThat(merged.windowEndEpochMs()).isEqualTo(12_400);
        assertThat(merged.perSecond()).containsExactly(1L, 1L, 1L);
    }

    @Test
    void oneResultIsItself() {
        PhaseResult only = part(0, 1000, 1_000_000_000L, histogram(1), 0, Map.of(), 0, 1000, 1000, List.of(1L));

        assertThat(PhaseMerge.merge("p", List.of(only))).isSameAs(only);
    }

    /** {@code ok} answers, all OK, over the window; the per-second counts do not enter the rate. */
    private static PhaseResult counted(long startMs, long endMs, long windowNanos, long ok) {
        return new PhaseResult("p", 0, ok, ok, 0, Map.of(), startMs, endMs, windowNanos, null, startMs / 1000, 1000, 1000, List.of(ok),
                1, null, null, null);
    }

    private static PhaseResult withSchedule(PhaseResult p, PhaseResult.Schedule s) {
        return new PhaseResult(p.id(), p.gatlingExitCode(), p.requests(), p.ok(), p.ko(), p.errors(), p.windowStartEpochMs(),
                p.windowEndEpochMs(), p.windowNanos(), p.histogramMicros(), p.perSecondStartEpochSecond(), p.firstSecondCoveredMs(),
                p.lastSecondCoveredMs(), p.perSecond(), p.connectionsUsed(), s, null, null);
    }
}
