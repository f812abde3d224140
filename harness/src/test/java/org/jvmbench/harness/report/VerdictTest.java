package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Verdict.Side BASE = clean(100, 98, 102);

    private static Verdict.Side clean(double... runs) {
        return new Verdict.Side(java.util.Arrays.stream(runs).boxed().toList(), false, false);
    }

    private static Verdict.Judgement judge(double value, Verdict.Side side, Verdict.Side base) {
        return Verdict.judge(value, 100, side, base, 0.05);
    }

    @Test
    void differenceUnderTheThresholdIsNoChangeEvenWhenEveryRepetitionIsApart() {
        assertThat(judge(104, clean(104, 103.5, 104.5), BASE).verdict()).isEqualTo(Verdict.WITHIN_THRESHOLD);
    }

    @Test
    void threeRepetitionsASideFullyApartAreInconclusiveAndNameNoWinner() {
        Verdict.Judgement j = judge(110, clean(110, 109, 111), BASE);

        // every run of one side beyond every run of the other is the most 3 against 3 can show, and its p is 0.10
        assertThat(j.verdict()).isEqualTo(Verdict.ALL_REPETITIONS_APART);
        assertThat(j.pValue()).isEqualTo(0.1);
        assertThat(j.smallestP()).isEqualTo(0.1);
        assertThat(j.text()).isEqualTo("inconclusive: all repetitions apart, p = 0.10, the least 3 vs 3 repetitions allow");
        assertThat(Verdict.ALL_REPETITIONS_APART.judged()).as("p = 0.10 is above alpha: no side is better").isFalse();
        assertThat(Verdict.SIGNIFICANT.judged()).isTrue();
    }

    @Test
    void fiveRunsASideFullyApartAreSignificant() {
        Verdict.Judgement j = judge(110, clean(110, 109, 111, 108, 112), clean(100, 98, 102, 99, 101));

        assertThat(j.verdict()).isEqualTo(Verdict.SIGNIFICANT);
        assertThat(j.text()).isEqualTo("significant, p = 0.0079");
    }

    @Test
    void overlappingRunsMayBeNoise() {
        Verdict.Judgement j = judge(90, clean(90, 85, 101), BASE);

        assertThat(j.verdict()).isEqualTo(Verdict.MAY_BE_NOISE);
        assertThat(j.text()).startsWith("may be noise, p = ");
    }

    @Test
    void fewerThanThreeRunsOnASideAreNotEnoughToJudge() {
        Verdict.Judgement j = judge(110, clean(110), BASE);

        assertThat(j.verdict()).isEqualTo(Verdict.NOT_ENOUGH_REPETITIONS);
        assertThat(j.text()).isEqualTo("not enough repetitions: 3 vs 1, a test needs 3 a side");
        assertThat(j.pValue()).isNull();
    }

    @Test
    void aFlaggedSideIsNeverJudgedHoweverLargeTheDifference() {
        Verdict.Side flagged = new Verdict.Side(List.of(150.0, 151.0, 149.0), true, false);

        assertThat(judge(150, flagged, BASE).verdict()).isEqualTo(Verdict.FLAGGED);
        assertThat(judge(150, BASE, flagged).verdict()).isEqualTo(Verdict.FLAGGED);
        assertThat(Verdict.FLAGGED.judged()).isFalse();
    }

    @Test
    void aProfiledSideIsJudgedOnlyAgainstAnotherProfiledSide() {
        Verdict.Side profiled = new Verdict.Side(List.of(80.0, 81.0, 79.0), false, true);
        Verdict.Side alsoProfiled = new Verdict.Side(List.of(100.0, 98.0, 102.0), false, true);

        assertThat(judge(80, profiled, BASE).verdict()).isEqualTo(Verdict.PROFILED_ONE_SIDE);
        assertThat(judge(80, profiled, alsoProfiled).verdict()).isEqualTo(Verdict.ALL_REPETITIONS_APART);
    }

    @Test
    void thresholdOfZeroSendsEveryDifferenceToTheTest() {
        assertThat(Verdict.judge(100.5, 100, clean(100.5, 100.4, 100.6), clean(100, 101, 99), 0).verdict())
                .isEqualTo(Verdict.MAY_BE_NOISE);
    }
}
