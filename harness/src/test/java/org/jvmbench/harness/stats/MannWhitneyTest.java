package org.jvmbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void threeRepetitionsASideCompletelyApartCannotReachFivePercent() {
        MannWhitney result = MannWhitney.test(new double[] {10_200, 10_400, 10_300}, new double[] {9_100, 9_000, 9_200});

        assertThat(result.u()).isEqualTo(9);
        assertThat(result.exact()).isTrue();
        assertThat(result.pValue()).isCloseTo(0.1, within(1e-12));
        assertThat(result.smallestP()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void fiveRepetitionsASideCompletelyApartAreSignificant() {
        MannWhitney result = MannWhitney.test(new double[] {11, 12, 13, 14, 15}, new double[] {1, 2, 3, 4, 5});

        // 2 of the C(10, 5) = 252 splits are as extreme: 2/252
        assertThat(result.pValue()).isCloseTo(2.0 / 252, within(1e-12));
    }

    @Test
    void interleavedRepetitionsAreNotSignificant() {
        MannWhitney result = MannWhitney.test(new double[] {1, 3, 5, 7, 9}, new double[] {2, 4, 6, 8, 10});

        assertThat(result.pValue()).isGreaterThan(0.5);
    }

    @Test
    void tiesShareTheirMeanRank() {
        assertThat(MannWhitney.midRanks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
        MannWhitney allTied = MannWhitney.test(new double[] {7, 7, 7}, new double[] {7, 7, 7});
        assertThat(allTied.pValue()).isEqualTo(1.0);
    }

    @Test
    void manyRepetitionsUseTheNormalApproximation() {
        double[] a = new double[15];
        double[] b = new double[15];
        for (int i = 0; i < 15; i++) {
            a[i] = 100 + i;
            b[i] = 50 + i;
        }
        MannWhitney result = MannWhitney.test(a, b);

        assertThat(result.exact()).isFalse();
        assertThat(result.pValue()).isLessThan(1e-4);
    }

    @Test
    void anEmptySideIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}));
    }

    @Test
    void theNormalCdfIsAccurate() {
        assertThat(MannWhitney.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(MannWhitney.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(MannWhitney.normalCdf(-1.644854)).isCloseTo(0.05, within(1e-6));
    }
}
