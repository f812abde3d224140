package org.jvmbench.harness.plan;

import org.jvmbench.harness.result.RunFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolved sweep, written to sweep.json, reads back to the same sweep and the same plan. */
class ResolvedSweepTests {

    private static final Path GOLDEN = Path.of("src/test/resources/plan/minimal.resolved.json");

    @Test
    void writesEveryKeyWithDefaultsFilledInInAFixedShape() throws Exception {
        Sweep sweep = SweepReader.read(SweepReadingTests.MINIMAL, 4);

        assertThat(SweepWriter.toJson(sweep)).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void readsItsJsonBackToAnEqualSweep() {
        Sweep sweep = SweepReader.read(SweepReadingTests.FULL, 4)
                .withOverrides(new Overrides(Duration.ofMillis(1500), null, 3));

        Sweep again = SweepReader.parse(SweepWriter.toJson(sweep), SweepReader.Format.JSON, "reports/r/sweep.json", "ignored", 4);

        assertThat(again).isEqualTo(sweep);
        assertThat(again.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(again.repeat()).isEqualTo(3);
        assertThat(Plan.of(again)).isEqualTo(Plan.of(sweep));
    }

    @Test
    void recordsStarvationAsASettingOfTheWholeSweepAndReadsItBack() {
        Sweep sweep = SweepReader.parse("""
                starvation: true
                cpus: {server: "0", injector: "1"}
                load: {endpoints: "/cpu?n=28&split=4", concurrency: [1, 16]}
                servers:
                  - app: servlet
                    threads: 4
                    virtualThreads: [false, true]
                """, SweepReader.Format.YAML, "sweeps/s.yaml", "s", 2);

        String json = SweepWriter.toJson(sweep);
        Sweep again = SweepReader.parse(json, SweepReader.Format.JSON, "reports/r/sweep.json", "ignored", 2);

        assertThat(json).contains("\"starvation\" : true");
        assertThat(again).isEqualTo(sweep);
        assertThat(again.starvation()).isTrue();
        assertThat(Plan.of(again).forks()).allSatisfy(run -> assertThat(run.spec().starvation()).isTrue());
        // a setting of the sweep, like the heap: the points of a starvation sweep keep their usual ids
        assertThat(Plan.of(again).points().getFirst().id()).isEqualTo("servlet-p1-wdef-t4-cpu_n_28_split_4-c1-r1");
    }

    @Test
    void everyReadySweepGoesFromYamlThroughSweepJsonBackToAnEqualSweep(@TempDir Path runDir) {
        Path sweeps = Path.of(System.getProperty("bench.home", "..")).resolve("sweeps");
        for (String name : Planner.available(sweeps)) {
            Sweep sweep = SweepReader.read(sweeps.resolve(name + ".yaml"), 2);
            Path json = runDir.resolve(name + ".json");
            SweepWriter.writeJson(sweep, json);

            assertThat(SweepReader.read(json, 2)).as("%s resumed", name).isEqualTo(sweep);
            assertThat(SweepReader.readRecorded(json)).as("%s as a report reads it", name).isEqualTo(sweep);
            assertThat(SweepReader.parse(SweepWriter.toYaml(sweep), SweepReader.Format.YAML, name + ".yaml", "x", 2))
                    .as("%s as YAML", name).isEqualTo(sweep);
        }
    }

    @Test
    void writesTheSameTreeItWritesAsText() throws Exception {
        Sweep sweep = SweepReader.read(SweepReadingTests.FULL, 4);

        assertThat(SweepWriter.toTree(sweep)).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SweepWriter.toJson(sweep)));
        assertThat(SweepWriter.toTree(sweep).has("load")).as("the top-level load is handed to the entries").isFalse();
    }

    @Test
    void readsItsYamlBackToAnEqualSweep() {
        Sweep sweep = SweepReader.read(SweepReadingTests.FULL, 4);

        assertThat(SweepReader.parse(SweepWriter.toYaml(sweep), SweepReader.Format.YAML, "x.yaml", "ignored", 4)).isEqualTo(sweep);
    }

    @Test
    void resumesFromTheRunFolderWithTheSamePlanOverridesIncluded(@TempDir Path runDir) {
        Plan plan = Planner.plan(SweepReadingTests.FULL, new Overrides(Duration.ofSeconds(2), Duration.ofSeconds(1), 1), 4);

        Planner.record(plan, new RunFolder(runDir));
        Plan resumed = Planner.resume(new RunFolder(runDir), 4);

        assertThat(runDir.resolve(RunFolder.SWEEP)).exists();
        assertThat(resumed).isEqualTo(plan);
        assertThat(resumed.sweep().warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(resumed.remaining(Set.of(plan.points().get(0).id())).pointCount()).isEqualTo(plan.pointCount() - 1);
    }

    @Test
    void refusesToResumeWhereNoSweepWasRecorded(@TempDir Path runDir) {
        assertThatThrownBy(() -> Planner.resume(new RunFolder(runDir), 4))
                .isInstanceOf(SweepFileException.class)
                .hasMessage(runDir.resolve("sweep.json") + ": no such file");
    }

    @Test
    void rechecksARecordedSweepAgainstTheMachineItResumesOn(@TempDir Path runDir) {
        Planner.record(Planner.plan(SweepReadingTests.FULL, Overrides.NONE, 4), new RunFolder(runDir));

        assertThatThrownBy(() -> Planner.resume(new RunFolder(runDir), 2))
                .isInstanceOf(SweepFileException.class)
                .hasMessageEndingWith("sweep.json: cpus.injector: CPU 2 does not exist: this machine has CPUs 0-1");
    }

    @Test
    void findsASweepByNameOrPathAndListsTheOthersWhenItCannot(@TempDir Path sweeps) throws Exception {
        Files.writeString(sweeps.resolve("quick.yaml"), "");
        Files.writeString(sweeps.resolve("threads.yaml"), "");
        Files.writeString(sweeps.resolve("notes.txt"), "");

        assertThat(Planner.sweepFile(sweeps, "quick")).isEqualTo(sweeps.resolve("quick.yaml"));
        assertThat(Planner.sweepFile(sweeps, SweepReadingTests.MINIMAL.toString())).isEqualTo(SweepReadingTests.MINIMAL);
        assertThatThrownBy(() -> Planner.sweepFile(sweeps, "quik"))
                .isInstanceOf(SweepFileException.class)
                .hasMessage("unknown sweep 'quik' (available: quick, threads)");
    }
}
