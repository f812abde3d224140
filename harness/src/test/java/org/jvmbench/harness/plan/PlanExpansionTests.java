package org.jvmbench.harness.plan;

import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.Keys;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.ServerSpec;
import org.junit.jupiter.api.Test;

/** A sweep expands into server runs and points in a fixed, documented order. */
class PlanExpansionTests {

    private static final String TWO_APPS = """
            duration: 10s
            warmup: 15s
            repeat: 2
            heap: 256m
            gc: Serial
            cpus: {server: "0", injector: "1"}
            jvmArgs: -XX:+AlwaysPreTouch
            load:
              endpoints: ["/json", "/io?ms=10"]
              concurrency: [64, 8]
            servers:
              - app: servlet
                workers: 1
                threads: [8, 64]
              - app: reactive
                workers: [1, 2]
            """;

    private static Plan plan(String yaml) {
        return Plan.of(SweepReader.parse(yaml, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2));
    }

    @Test
    void runsEveryConfigurationOncePerRepetitionBeforeRepeatingAny() {
        Plan plan = plan(TWO_APPS);

        assertThat(plan.forks()).extracting(Fork::id).containsExactly(
                "servlet-p1-w1-t8-r1", "servlet-p1-w1-t64-r1", "reactive-p1-w1-tdef-r1", "reactive-p1-w2-tdef-r1",
                "servlet-p1-w1-t8-r2", "servlet-p1-w1-t64-r2", "reactive-p1-w1-tdef-r2", "reactive-p1-w2-tdef-r2");
    }

    @Test
    void runsPointsByEndpointAsListedThenByRisingConcurrency() {
        Fork run = plan(TWO_APPS).forks().get(0);

        assertThat(run.points()).extracting(LoadPoint::endpoint, LoadPoint::connections).containsExactly(
                tuple("/json", 8), tuple("/json", 64),
                tuple("/io?ms=10", 8), tuple("/io?ms=10", 64));
    }

    @Test
    void launchesEachRunWithTheSweepsJvmSettingsOnTheServerCpus() {
        Fork run = plan(TWO_APPS).forks().get(3);

        assertThat(run.spec()).isEqualTo(ServerSpec.of(App.REACTIVE).workers(2).bind(Defaults.BIND)
                .heap(HeapSize.parse("256m")).gc(Gc.SERIAL).cpus(CpuSet.parse("0"))
                .jvmArgs(List.of("-XX:+AlwaysPreTouch")).build());
        assertThat(run.repetition()).isEqualTo(1);
    }

    @Test
    void keysEachPointByItsServerSettingsAndLoad() {
        LoadPoint point = plan(TWO_APPS).forks().get(5).points().get(3);

        assertThat(point.key()).isEqualTo(Keys.point("servlet", 1, 64, false, 1, "/io?ms=10", 64));
        assertThat(point.repetition()).isEqualTo(2);
        assertThat(point.id()).isEqualTo("servlet-p1-w1-t64-io_ms_10-c64-r2");
    }

    @Test
    void givesEveryPointAUniqueIdPrefixedByItsRunsConfiguration() {
        Plan plan = plan(TWO_APPS);

        assertThat(plan.points()).extracting(LoadPoint::id).doesNotHaveDuplicates().hasSize(32);
        for (Fork run : plan.forks()) {
            String configuration = run.id().substring(0, run.id().lastIndexOf("-r"));
            assertThat(run.points()).allSatisfy(p -> {
                assertThat(p.id()).startsWith(configuration + "-");
                assertThat(p.id()).endsWith("-r" + run.repetition());
            });
        }
    }

    @Test
    void expandsAxesFromAppOutwardToProcessesInward() {
        Plan plan = plan("""
                load: {endpoints: /json, concurrency: 1}
                servers:
                  - app: [reactive, servlet]
                    threads: [2, default]
                    processes: [2, 1]
                  - app: servlet
                    virtualThreads: true
                """);

        assertThat(plan.forks()).extracting(Fork::id).containsExactly(
                "reactive-p2-wdef-t2-r1", "reactive-p1-wdef-t2-r1", "reactive-p2-wdef-tdef-r1", "reactive-p1-wdef-tdef-r1",
                "servlet-p2-wdef-t2-r1", "servlet-p1-wdef-t2-r1", "servlet-p2-wdef-tdef-r1", "servlet-p1-wdef-tdef-r1",
                "servlet-vt-p1-wdef-tdef-r1");
    }

    @Test
    void countsItsPoints() {
        assertThat(plan(TWO_APPS).pointCount()).isEqualTo(2 * 4 * 4);
    }

