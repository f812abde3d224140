package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jvmbench.harness.config.Defaults;
import org.junit.jupiter.api.Test;

/** A configuration with the AOT cache costs one training run more, once, however often it repeats. */
class AotCacheEstimateTests {

    private static final String SWEEP = """
            duration: 10s
            warmup: 30s
            repeat: 3
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json", "/io?ms=10"]
              concurrency: [64]
            servers:
              - app: servlet
                aotCache: %s
            """;

    private static Plan plan(String aotCache) {
        return Plan.of(SweepReader.parse(SWEEP.formatted(aotCache), SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2));
    }

    @Test
    void theTrainingRunIsItsWarmUpsAndTheAssemblyOncePerConfiguration() {
        Duration without = plan("false").estimate(0);
        Duration with = plan("true").estimate(0);
        Duration both = plan("[false, true]").estimate(0);

        Duration training = Defaults.ESTIMATE_AOT_TRAINING.plus(Duration.ofSeconds(30).multipliedBy(2));
        Duration calibrations = Defaults.ESTIMATE_CALIBRATION.multipliedBy(2);
        assertThat(with).isEqualTo(without.plus(training));
        assertThat(both).as("one sweep: its two calibrations once").isEqualTo(without.minus(calibrations).multipliedBy(2)
                .plus(calibrations).plus(training));
    }
}
