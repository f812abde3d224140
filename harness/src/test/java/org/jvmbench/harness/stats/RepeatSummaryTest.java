package org.jvmbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatSummaryTest {

    @Test
    void anOddNumberOfRepetitionsHasTheMiddleValueAsMedian() {
        assertThat(RepeatSummary.of(List.of(900, 1200, 1000))).isEqualTo(new RepeatSummary(3, 1000, 900, 1200));
    }

    @Test
    void anEvenNumberOfRepetitionsHasTheMeanOfTheTwoMiddleValuesAsMedian() {
        assertThat(RepeatSummary.of(4.0, 1.0, 3.0, 2.0)).isEqualTo(new RepeatSummary(4, 2.5, 1.0, 4.0));
    }

    @Test
    void oneOddRepetitionDoesNotMoveTheMedianTheWayItMovesAMean() {
        RepeatSummary summary = RepeatSummary.of(1000, 1010, 990, 1005, 100);

        assertThat(summary.median()).isEqualTo(1000);
        assertThat(summary.min()).isEqualTo(100);
    }

    @Test
    void aSingleRepetitionIsItsOwnMedianAndRange() {
        assertThat(RepeatSummary.of(42.0)).isEqualTo(new RepeatSummary(1, 42, 42, 42));
        assertThat(RepeatSummary.of(42.0).spreadRatio()).isZero();
    }

    @Test
    void spreadIsTheRangeRelativeToTheMedian() {
        assertThat(RepeatSummary.of(90, 100, 110).spreadRatio()).isCloseTo(0.2, within(1e-12));
        assertThat(RepeatSummary.of(0, 0).spreadRatio()).isZero();
    }

    @Test
    void noRepetitionsOrAMissingValueIsRejected() {
        assertThatThrownBy(() -> RepeatSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepeatSummary.of(1.0, Double.NaN)).hasMessageContaining("NaN");
    }
}
