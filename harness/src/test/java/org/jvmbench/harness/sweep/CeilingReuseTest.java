package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.SweepReader;
import org.junit.jupiter.api.Test;

/** The spot check that decides whether a sweep probes the injector's ceiling or takes this machine's cached one. */
class CeilingReuseTest {

    private static final Map<String, LoadPoint> LOADS = CeilingProbe.loads(Plan.of(SweepReader.parse("""
            load: {endpoints: ["/json", "/io?ms=10"], concurrency: [64, 128]}
            servers:
              - app: servlet
            """, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2)));

    private static MachineCache.Ceilings cached(double calibration, Map<String, Double> rps) {
        return new MachineCache.Ceilings(Instant.parse("2026-12-07T04:11:00Z"), calibration, rps);
    }

    @Test
    void probesOnlyJsonAtEachConcurrency() {
        assertThat(LOADS).containsOnlyKeys("/json c64", "/json c128");
    }

    @Test
    void usesTheCachedCeilingsWhileTheCalibrationIsWithinTenPercentOfTheirs() {
        CeilingProbe.Reuse reuse = CeilingProbe.Reuse.decide(LOADS,
                cached(100_000, Map.of("/json c64", 21_000.0, "/json c128", 20_500.0, "/json c256", 19_000.0)), 91_000);

        assertThat(reuse.reused()).isTrue();
        assertThat(reuse.ceilings().rpsByLoad()).containsExactlyInAnyOrderEntriesOf(Map.of("/json c64", 21_000.0, "/json c128", 20_500.0));
        assertThat(reuse.why()).isEqualTo("cached: measured 2026-12-07T04:11:00Z on this machine; the calibration is 91000 ops/s, "
                + "-9.0 % against the 100000 measured beside them, within ±10 %");
    }

    @Test
    void measuresAgainWhenTheMachineMovedBeyondTheTolerance() {
        CeilingProbe.Reuse slower = CeilingProbe.Reuse.decide(LOADS, cached(100_000, Map.of("/json c64", 21_000.0, "/json c128", 20_500.0)),
                88_000);
        CeilingProbe.Reuse faster = CeilingProbe.Reuse.decide(LOADS, cached(100_000, Map.of("/json c64", 21_000.0, "/json c128", 20_500.0)),
                111_000);

        assertThat(slower.reused()).isFalse();
        assertThat(slower.why()).isEqualTo("cached ceilings set aside: the calibration is 88000 ops/s, -12.0 % against the 100000 "
                + "measured beside them, beyond ±10 %");
        assertThat(faster.reused()).isFalse();
        assertThat(faster.why()).contains("+11.0 %", "beyond ±10 %");
    }

    @Test
    void measuresWhenNothingOrNotEveryLoadIsCachedOrNoCalibrationCanBeCompared() {
        assertThat(CeilingProbe.Reuse.decide(LOADS, null, 100_000).why()).isEqualTo("nothing cached for this machine");
        assertThat(CeilingProbe.Reuse.decide(LOADS, cached(100_000, Map.of("/json c64", 21_000.0)), 100_000).why())
                .isEqualTo("none cached at /json c128");
        assertThat(CeilingProbe.Reuse.decide(LOADS, cached(100_000, Map.of("/json c64", 21_000.0, "/json c128", 20_500.0)), Double.NaN)
                .reused()).isFalse();
    }
}
