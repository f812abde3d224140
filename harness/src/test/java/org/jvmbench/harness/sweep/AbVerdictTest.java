package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.report.PairedTable;
import org.jvmbench.harness.report.Spread;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.stats.RatioInterval;
import org.junit.jupiter.api.Test;

/** ab's verdict line and its gate, and the sweep its jar form runs. */
class AbVerdictTest {

    private static final ConfigurationKey A = new ConfigurationKey("servlet", null, "A", null, null, false, 1, null, false, null);
    private static final ConfigurationKey B = new ConfigurationKey("servlet", null, "B", null, null, false, 1, null, false, null);

    private static PairedTable table(double median, double low, double high) {
        return table(new RatioInterval(median, low, high, 2, 24, 0.95, Double.NaN));
    }

    private static PairedTable table(RatioInterval interval) {
        double median = interval.median();
        return new PairedTable(List.of(new PairedTable.Comparison("/json", "c64", A, B, new Spread(20_000, 20_000, 20_000, 2),
                new Spread(20_000 * median, 20_000 * median, 20_000 * median, 2), interval, null, 0, 0)));
    }

    @Test
    void theLineSaysTheSmallestDifferenceTheRunCouldDetect() {
        // 5 fork pairs whose log ratios spread by 0.02: (t(0.975, 4) + t(0.80, 4)) · 0.02 / √5 = 3.3 % on the logs, 3.4 % as a ratio
        assertThat(AbJob.lines(table(new RatioInterval(0.99, 0.97, 1.01, 5, 60, 0.95, 0.02)), 0.03).getFirst())
                .contains("over 5 forks × 12 rounds (detects 3.4 %)");
    }

    @Test
    void aBWhoseWholeIntervalIsSlowerThanTheThresholdFailsTheGate() {
        assertThat(AbJob.lines(table(0.92, 0.90, 0.95), 0.03)).containsExactly(
                "ab /json c64: B is 8 % slower than A (95 % CI 5–10 %); ratio 0.920 (0.900–0.950) over 2 forks × 12 rounds: "
                        + "SLOWER beyond 3 %");
    }

    @Test
    void aSlowerBWhoseIntervalReachesIntoTheThresholdPasses() {
        assertThat(AbJob.lines(table(0.97, 0.955, 0.985), 0.03).getFirst())
                .startsWith("ab /json c64: B is 3.0 % slower than A (95 % CI 1.5–4.5 %)").doesNotContain("SLOWER");
    }

    @Test
    void noDifferenceAndCannotTellPassTheGate() {
        assertThat(AbJob.lines(table(1.0, 0.98, 1.02), 0.03).getFirst()).contains("no difference beyond ±2 %").doesNotContain("SLOWER");
        assertThat(AbJob.lines(table(0.95, 0.85, 1.05), 0.03).getFirst()).contains("cannot tell").doesNotContain("SLOWER");
    }

    @Test
    void theJarFormRunsBothJarsAtTheSameClosedLoadPaired() {
        AbJob.Options options = AbJob.Options.builder().engine("tomcat").endpoint("/hello").users(32).rounds(6)
                .slice(java.time.Duration.ofSeconds(4)).forks(3).readiness("/hello").seed(9L).threshold(0.03).build();
        String text = AbJob.sweepText(Path.of("/tmp/x/A.jar"), Path.of("/tmp/x/B.jar"), options);
        assertThat(text).startsWith("# Question: is B slower than A? (./bench ab)\n")
                .contains("design: paired\npaired: {rounds: 6, slice: 4s, seed: 9}\nrepeat: 3\n")
                .contains("load: {endpoints: [\"/hello\"], concurrency: [32]}\n")
                .contains("  - jar: \"/tmp/x/A.jar\"\n    engine: tomcat\n    readiness: \"/hello\"\n  - jar: \"/tmp/x/B.jar\"\n    engine: tomcat\n");
    }
}
