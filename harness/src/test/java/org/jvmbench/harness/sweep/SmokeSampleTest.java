package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Planner;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.plan.SweepWriter;
import org.jvmbench.harness.plan.SweepReader.Format;
import org.junit.jupiter.api.Test;

/** The smoke test's samples of the ready sweeps: every entry's kind of server, each once, and a sample is a valid sweep file. */
class SmokeSampleTest {

    private static final Overrides SHORT = new Overrides(Duration.ofSeconds(2), Duration.ofSeconds(1), 1);

    @Test
    void aSampleRunsOneForkPerKindOfServerAndTwoWhereAKindSetsSeveralProcessCountsOrTheSweepIsPaired() {
        Path sweeps = ProjectHome.locate().sweeps();
        for (String name : Planner.available(sweeps)) {
            Plan whole = Planner.plan(sweeps.resolve(name + ".yaml"), SHORT, 2);
            Plan sample = Plan.of(SmokeSample.of(whole.sweep()));
            int expected = whole.sweep().servers().stream().collect(java.util.stream.Collectors.toMap(SmokeSample::kind,
                    e -> e.processes() != null && e.processes().size() > 1 ? 2 : 1, (a, b) -> a)).values().stream()
                    .mapToInt(Integer::intValue).sum();
            if (whole.sweep().inRounds()) {
                expected = Math.max(expected, 2); // a paired sample keeps a pair to compare
            }
            assertThat(sample.forks()).as("forks of %s's sample", name).hasSize(expected);
            assertThat(sample.forks()).as("forks of %s's sample", name).allSatisfy(f -> assertThat(f.points()).hasSize(1));
            System.out.printf("%s: %d forks, ETA %s (whole: %d forks)%n", name, sample.forks().size(), Eta.of(sample), whole.forks().size());
        }
    }

    @Test
    void aSampleWrittenAsYamlReadsBackAsTheSameSweep() {
        Path sweeps = ProjectHome.locate().sweeps();
        for (String name : Planner.available(sweeps)) {
            var sample = SmokeSample.of(Planner.plan(sweeps.resolve(name + ".yaml"), Overrides.NONE, 2).sweep());
            String yaml = SweepWriter.toYaml(sample);
            assertThat(SweepReader.parse(yaml, Format.YAML, name + "-sample.yaml", name, 2)).as(name).isEqualTo(sample);
        }
    }
}
