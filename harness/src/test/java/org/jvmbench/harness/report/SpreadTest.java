package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(2, 1, 3, 3));
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Spread(2.5, 1, 4, 4));
    }

    @Test
    void runsWithoutTheFigureAreLeftOutAndNoneLeavesNoSpread() {
        assertThat(Spread.of(Arrays.asList(5.0, null, Double.NaN))).isEqualTo(new Spread(5, 5, 5, 1));
        assertThat(Spread.of(Arrays.asList(null, null))).isNull();
    }

    @Test
    void rangesOverlapWhenTheyShareAnyValue() {
        Spread a = new Spread(15_000, 14_900, 15_200, 3);

        assertThat(a.overlaps(new Spread(16_600, 16_500, 16_800, 3))).isFalse();
        assertThat(a.overlaps(new Spread(15_500, 15_200, 15_800, 3))).isTrue();
        assertThat(a.overlaps(new Spread(15_000, 15_000, 15_000, 1))).isTrue();
    }
}
