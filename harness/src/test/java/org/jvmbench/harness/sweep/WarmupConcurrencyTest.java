package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.SweepReader;

/** The warm-up load of an endpoint: its heaviest point's, unless that load is the one meant to hang the server. */
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

        assertThat(ForkExecution.warmUpUsers(plan.forks().getFirst().points(), plan.sweep().starvation())).isEqualTo(16);
    }

    @Test
    void warmsUpAtTheLowestConcurrencyInStarvationModeSoTheWarmUpCannotHangTheServer() {
        Plan plan = plan("true");

        assertThat(ForkExecution.warmUpUsers(plan.forks().getFirst().points(), plan.sweep().starvation())).isEqualTo(1);
    }

    @Test
    void eachEndpointIsWarmedBeforeItsOwnPointsInTheOrderTheSweepListsThem() {
        Plan plan = Plan.of(SweepReader.parse("""
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/io?ms=10", "/json"], concurrency: [64, 16]}
                servers:
                  - app: reactive
                """, SweepReader.Format.YAML, "sweeps/w.yaml", "w", 2));

        var groups = ForkExecution.byEndpoint(plan.forks().getFirst().points());

        assertThat(groups.keySet()).containsExactly("/io?ms=10", "/json");
        assertThat(groups.get("/json")).extracting(p -> p.connections()).containsExactly(16, 64);
    }
}
