package org.jvmbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The paired interval: Student's t over fork pairs, each fork pair one unit; figures computed by hand (and by SciPy). */
class PairedIntervalTest {

    @Test
    void ratiosThatAreAllEqualGiveADegenerateIntervalAtThatRatio() {
        RatioInterval interval = PairedInterval.of(new PairedSample(List.of(List.of(0.9, 0.9, 0.9), List.of(0.9, 0.9))));

        assertThat(interval.median()).isEqualTo(0.9);
        assertThat(interval.low()).isCloseTo(0.9, within(1e-12));
        assertThat(interval.high()).isCloseTo(0.9, within(1e-12));
        assertThat(interval.forkPairs()).isEqualTo(2);
        assertThat(interval.rounds()).isEqualTo(5);
        assertThat(interval.confidence()).isEqualTo(0.95);
    }

    @Test
    void theForkPairIsTheUnitSoThreeForksThatDisagreeGiveAWideIntervalHoweverManyRoundsAgree() {
        // the A/A run that found two identical servers 4.6 % apart: per fork pair the rounds agree
        // (1.087, 1.046, 1.003), the forks do not. exp(mean ± t(0.975, 2) · s / √3) on the logs:
        // 0.9454–1.1546, which holds 1.0 (a bootstrap of these forks gave 1.003–1.089)
        List<List<Double>> forks = List.of(List.of(1.087, 1.087, 1.087, 1.087), List.of(1.046, 1.046, 1.046),
                List.of(1.003, 1.003, 1.003, 1.003, 1.003));

        RatioInterval interval = PairedInterval.of(new PairedSample(forks));

        assertThat(interval.median()).isEqualTo(1.046);
        assertThat(interval.low()).isCloseTo(0.9454162363, within(1e-9));
        assertThat(interval.high()).isCloseTo(1.1545649911, within(1e-9));
        assertThat(interval.excludesOne()).isFalse();
        assertThat(interval.acrossForks()).isTrue();
    }

    @Test
    void theSmallestDetectableDifferenceIsWhatThisSpreadAndThisManyForkPairsFindInFourRunsOfFive() {
        // the same three fork pairs: s = 0.040226 over their logs, t(0.975, 2) = 4.3027 and t(0.80, 2) = 1.0607,
        // exp((4.3027 + 1.0607) · 0.040226 / √3) − 1 = 13.27 %: a true difference smaller than that is likely missed
        RatioInterval interval = PairedInterval.of(new PairedSample(List.of(List.of(1.087, 1.087), List.of(1.046), List.of(1.003))));

        assertThat(interval.logSpread()).isCloseTo(0.0402259560, within(1e-9));
        assertThat(interval.detectable()).isCloseTo(0.1326500692, within(1e-9));
        assertThat(PairedInterval.of(PairedSample.ofOneForkPair(List.of(0.9, 1.1))).detectable())
                .as("one fork pair detects no difference between configurations").isNaN();
    }

    @Test
    void oneForkPairIsIntervalOfItsRoundsAloneAndSaysSo() {
        // rounds 0.9 and 1.1: logs −0.10536 and 0.09531, s = 0.14190, t(0.975, 1) = 12.706
        RatioInterval interval = PairedInterval.of(PairedSample.ofOneForkPair(List.of(0.9, 1.1)));

        assertThat(interval.median()).isCloseTo(1.0, within(1e-12));
        assertThat(interval.low()).isCloseTo(0.2780632597, within(1e-9));
        assertThat(interval.high()).isCloseTo(3.5603409139, within(1e-9));
        assertThat(interval.acrossForks()).isFalse();
    }

    @Test
    void aLowerConfidenceGivesANarrowerIntervalInsideTheWiderOne() {
        PairedSample sample = new PairedSample(List.of(List.of(1.087), List.of(1.046), List.of(1.003)));

        RatioInterval ninetyFive = PairedInterval.of(sample, 0.95);
        RatioInterval fifty = PairedInterval.of(sample, 0.5);

        assertThat(fifty.low()).isCloseTo(1.0251450657, within(1e-9));
        assertThat(fifty.high()).isCloseTo(1.0647707578, within(1e-9));
        assertThat(fifty.low()).isGreaterThan(ninetyFive.low());
        assertThat(fifty.high()).isLessThan(ninetyFive.high());
        assertThat(fifty.confidence()).isEqualTo(0.5);
    }

    @Test
    void studentsTQuantilesAreTheTablesOnes() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062047362, within(1e-8));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.3026527297, within(1e-8));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.2281388520, within(1e-8));
        assertThat(StudentT.quantile(0.975, 100)).isCloseTo(1.9839715185, within(1e-8));
        assertThat(StudentT.quantile(0.75, 2)).isCloseTo(0.8164965809, within(1e-8));
        assertThat(StudentT.quantile(0.025, 2)).isCloseTo(-4.3026527297, within(1e-8));
    }

    @Test
    void aSampleNeedsForkPairsWithRoundsAndPositiveFiniteRatiosAndAConfidenceBetweenZeroAndOne() {
        assertThatThrownBy(() -> new PairedSample(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairedSample(List.of(List.of()))).hasMessageContaining("fork pair 1 has no rounds");
        assertThatThrownBy(() -> new PairedSample(List.of(List.of(1.0, 0.0)))).hasMessageContaining("positive and finite");
        PairedSample sample = PairedSample.ofOneForkPair(List.of(1.0, 1.1));
        assertThatThrownBy(() -> PairedInterval.of(sample, 1.0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> StudentT.quantile(0.975, 0)).hasMessageContaining("degree of freedom");
    }
}
