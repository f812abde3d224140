package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.SweepReader;

/** Which loads get an injector ceiling: each closed /json concurrency of the plan, once. */
class CeilingProbeTest {

    @Test
    void everyClosedJsonConcurrencyOnceAndNothingElse() {
        Plan plan = Plan.of(SweepReader.parse("""
                cpus: {server: "0", injector: "1"}
                repeat: 2
                load: {endpoints: ["/json", "/io?ms=10", "/json?items=100"], concurrency: [64, 16]}
                servers:
                  - app: [servlet, reactive]
                  - app: reactive
                    workers: 2
                    load: {endpoints: ["/json"], rates: [0.5]}
                """, SweepReader.Format.YAML, "sweeps/c.yaml", "c", 2));

        assertThat(CeilingProbe.loads(plan).keySet())
                .containsExactly("/json c16", "/json c64", "/json?items=100 c16", "/json?items=100 c64");
    }
}
