package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.trust.SettleRule;

/** A sweep's {@code settle} key decides when its servers' warm-ups end: no warm-up falls back to the defaults. */
class SweepSettleTest {

    @TempDir
    Path tmp;

    private static Sweep sweep(String settle) {
        return SweepReader.parse("""
                cpus: {server: "0", injector: "1"}
                warmup: 3m
                %s
                load: {endpoints: ["/json"], concurrency: [64]}
                servers:
                  - app: servlet
                """.formatted(settle), SweepReader.Format.YAML, "sweeps/settle.yaml", "settle", 2);
    }

    @Test
    void everyWarmUpTakesItsTolerancesAndCapFromTheSweep() {
        Sweep sweep = sweep("settle: {minimum: 30s, window: 12s, trend: 0.01, cv: 0.2, jit: 0.05}");

        WarmUpLoop.Settings settings = WarmUpLoop.Settings.of(sweep);

        assertThat(settings.tolerances())
                .isEqualTo(new SettleRule.Tolerances(Duration.ofSeconds(30), Duration.ofSeconds(12), 0.01, 0.2, 0.05))
                .isNotEqualTo(SettleRule.Tolerances.defaults());
        assertThat(settings.cap()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aSweepWithATightTrendToleranceWarmsLongerThanOneWithALooseOne() throws Exception {
        // a server still getting faster, ever more slowly, its compilers quiet
        WarmUp loose = warm(sweep("settle: {trend: 0.10}"));
        WarmUp tight = warm(sweep("settle: {trend: 0.01}"));

        assertThat(loose.settled()).as(loose.verdict()).isTrue();
        assertThat(tight.settled()).as(tight.verdict()).isTrue();
        assertThat(loose.verdict()).contains("rise ≤ 10 %");
        assertThat(tight.verdict()).contains("rise ≤ 1.0 %");
        assertThat(tight.seconds()).isGreaterThan(loose.seconds() + 30);
    }

    private WarmUp warm(Sweep sweep) throws Exception {
        FakeLoad load = new FakeLoad(s -> Math.round(10_000 - 5_000 * Math.exp(-s / 30.0)), t -> FakeLoad.counters(1_000, 0, 0));
        RunFolder.ForkFiles files = new RunFolder.ForkFiles(tmp.resolve("fork-" + System.nanoTime())).reset();
        WarmUpLoop loop = new WarmUpLoop(load.injector(), load.server(files.serverLog(0, 1)), files, "f1",
                WarmUpLoop.Settings.of(sweep), load::nanoTime, load::epochMs);

        WarmUpLoop.Outcome outcome = loop.run("/json", 64);

        assertThat(outcome.failure()).isNull();
        return outcome.record();
    }
}
