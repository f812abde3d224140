package org.jvmbench.harness.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SteadinessTest {

    @Test
    void aFlatSeriesHasNoTrendAndLittleSpread() {
        Steadiness flat = Steadiness.of(RecordedSeries.rps("flat"));

        assertThat(flat.seconds()).isEqualTo(15);
        assertThat(Math.abs(flat.trend())).isLessThan(0.05);
        assertThat(flat.cv()).isLessThan(0.05);
    }

    @Test
    void aRisingSeriesHasATrendOfItsLastThirdOverItsFirst() {
        Steadiness rising = Steadiness.of(RecordedSeries.rps("rising"));

        assertThat(rising.trend()).isGreaterThan(1.0);
        assertThat(rising.cv()).isGreaterThan(0.4);
    }

    @Test
    void trendIsTheDifferenceOfTheOuterThirdsOverTheMean() {
        Steadiness s = Steadiness.of(List.of(10, 10, 20, 20, 30, 30));

        assertThat(s.mean()).isEqualTo(20);
        assertThat(s.trend()).isCloseTo((30 - 10) / 20.0, within(1e-9));
    }

    @Test
    void tooFewSecondsCarryNoTrend() {
        assertThat(Steadiness.of(List.of(1, 100, 1000)).trend()).isZero();
        assertThat(Steadiness.of(List.of(1, 100, 1000)).judgeable()).isFalse();
        assertThat(Steadiness.of(List.of()).cv()).isZero();
    }
}