    @Test
    void estimatesWallTimeFromWarmupDurationAndBothOverheads() {
        Plan plan = plan(TWO_APPS);

        // 8 runs x (20 s start + 15 s warm-up + 4 points x (10 s + 3 s))
        assertThat(plan.estimate(Duration.ofSeconds(20), Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(8 * (20 + 15 + 4 * 13)));
        assertThat(plan.remaining(Set.of()).estimate(Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(8 * (15 + 40)));
    }

    @Test
    void estimatesAnOpenEndpointsOpenWarmUpAndAShareOfCapacitysProbe() {
        Plan shares = plan("""
                duration: 10s
                warmup: 30s
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json", "/io?ms=10"], rates: [0.5, 1.0]}
                servers:
                  - app: reactive
                """);
        Plan absolute = plan("""
                duration: 10s
                warmup: 30s
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json", "/io?ms=10"], rates: [500, 1000]}
                servers:
                  - app: reactive
                """);

        Duration closedPart = Defaults.ESTIMATE_CALIBRATION.multipliedBy(2).plus(Defaults.ESTIMATE_PER_FORK)
                .plus(Duration.ofSeconds(30).multipliedBy(2))
                .plus(Duration.ofSeconds(10).plus(Defaults.ESTIMATE_PER_POINT).multipliedBy(4));
        // per endpoint an open warm-up slice; with shares also a probe as long as a point
        assertThat(absolute.estimate(0)).isEqualTo(closedPart.plus(Defaults.WARMUP_SLICE.multipliedBy(2)));
        assertThat(shares.estimate(0)).isEqualTo(closedPart.plus(Defaults.WARMUP_SLICE.multipliedBy(2))
                .plus(Duration.ofSeconds(10).multipliedBy(2)));
    }

    @Test
    void estimatesWithWhatThisMachineMeasuredWhereItHasAndTheDefaultsElsewhere() {
        Plan plan = plan("""
                duration: 10s
                warmup: 5m
                cpus: {server: "0", injector: "1"}
                load: {endpoints: ["/json", "/io?ms=10"], concurrency: [64]}
                servers:
                  - app: servlet
                """);
        Timings learned = new Timings(Duration.ofSeconds(12), Map.of("servlet platform /json", Duration.ofSeconds(90)),
                Duration.ofSeconds(4), Duration.ofSeconds(50), Duration.ofSeconds(11));
        Duration points = Duration.ofSeconds(10).plus(Defaults.ESTIMATE_PER_POINT).multipliedBy(2);

        // /json's warm-up as measured here, /io's the default; two calibrations; the probe and its one load
        assertThat(plan.estimate(learned, 1)).isEqualTo(Duration.ofSeconds(4 * 2 + 50 + 11 + 12 + 90)
                .plus(Defaults.ESTIMATE_WARMUP).plus(points));
        assertThat(plan.estimate(learned.withoutCeilingProbe(), 1)).as("cached ceilings: no probe")
                .isEqualTo(Duration.ofSeconds(4 * 2 + 12 + 90).plus(Defaults.ESTIMATE_WARMUP).plus(points));
        assertThat(plan.estimate(Timings.DEFAULTS, 0)).isEqualTo(Defaults.ESTIMATE_CALIBRATION.multipliedBy(2)
                .plus(Defaults.ESTIMATE_PER_FORK).plus(Defaults.ESTIMATE_WARMUP.multipliedBy(2)).plus(points));
    }

    @Test
    void replacesDurationWarmupAndRepeatWithTheCommandLinesOnly() {
        Sweep file = SweepReader.parse(TWO_APPS, SweepReader.Format.YAML, "sweeps/t.yaml", "t", 2);

        Sweep overridden = file.withOverrides(new Overrides(Duration.ofSeconds(3), Duration.ofMillis(500), 1));

        assertThat(overridden.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(overridden.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(overridden.repeat()).isEqualTo(1);
        assertThat(overridden).usingRecursiveComparison().ignoringFields("duration", "warmup", "repeat").isEqualTo(file);
        assertThat(Plan.of(overridden).forks()).hasSize(4);
        assertThat(file.withOverrides(Overrides.NONE)).isEqualTo(file);
        assertThat(file.withOverrides(new Overrides(null, null, 3)).duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsOverridesThatCouldNotRun() {
        assertThatThrownBy(() -> new Overrides(null, null, 0)).hasMessage("--repeat must be at least 1, got 0");
        assertThatThrownBy(() -> new Overrides(Duration.ZERO, null, null)).hasMessage("--duration must be positive, got PT0S");
        assertThatThrownBy(() -> new Overrides(null, Duration.ofSeconds(-1), null)).hasMessage("--warmup must be positive, got PT-1S");
    }
}
