package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Spread BASE = new Spread(100, 98, 102, 3);

    @Test
    void differenceUnderTheThresholdIsNoChangeEvenWhenRangesDoNotOverlap() {
        assertThat(Verdict.of(104, 100, new Spread(104, 103.5, 104.5, 3), BASE, 0.05))
                .isEqualTo(Verdict.WITHIN_THRESHOLD);
    }

    @Test
    void differenceOverTheThresholdIsJudgedByTheRuns() {
        assertThat(Verdict.of(110, 100, new Spread(110, 109, 111, 3), BASE, 0.05)).isEqualTo(Verdict.BEYOND_SPREAD);
        assertThat(Verdict.of(90, 100, new Spread(90, 85, 99, 3), BASE, 0.05)).isEqualTo(Verdict.WITHIN_SPREAD);
        assertThat(Verdict.of(110, 100, new Spread(110, 110, 110, 1), BASE, 0.05)).isEqualTo(Verdict.SINGLE_RUN);
    }

    @Test
    void thresholdOfZeroJudgesEveryDifference() {
        assertThat(Verdict.of(100.5, 100, new Spread(100.5, 100.4, 100.6, 2), BASE, 0)).isEqualTo(Verdict.WITHIN_SPREAD);
    }
}
