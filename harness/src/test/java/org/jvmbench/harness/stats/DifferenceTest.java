package org.jvmbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jvmbench.harness.stats.Difference.Outcome;

class DifferenceTest {

    private static final double THRESHOLD = 0.03;

    private static RatioInterval ratio(double median, double low, double high) {
        return new RatioInterval(median, low, high, 4, 96, 0.95, Double.NaN);
    }

    private static Difference throughput(double median, double low, double high) {
        return Difference.of(ratio(median, low, high), Direction.HIGHER_IS_BETTER, THRESHOLD);
    }

    private static Difference latency(double median, double low, double high) {
        return Difference.of(ratio(median, low, high), Direction.LOWER_IS_BETTER, THRESHOLD);
    }

    @Test
    void anIntervalWhollyAboveOneInThroughputNamesBFasterByTheMedianWithTheInterval() {
        Difference d = throughput(1.12, 1.09, 1.15);

        assertThat(d.outcome()).isEqualTo(Outcome.B_BETTER);
        assertThat(d.winnerNamed()).isTrue();
        assertThat(d.words("A", "B")).isEqualTo("B is 12 % faster than A (95 % CI 9–15 %)");
        assertThat(d.beyond(THRESHOLD)).as("better is never a regression").isFalse();
    }

    @Test
    void anIntervalWhollyBelowOneInThroughputNamesBSlowerNearerBoundFirst() {
        Difference d = throughput(0.92, 0.89, 0.95);

        // 1 − 0.95 = 5 %, 1 − 0.89 = 11 %
        assertThat(d.outcome()).isEqualTo(Outcome.B_WORSE);
        assertThat(d.winnerNamed()).isTrue();
        assertThat(d.words("servlet w1", "servlet w8")).isEqualTo("servlet w8 is 8 % slower than servlet w1 (95 % CI 5–11 %)");
    }

    @Test
    void anIntervalHoldingOneWithinTheThresholdIsNoDifferenceBeyondItsFarthestPointRoundedUp() {
        Difference d = throughput(1.004, 0.988, 1.021);

        // farthest from 1 is 1.021: 2.1 %, rounded up to a whole 3 %
        assertThat(d.outcome()).isEqualTo(Outcome.NO_DIFFERENCE);
        assertThat(d.winnerNamed()).isFalse();
        assertThat(d.words("A", "B")).isEqualTo("no difference beyond ±3 %");
        assertThat(throughput(1.0, 0.985, 1.01).words("A", "B")).isEqualTo("no difference beyond ±2 %");
    }

    @Test
    void anIntervalReachingExactlyTheThresholdIsStillNoDifference() {
        Difference d = throughput(1.0, 0.97, 1.03);

        assertThat(d.outcome()).isEqualTo(Outcome.NO_DIFFERENCE);
        assertThat(d.words("A", "B")).isEqualTo("no difference beyond ±3 %");
    }

    @Test
    void anIntervalHoldingOneButWiderThanTheThresholdCannotTellAndShowsSignedBounds() {
        Difference d = throughput(1.01, 0.958, 1.063);

        assertThat(d.outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(d.winnerNamed()).isFalse();
        assertThat(d.words("A", "B")).isEqualTo("cannot tell: 95 % CI −4.2 to +6.3 %");
        assertThat(d.beyond(THRESHOLD)).isFalse();
        // a wide interval reaching 10 % on one side is shown in whole percents
        assertThat(throughput(1.0, 0.88, 1.04).words("A", "B")).isEqualTo("cannot tell: 95 % CI −12 to +4 %");
    }

    @Test
    void forLatencyALowerRatioIsBetterAndAHigherOneWorse() {
        Difference lowerP99 = latency(0.88, 0.85, 0.91);
        Difference higherP99 = latency(1.08, 1.05, 1.11);

        assertThat(lowerP99.outcome()).isEqualTo(Outcome.B_BETTER);
        assertThat(lowerP99.words("A", "B")).isEqualTo("B is 12 % faster than A (95 % CI 9–15 %)");
        assertThat(lowerP99.words("A's", "B's p99", "lower", "higher")).isEqualTo("B's p99 is 12 % lower than A's (95 % CI 9–15 %)");
        assertThat(lowerP99.beyond(THRESHOLD)).isFalse();
        assertThat(higherP99.outcome()).isEqualTo(Outcome.B_WORSE);
        assertThat(higherP99.words("A", "B")).isEqualTo("B is 8 % slower than A (95 % CI 5–11 %)");
        assertThat(higherP99.beyond(THRESHOLD)).isTrue();
        // the same ratios read as throughput say the opposite
        assertThat(throughput(0.88, 0.85, 0.91).outcome()).isEqualTo(Outcome.B_WORSE);
        assertThat(throughput(1.08, 1.05, 1.11).outcome()).isEqualTo(Outcome.B_BETTER);
    }

    @Test
    void differencesUnderTenPercentKeepOneDecimalSoANarrowWinDoesNotReadAsZero() {
        Difference d = throughput(1.02, 1.012, 1.028);

        assertThat(d.words("A", "B")).isEqualTo("B is 2.0 % faster than A (95 % CI 1.2–2.8 %)");
    }

    @Test
    void theRegressionGateNeedsTheWholeIntervalBeyondTheThresholdOnTheWorseSide() {
        // throughput 5–11 % lower: beyond 3 %, not beyond 5 % (a bound at the threshold is not beyond it), not beyond 10 %
        Difference slower = throughput(0.92, 0.89, 0.95);
        assertThat(slower.beyond(0.03)).isTrue();
        assertThat(slower.beyond(0.05)).isFalse();
        assertThat(slower.beyond(0.10)).isFalse();
        // slower for sure, but only 1–4 %: named worse, yet not a regression beyond 3 %
        Difference slightly = throughput(0.975, 0.96, 0.99);
        assertThat(slightly.outcome()).isEqualTo(Outcome.B_WORSE);
        assertThat(slightly.beyond(0.03)).isFalse();
        // an interval holding 1 is never beyond, however wide
        assertThat(throughput(0.9, 0.7, 1.01).beyond(0.03)).isFalse();
    }

    @Test
    void theWordsStateTheIntervalsOwnConfidence() {
        Difference d = Difference.of(new RatioInterval(1.12, 1.09, 1.15, 4, 96, 0.9, Double.NaN), Direction.HIGHER_IS_BETTER, THRESHOLD);

        assertThat(d.words("A", "B")).isEqualTo("B is 12 % faster than A (90 % CI 9–15 %)");
    }

    @Test
    void aThresholdIsARelativeDifferenceFromZeroToBelowOne() {
        assertThatThrownBy(() -> throughput(1, 0.9, 1.1).beyond(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Difference.of(ratio(1, 0.9, 1.1), Direction.HIGHER_IS_BETTER, 3))
                .hasMessageContaining("from 0 to below 1");
    }

    @Test
    void oneForkPairNamesNoWinnerHoweverNarrowItsRoundsInterval() {
        Difference d = Difference.of(new RatioInterval(0.90, 0.89, 0.91, 1, 12, 0.95, Double.NaN), Direction.HIGHER_IS_BETTER, THRESHOLD);

        assertThat(d.outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(d.winnerNamed()).isFalse();
        assertThat(d.words("A", "B")).isEqualTo(
                "cannot tell from one fork pair (JVMs differ from fork to fork): its rounds' 95 % CI −11 to −9 %");
    }
}
