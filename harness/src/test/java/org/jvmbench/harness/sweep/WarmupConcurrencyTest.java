package org.jvmbench.harness.sweep;

import org.junit.jupiter.api.Test;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.SweepReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up load of a server run: its heaviest, unless that load is the one meant to hang it. */
class WarmupConcurrencyTest {

    private static Plan plan(String starvation) {
        return Plan.of(SweepReader.parse("""
                starvation: %s
                cpus: {server: "0", injector: "1"}
                load: {endpoints: "/cpu?n=28&split=4", concurrency: [16, 1, 4]}
                servers:
                  - app: servlet
                    threads: 4
                """.formatted(starvation), SweepReader.Format.YAML, "sweeps/w.yaml", "w", 2));
    }

    @Test
    void warmsUpAtTheHighestConcurrency() {
        Plan plan = plan("false");

        assertThat(SweepRunner.warmupUsers(plan.runs().getFirst(), plan.sweep())).isEqualTo(16);
    }

    @Test
    void warmsUpAtTheLowestConcurrencyInStarvationModeSoTheWarmUpCannotHangTheServer() {
        Plan plan = plan("true");

        assertThat(SweepRunner.warmupUsers(plan.runs().getFirst(), plan.sweep())).isEqualTo(1);
    }
}
