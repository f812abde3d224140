package org.jvmbench.harness.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettleRuleTest {

    private static final long T0 = 1_764_000_000L;
    /** The defaults, with a window that fits the 15-second points of the old examples. */
    private static final SettleRule.Tolerances FIFTEEN = new SettleRule.Tolerances(Duration.ofSeconds(10),
            Duration.ofSeconds(15), 0.05, 0.10, 0.02);

    private static List<SettleRule.Second> seconds(List<Long> perSecond) {
        List<SettleRule.Second> seconds = new ArrayList<>();
        for (int i = 0; i < perSecond.size(); i++) {
            seconds.add(new SettleRule.Second(T0 + i, perSecond.get(i)));
        }
        return seconds;
    }

    /** Compilation readings every 5 s over the series, the compilers busy {@code share} of the time. */
    private static List<SettleRule.JitReading> compiling(int seconds, double share) {
        List<SettleRule.JitReading> readings = new ArrayList<>();
        for (int s = 0; s <= seconds; s += 5) {
            readings.add(new SettleRule.JitReading((T0 + s) * 1000, Math.round(s * 1000 * share)));
        }
        return readings;
    }

    private static SettleRule.Verdict judge(String recorded, double jitShare, Duration elapsed) {
        List<Long> rps = RecordedSeries.rps(recorded);
        return SettleRule.judge(seconds(rps), compiling(rps.size(), jitShare), elapsed, FIFTEEN);
    }

    @Test
    void aFlatSeriesWithQuietCompilersHasSettled() {
        SettleRule.Verdict verdict = judge("flat", 0.001, Duration.ofSeconds(30));

        assertThat(verdict.settled()).isTrue();
        assertThat(verdict.failing()).isEmpty();
        assertThat(verdict.numbers()).isEqualTo("JIT 0.1 % of the time (≤ 2.0 %), trend +2.7 % (rise ≤ 5.0 %), CV 1.6 % (stated, not judged), over the last 15 s");
    }

    @Test
    void aRisingSeriesHasNotSettled() {
        SettleRule.Verdict verdict = judge("rising", 0.001, Duration.ofSeconds(30));

        assertThat(verdict.settled()).isFalse();
        assertThat(verdict.failing()).containsExactly("trend");
    }

    @Test
    void aServerSwitchingBetweenTwoRatesWithItsCompilersQuietSettlesAtTheFirstJudgementWhereItDoesNotRise() {
        // servlet /json on the shared VM: ~19k and ~28k requests a second in turns, CV 16 %, JIT done;
        // judged as the warm-up judges, after every 5 s slice
        List<Long> rps = RecordedSeries.rps("regimes");
        List<Boolean> settled = new ArrayList<>();
        List<Double> cvs = new ArrayList<>();
        for (int end = 20; end <= rps.size(); end += 5) {
            SettleRule.Verdict verdict = SettleRule.judge(seconds(rps.subList(0, end)), compiling(end, 0.0),
                    Duration.ofSeconds(end), SettleRule.Tolerances.defaults());
            settled.add(verdict.settled());
            cvs.add(verdict.window().cv());
        }

        assertThat(cvs).allSatisfy(cv -> assertThat(cv).isGreaterThan(0.10));
        // the first window rises 6.5 %, the second falls 14 %: a fall is no warm-up
        assertThat(settled).startsWith(false, true);
    }

    @Test
    void aFallingSeriesWithQuietCompilersIsNoWarmUpButWithoutThemItIsNotSettled() {
        List<Long> rps = RecordedSeries.rps("drifting-down");
        List<SettleRule.JitReading> unknown = List.of(new SettleRule.JitReading(T0 * 1000, -1),
                new SettleRule.JitReading((T0 + rps.size()) * 1000, -1));

        assertThat(judge("drifting-down", 0.001, Duration.ofSeconds(30)).failing()).doesNotContain("trend");
        assertThat(SettleRule.judge(seconds(rps), unknown, Duration.ofSeconds(30), FIFTEEN).failing()).contains("trend");
    }

    @Test
    void aNoisySeriesIsJudgedOnItsSwingsOnlyWhenTheJitIsUnknown() {
        List<Long> rps = RecordedSeries.rps("noisy");
        List<SettleRule.JitReading> unknown = List.of(new SettleRule.JitReading(T0 * 1000, -1),
                new SettleRule.JitReading((T0 + rps.size()) * 1000, -1));

        assertThat(judge("noisy", 0.001, Duration.ofSeconds(30)).failing()).doesNotContain("CV");
        assertThat(SettleRule.judge(seconds(rps), unknown, Duration.ofSeconds(30), FIFTEEN).failing()).contains("CV");
    }

    @Test
    void aFlatSeriesWhileTheCompilersStillWorkIsAPlateauNotThePeak() {
        SettleRule.Verdict verdict = judge("flat", 0.5, Duration.ofSeconds(30));

        assertThat(verdict.settled()).isFalse();
        assertThat(verdict.failing()).containsExactly("JIT");
        assertThat(verdict.jitShare()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void nothingSettlesBeforeTheMinimumOrWithTooFewSeconds() {
        assertThat(judge("flat", 0, Duration.ofSeconds(5)).failing()).containsExactly("minimum warm-up 10 s not reached");
        List<Long> short8 = RecordedSeries.rps("flat").subList(0, 8);
        assertThat(SettleRule.judge(seconds(short8), compiling(8, 0), Duration.ofSeconds(30), FIFTEEN).failing())
                .containsExactly("only 8 full seconds of 15");
    }

    @Test
    void unknownCompilationTimeLeavesThroughputAsTheOnlyEvidence() {
        List<Long> rps = RecordedSeries.rps("flat");
        List<SettleRule.JitReading> unknown = List.of(new SettleRule.JitReading(T0 * 1000, -1),
                new SettleRule.JitReading((T0 + 15) * 1000, -1));

        SettleRule.Verdict verdict = SettleRule.judge(seconds(rps), unknown, Duration.ofSeconds(30), FIFTEEN);

        assertThat(verdict.settled()).isTrue();
        assertThat(verdict.jitShare()).isNaN();
        assertThat(verdict.numbers()).contains("JIT unknown (judged on throughput alone)");
        assertThat(verdict.jitUnread()).as("a server that does not report its JIT is not at fault").isNull();
    }

    /** {@link #compiling}, with the readings at these seconds failed as an {@code /info} that did not answer. */
    private static List<SettleRule.JitReading> failingAt(List<SettleRule.JitReading> readings, long... secondsFailed) {
        List<SettleRule.JitReading> out = new ArrayList<>();
        for (SettleRule.JitReading r : readings) {
            boolean failed = java.util.Arrays.stream(secondsFailed).anyMatch(s -> (T0 + s) * 1000 == r.epochMs());
            out.add(failed ? SettleRule.JitReading.failed(r.epochMs(), "its counters did not answer (timed out)") : r);
        }
        return out;
    }

    @Test
    void oneFailedJitReadingIsSkippedAndTheCompilersAreStillJudged() {
        List<Long> rps = RecordedSeries.rps("flat");
        // the compilers busy half the time; the reading at 10 s failed, the next one answered
        List<SettleRule.JitReading> readings = failingAt(compiling(rps.size(), 0.5), 10);

        SettleRule.Verdict verdict = SettleRule.judge(seconds(rps), readings, Duration.ofSeconds(30), FIFTEEN);

        assertThat(verdict.settled()).isFalse();
        assertThat(verdict.failing()).containsExactly("JIT");
        assertThat(verdict.jitShare()).isCloseTo(0.5, within(0.01));
        assertThat(verdict.jitUnread()).isNull();
    }

    @Test
    void aFailedReadingAfterTheLastSliceHoldsTheWarmUpUntilTheNextReading() {
        List<Long> rps = RecordedSeries.rps("flat");
        List<SettleRule.JitReading> readings = failingAt(compiling(rps.size(), 0.001), rps.size() / 5 * 5);

        SettleRule.Verdict verdict = SettleRule.judge(seconds(rps), readings, Duration.ofSeconds(30), FIFTEEN);

        assertThat(verdict.settled()).isFalse();
        assertThat(verdict.failing()).containsExactly("JIT unread");
        assertThat(verdict.numbers()).startsWith("JIT unread after the last slice (its counters did not answer (timed out); "
                + "read again after the next)");
        assertThat(verdict.jitUnread()).isEqualTo("its counters did not answer (timed out)");
    }

    @Test
    void aJitUnreadOverTheWholeWindowIsJudgedOnThroughputAloneAndSaysWhy() {
        List<Long> rps = RecordedSeries.rps("flat");
        // read before the judged window only; every reading inside it failed
        List<SettleRule.JitReading> readings = new ArrayList<>(List.of(new SettleRule.JitReading((T0 - 5) * 1000, 0)));
        for (int s = 5; s <= rps.size(); s += 5) {
            readings.add(SettleRule.JitReading.failed((T0 + s) * 1000, "its counters did not answer (timed out)"));
        }

        SettleRule.Verdict verdict = SettleRule.judge(seconds(rps), readings, Duration.ofSeconds(30), FIFTEEN);

        assertThat(verdict.settled()).isTrue();
        assertThat(verdict.numbers()).contains("JIT unknown — its counters did not answer (timed out) (judged on throughput alone)");
        assertThat(verdict.jitUnread()).isEqualTo("its counters did not answer (timed out)");
    }

    @Test
    void aLoadWhoseJitIsNotReadHasSettledOnceItNoLongerRises() {
        assertThat(SettleRule.judgeRise(seconds(RecordedSeries.rps("rising")), Duration.ofSeconds(30), FIFTEEN).failing())
                .containsExactly("trend");
        SettleRule.Verdict noisy = SettleRule.judgeRise(seconds(RecordedSeries.rps("regimes").subList(0, 20)),
                Duration.ofSeconds(30), SettleRule.Tolerances.defaults());
        assertThat(noisy.failing()).containsExactly("trend");
        assertThat(SettleRule.judgeRise(seconds(RecordedSeries.rps("regimes").subList(5, 25)), Duration.ofSeconds(30),
                SettleRule.Tolerances.defaults()).settled()).isTrue();
        assertThat(SettleRule.judgeRise(seconds(RecordedSeries.rps("flat")), Duration.ofSeconds(5), FIFTEEN).failing())
                .containsExactly("minimum warm-up 10 s not reached");
    }

    @Test
    void theCompilersShareIsTakenFromTheLastReadingBeforeTheWindow() {
        List<SettleRule.JitReading> readings = List.of(
                new SettleRule.JitReading(1_000, 0), new SettleRule.JitReading(10_000, 9_000),
                new SettleRule.JitReading(20_000, 9_100));

        assertThat(SettleRule.jitShare(readings, 10_000)).isCloseTo(0.01, within(1e-9));
        assertThat(SettleRule.jitShare(readings, 5_000)).isCloseTo(9_100 / 19_000.0, within(1e-9));
    }
}
