package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jvmbench.harness.plan.Slo;
import org.junit.jupiter.api.Test;

class ProvisionalSloCapacityTest {

    private static final Slo P99_50MS = new Slo(99.0, Duration.ofMillis(50));
    private final SloCapacityRule rule = new ProvisionalSloCapacity();

    private static SloCapacityRule.RatePoint at(double rps, Long p99Micros) {
        return new SloCapacityRule.RatePoint("rate" + (long) rps, rps, p99Micros, false);
    }

    @Test
    void capacityIsTheHighestRateBeforeTheFirstOnePastTheTarget() {
        SloCapacityRule.Capacity c = rule.capacity(List.of(at(800, 120_000L), at(200, 12_000L), at(400, 30_000L),
                at(600, 49_000L)), P99_50MS);

        assertThat(c.outcome()).isEqualTo(SloCapacityRule.Outcome.MET_UP_TO);
        assertThat(c.at().offeredRps()).isEqualTo(600);
        assertThat(c.brokenAt().offeredRps()).isEqualTo(800);
    }

    @Test
    void aRateWithinTheTargetAfterABrokenOneDoesNotCount() {
        SloCapacityRule.Capacity c = rule.capacity(List.of(at(200, 12_000L), at(400, 60_000L), at(600, 40_000L)), P99_50MS);

        assertThat(c.at().offeredRps()).isEqualTo(200);
    }

    @Test
    void pastTheTargetAtTheLowestRateIsNeverMet() {
        SloCapacityRule.Capacity c = rule.capacity(List.of(at(200, 51_000L), at(400, 90_000L)), P99_50MS);

        assertThat(c.outcome()).isEqualTo(SloCapacityRule.Outcome.NEVER_MET);
        assertThat(c.at()).isNull();
    }

    @Test
    void withinTheTargetAtEveryRateIsMetAtEveryRateWithTheHighestAsALowerBound() {
        SloCapacityRule.Capacity c = rule.capacity(List.of(at(200, 12_000L), at(400, 50_000L)), P99_50MS);

        assertThat(c.outcome()).isEqualTo(SloCapacityRule.Outcome.MET_AT_EVERY_RATE);
        assertThat(c.at().offeredRps()).isEqualTo(400);
        assertThat(c.outcome().text()).contains("at least");
    }

    @Test
    void aRateNotMeasuredIsPastAnyTarget() {
        SloCapacityRule.Capacity c = rule.capacity(List.of(at(200, 12_000L), at(400, null), at(600, 20_000L)), P99_50MS);

        assertThat(c.outcome()).isEqualTo(SloCapacityRule.Outcome.MET_UP_TO);
        assertThat(c.at().offeredRps()).isEqualTo(200);
        assertThat(rule.capacity(List.of(at(200, null)), P99_50MS).outcome()).isEqualTo(SloCapacityRule.Outcome.NOT_MEASURED);
    }
}
