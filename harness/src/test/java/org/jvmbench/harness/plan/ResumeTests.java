package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Plan#remaining} leaves exactly what an interrupted sweep has not measured. */
class ResumeTests {

    private static final Plan PLAN = Plan.of(SweepReader.parse("""
            duration: 10s
            warmup: 5s
            repeat: 2
            load: {endpoints: [/json, /io], concurrency: 4}
            servers:
              - app: servlet
              - app: reactive
            """, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2));

    @Test
    void keepsEverythingWhenNothingIsDone() {
        assertThat(PLAN.remaining(Set.of())).isEqualTo(PLAN);
    }

    @Test
    void dropsDonePointsAndRunsWithNothingLeftKeepingTheOrder() {
        Set<String> done = Set.of(
                "servlet-p1-wdef-tdef-json-c4-r1", "servlet-p1-wdef-tdef-io-c4-r1",   // all of the first run
                "reactive-p1-wdef-tdef-json-c4-r1");                                  // half of the second

        Plan left = PLAN.remaining(done);

        assertThat(left.forks()).extracting(Fork::id)
                .containsExactly("reactive-p1-wdef-tdef-r1", "servlet-p1-wdef-tdef-r2", "reactive-p1-wdef-tdef-r2");
        assertThat(left.forks().get(0).points()).extracting(LoadPoint::id).containsExactly("reactive-p1-wdef-tdef-io-c4-r1");
        assertThat(left.pointCount()).isEqualTo(PLAN.pointCount() - 3);
        assertThat(left.sweep()).isEqualTo(PLAN.sweep());
    }

    @Test
    void isEmptyWhenEveryPointIsDone() {
        Set<String> done = new HashSet<>();
        PLAN.points().forEach(p -> done.add(p.id()));

        Plan left = PLAN.remaining(done);

        assertThat(left.isEmpty()).isTrue();
        assertThat(left.pointCount()).isZero();
        assertThat(left.estimate(Duration.ofSeconds(15), Duration.ofSeconds(5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresIdsThatAreNotInThePlan() {
        assertThat(PLAN.remaining(Set.of("servlet-p1-wdef-tdef-json-c4-r3", "other"))).isEqualTo(PLAN);
    }

    @Test
    void stillCountsAWarmupForAPartlyDoneRun() {
        Plan left = PLAN.remaining(Set.of("servlet-p1-wdef-tdef-json-c4-r1"));

        // the run restarts on a fresh JVM: one point less, but its warm-up again
        assertThat(PLAN.estimate(Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4 * (5 + 2 * 10)));
        assertThat(left.estimate(Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4 * (5 + 2 * 10) - 10));
    }
}
