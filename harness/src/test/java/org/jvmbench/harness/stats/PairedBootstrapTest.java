package org.jvmbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.config.Defaults;

class PairedBootstrapTest {

    private static final long SEED = 42;

    private static List<Double> times(double ratio, int rounds) {
        return Collections.nCopies(rounds, ratio);
    }

    @Test
    void ratiosThatAreAllEqualGiveADegenerateIntervalAtThatRatio() {
        PairedSample sample = new PairedSample(List.of(times(1.05, 3), times(1.05, 2)));

        RatioInterval interval = PairedBootstrap.interval(sample, SEED);

        // every resample draws 1.05 only, so every resample's median is 1.05
        assertThat(interval.median()).isEqualTo(1.05);
        assertThat(interval.low()).isEqualTo(1.05);
        assertThat(interval.high()).isEqualTo(1.05);
        assertThat(interval.halfWidth()).isZero();
        assertThat(interval.excludesOne()).isTrue();
    }

    @Test
    void oneForkPairOfTwoRoundsGivesAnIntervalSpanningExactlyItsTwoRatios() {
        PairedSample sample = PairedSample.ofOneForkPair(List.of(0.9, 1.1));

        RatioInterval interval = PairedBootstrap.interval(sample, SEED);

        // two draws from {0.9, 1.1}: both 0.9 (1 in 4, median 0.9), one of each (1 in 2, median 1.0),
        // both 1.1 (1 in 4, median 1.1). A quarter of the medians is 0.9, far more than the 2.5 % tail,
        // so the 2.5 % point is 0.9 itself, and the 97.5 % point 1.1
        assertThat(interval.median()).isCloseTo(1.0, within(1e-12));
        assertThat(interval.low()).isEqualTo(0.9);
        assertThat(interval.high()).isEqualTo(1.1);
        assertThat(interval.halfWidth()).isCloseTo(0.1, within(1e-12));
        assertThat(interval.excludesOne()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndTheIntervalSaysHowItWasComputed() {
        PairedSample sample = new PairedSample(List.of(List.of(0.97, 1.02, 1.04, 0.99), List.of(1.01, 1.06, 0.98),
                List.of(1.03, 1.00, 0.95, 1.05, 1.02)));

        RatioInterval first = PairedBootstrap.interval(sample, 7);
        RatioInterval second = PairedBootstrap.interval(sample, 7);

        assertThat(second).isEqualTo(first);
        assertThat(first.forkPairs()).isEqualTo(3);
        assertThat(first.rounds()).isEqualTo(12);
        assertThat(first.resamples()).isEqualTo(Defaults.PAIRED_BOOTSTRAP_RESAMPLES).isEqualTo(10_000);
        assertThat(first.seed()).isEqualTo(7);
        assertThat(first.confidence()).isEqualTo(0.95);
        // pooled and sorted, the 12 ratios' middle two are 1.01 and 1.02
        assertThat(first.median()).isCloseTo(1.015, within(1e-12));
        assertThat(first.low()).isBetween(0.95, first.median());
        assertThat(first.high()).isBetween(first.median(), 1.06);
    }

    @Test
    void spreadBetweenForkPairsWidensTheIntervalAgainstTheSameRatiosInOneFork() {
        List<List<Double>> forks = List.of(times(0.9, 5), times(0.95, 5), times(1.05, 5), times(1.1, 5));
        List<Double> oneFork = new ArrayList<>();
        forks.forEach(oneFork::addAll);

        RatioInterval acrossForks = PairedBootstrap.interval(new PairedSample(forks), SEED);
        RatioInterval withinOneFork = PairedBootstrap.interval(PairedSample.ofOneForkPair(oneFork), SEED);

        // across forks: 3 or 4 of the 4 drawn fork pairs at 0.9 make 15 of the 20 draws 0.9, the median
        // 0.9, with chance 13/256 = 5.1 %, more than the 2.5 % tail; likewise 1.1 above
        assertThat(acrossForks.low()).isEqualTo(0.9);
        assertThat(acrossForks.high()).isEqualTo(1.1);
        // in one fork each of 20 draws is 0.9 with chance 1/4 alone; a median of 0.9 needs 11 of them,
        // P = 0.4 %, inside the 2.5 % tail: the next median up is (0.9 + 0.95) / 2
        assertThat(withinOneFork.low()).isGreaterThanOrEqualTo(0.925 - 1e-12);
        assertThat(withinOneFork.high()).isLessThanOrEqualTo(1.075 + 1e-12);
        assertThat(acrossForks.halfWidth()).isGreaterThan(withinOneFork.halfWidth());
        assertThat(acrossForks.median()).isEqualTo(withinOneFork.median()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aForkPairIsOneDrawWhateverItsNumberOfRounds() {
        PairedSample sample = new PairedSample(List.of(times(1.0, 10), List.of(1.2)));

        RatioInterval interval = PairedBootstrap.interval(sample, SEED);

        // the pooled median of 11 ratios is 1.0; drawing the short fork pair twice (1 in 4) pools 1.2 twice
        assertThat(interval.median()).isEqualTo(1.0);
        assertThat(interval.low()).isEqualTo(1.0);
        assertThat(interval.high()).isEqualTo(1.2);
    }

    @Test
    void aLowerConfidenceGivesANarrowerIntervalInsideTheWiderOne() {
        PairedSample sample = new PairedSample(List.of(List.of(0.97, 1.02, 1.04, 0.99), List.of(1.01, 1.06, 0.98),
                List.of(1.03, 1.00, 0.95, 1.05, 1.02)));

        RatioInterval ninetyFive = PairedBootstrap.interval(sample, SEED, 10_000, 0.95);
        RatioInterval fifty = PairedBootstrap.interval(sample, SEED, 10_000, 0.5);

        // the same seed draws the same medians: only the points read off them differ
        assertThat(fifty.low()).isBetween(ninetyFive.low(), ninetyFive.high());
        assertThat(fifty.high()).isBetween(ninetyFive.low(), ninetyFive.high());
        assertThat(fifty.halfWidth()).isLessThan(ninetyFive.halfWidth());
        assertThat(fifty.confidence()).isEqualTo(0.5);
    }

    @Test
    void aSampleNeedsForkPairsWithRoundsAndPositiveFiniteRatios() {
        assertThatThrownBy(() -> new PairedSample(List.of())).hasMessageContaining("at least one fork pair");
        assertThatThrownBy(() -> new PairedSample(List.of(List.of(1.0), List.of()))).hasMessageContaining("fork pair 2 has no rounds");
        assertThatThrownBy(() -> PairedSample.ofOneForkPair(List.of(1.0, 0.0))).hasMessageContaining("round 2");
        assertThatThrownBy(() -> PairedSample.ofOneForkPair(List.of(Double.NaN))).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> PairedSample.ofOneForkPair(List.of(Double.POSITIVE_INFINITY))).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> PairedSample.ofOneForkPair(List.of(-1.0))).hasMessageContaining("positive and finite");
    }

    @Test
    void theBootstrapNeedsAResampleAndAConfidenceBetweenZeroAndOne() {
        PairedSample sample = PairedSample.ofOneForkPair(List.of(1.0, 1.1));

        assertThatThrownBy(() -> PairedBootstrap.interval(sample, SEED, 0, 0.95)).hasMessageContaining("at least one resample");
        assertThatThrownBy(() -> PairedBootstrap.interval(sample, SEED, 100, 1.0)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void aPointOfSortedValuesIsReadBetweenItsNeighbouringRanks() {
        double[] sorted = {1, 2, 3, 4, 5};

        // rank (5 − 1) · p from 0: p = 0.1 is rank 0.4, 40 % of the way from 1 to 2
        assertThat(PairedBootstrap.point(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(PairedBootstrap.point(sorted, 0.5)).isEqualTo(3);
        assertThat(PairedBootstrap.point(sorted, 1.0)).isEqualTo(5);
        assertThat(PairedBootstrap.point(sorted, 0.0)).isEqualTo(1);
    }
}
