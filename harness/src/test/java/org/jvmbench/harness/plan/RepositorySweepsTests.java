package org.jvmbench.harness.plan;

import org.jvmbench.harness.config.Defaults;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.sweep.SweepRunner;
import org.junit.jupiter.api.Test;

/**
 * The sweeps shipped in {@code sweeps/} are valid, say what they ask and which experiment
 * they follow, state their size and time truthfully, and together fit in about an hour.
 */
class RepositorySweepsTests {

    /** The machine the project targets: two cores, one for the server, one for the injector. */
    private static final int TARGET_CPUS = 2;

    private static final Path SWEEPS = Path.of(System.getProperty("bench.home", "..")).resolve("sweeps");

    /** The settings the headers quote times for, besides the sweep's own. */
    private static final Overrides FIFTEEN = new Overrides(Duration.ofSeconds(15), null, null);

    /** Every ready sweep and its points: a sweep that grows or shrinks must say so here. */
    private static final Map<String, Integer> POINTS = new LinkedHashMap<>();

    static {
        POINTS.put("aa", 2 * 6);
        POINTS.put("asgi", 18 * 3);
        POINTS.put("cpu", 12 * 3);
        POINTS.put("engines", 21 * 3);
        POINTS.put("mixed", 13 * 3);
        POINTS.put("quick", 4);
        POINTS.put("sensitivity", 2 * 3);
        POINTS.put("slo", 40 * 3);
        POINTS.put("starvation", 4 * 3);
        POINTS.put("startup", 8 * 3);
        POINTS.put("steady", 2 * 5);
        POINTS.put("threads-vs-processes", 14 * 3);
        POINTS.put("virtual", 30 * 3);
        POINTS.put("workers-vs-threads", 5 * 3);
        POINTS.put("wsgi", 8 * 3);
        POINTS.put("wsgi-threads", 8 * 3);
    }

    private static final Pattern SIZE = Pattern.compile("Size: (\\d+) points? in (\\d+) forks?[ .]");
    private static final Pattern TIMES = Pattern.compile(
            "about (\\d+) min as written, about (\\d+) min with --duration 15s");

    private static Plan plan(String name, Overrides overrides) {
        return Planner.plan(SWEEPS.resolve(name + ".yaml"), overrides, TARGET_CPUS);
    }

    private static Duration estimate(Plan plan) {
        return org.jvmbench.harness.sweep.Eta.of(plan);
    }

    /** How the headers round: whole minutes, at least one. */
    private static long minutes(Duration d) {
        return Math.max(1, Math.round(d.toSeconds() / 60.0));
    }

    @Test
    void theReadySweepsAreTheOnesListedHere() {
        assertThat(Planner.available(SWEEPS)).containsExactlyInAnyOrderElementsOf(POINTS.keySet());
    }

    @Test
    void everySweepReadsOnTheTargetMachineAndOpensWithItsQuestionAndTheExperimentItFollows() {
        for (String name : Planner.available(SWEEPS)) {
            Sweep sweep = SweepReader.read(SWEEPS.resolve(name + ".yaml"), TARGET_CPUS);
            String firstLine = sweep.question().lines().findFirst().orElse("");
            assertThat(firstLine).as("first line of %s, what ./bench sweeps shows", name)
                    .startsWith("Question: ").endsWith("?").hasSizeLessThanOrEqualTo(110);
            assertThat(sweep.question()).as("header of %s", name).contains("\nFollows: ");
            assertThat(sweep.name()).as("name of %s", name).isEqualTo(name);
            assertThat(sweep.cpus()).as("pinning of %s", name)
                    .isEqualTo(new CpuPinning(CpuSet.parse("0"), CpuSet.parse("1")));
        }
    }

    @Test
    void everySweepHasTheExpectedNumberOfPoints() {
        for (Map.Entry<String, Integer> e : POINTS.entrySet()) {
            assertThat(plan(e.getKey(), Overrides.NONE).pointCount()).as("points of %s", e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void everyHeaderStatesItsSizeAndEstimatedTimesAsThePlanComputesThem() {
        for (String name : Planner.available(SWEEPS)) {
            Plan own = plan(name, Overrides.NONE);
            Plan fifteen = plan(name, FIFTEEN);
            String header = own.sweep().question().replace('\n', ' ');

            Matcher size = SIZE.matcher(header);
            assertThat(size.find()).as("Size: line of %s", name).isTrue();
            assertThat(Integer.parseInt(size.group(1))).as("points stated by %s", name).isEqualTo(own.pointCount());
            assertThat(Integer.parseInt(size.group(2))).as("forks stated by %s", name).isEqualTo(own.forks().size());
            Matcher times = TIMES.matcher(header);
            assertThat(times.find()).as("estimated times of %s", name).isTrue();
            assertThat(Long.parseLong(times.group(1))).as("minutes as written stated by %s", name).isEqualTo(minutes(estimate(own)));
            assertThat(Long.parseLong(times.group(2))).as("minutes at 15s/15s stated by %s", name).isEqualTo(minutes(estimate(fifteen)));
        }
    }

    @Test
    void everyReadySweepButTheQuickLookRepeatsOnFreshJvmsSoItsSpreadCanBeStated() {
        for (String name : Planner.available(SWEEPS)) {
            assertThat(plan(name, Overrides.NONE).sweep().repeat()).as("repeat of %s", name)
                    // aa: its fork pairs, not its rounds, narrow the A/A interval (docs/paired-trials.md)
                    .isEqualTo(name.equals("quick") ? 1 : name.equals("steady") ? 5 : name.equals("aa") ? 6 : 3);
        }
    }

    @Test
    void everyReadySweepWarmsUntilSettledUnderTheDefaultCap() {
        for (String name : Planner.available(SWEEPS)) {
            assertThat(plan(name, Overrides.NONE).sweep().warmup()).as("warm-up cap of %s", name).isEqualTo(Defaults.WARMUP);
        }
    }

    @Test
    void quickComparesBothAppsOnJsonAndIoAtSixtyFourConnections() {
        Plan plan = plan("quick", Overrides.NONE);

        assertThat(plan.forks()).extracting(r -> r.spec().app())
                .containsExactly(App.SERVLET, App.REACTIVE);
        assertThat(plan.points()).extracting(LoadPoint::endpoint).containsOnly("/json", "/io?ms=10");
        assertThat(plan.points()).extracting(LoadPoint::connections).containsOnly(64);
        assertThat(plan.pointCount()).isEqualTo(4);
    }

    @Test
    void quickIsEstimatedWithinTenMinutesOnTheTargetMachine() {
        assertThat(org.jvmbench.harness.sweep.Eta.of(plan("quick", Overrides.NONE))).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void starvationRunsPlatformThenVirtualThreadsInStarvationModeFromOneConnectionToSixteen() {
        Plan plan = plan("starvation", Overrides.NONE);

        assertThat(plan.sweep().starvation()).isTrue();
        assertThat(plan.sweep().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.forks()).filteredOn(r -> r.repetition() == 1)
                .extracting(r -> r.spec().app(), r -> r.spec().virtualThreads(), r -> r.spec().threads())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(App.SERVLET, false, 4),
                        org.assertj.core.groups.Tuple.tuple(App.SERVLET, true, null));
        assertThat(plan.points()).extracting(LoadPoint::endpoint).containsOnly("/cpu?n=28&split=4");
        assertThat(plan.forks().getFirst().points()).extracting(LoadPoint::connections).containsExactly(1, 16);
    }

    @Test
    void sloRunsFourThreadModelsOnIoAndMixedAtSharesOfTheirOwnCapacityAgainstAP99Target() {
        Plan plan = plan("slo", Overrides.NONE);

        assertThat(plan.sweep().slo()).isEqualTo(new Slo(99.0, Duration.ofMillis(50)));
        assertThat(plan.forks()).filteredOn(r -> r.repetition() == 1)
                .extracting(r -> r.spec().app(), r -> r.spec().threads(), r -> r.spec().virtualThreads())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(App.SERVLET, 8, false),
                        org.assertj.core.groups.Tuple.tuple(App.SERVLET, 64, false),
                        org.assertj.core.groups.Tuple.tuple(App.SERVLET, null, true),
                        org.assertj.core.groups.Tuple.tuple(App.REACTIVE, null, false));
        assertThat(plan.points()).extracting(LoadPoint::endpoint).containsOnly("/io?ms=10", "/mixed");
        assertThat(plan.points()).allSatisfy(p -> {
            assertThat(p.key().open()).isTrue();
            assertThat(p.key().level().rate()).isNull();
            assertThat(p.connections()).isEqualTo(Defaults.OPEN_CONNECTIONS);
        });
        assertThat(plan.forks().getFirst().points()).extracting(p -> p.key().level().share())
                .containsExactly(0.25, 0.5, 0.75, 0.9, 1.0, 0.25, 0.5, 0.75, 0.9, 1.0);
    }

    @Test
    void onlyTheStarvationSweepRunsInStarvationMode() {
        for (String name : Planner.available(SWEEPS)) {
            assertThat(plan(name, Overrides.NONE).sweep().starvation()).as("starvation of %s", name)
                    .isEqualTo(name.equals("starvation"));
        }
    }

    @Test
    void theProcessesSweepsPitOneJvmOfNThreadsAgainstNJvmsOfOneWithHeapsThatFitTogether() {
        for (String name : List.of("threads-vs-processes", "mixed")) {
            Plan plan = plan(name, Overrides.NONE);
            assertThat(plan.sweep().heap()).as("heap of %s", name).isEqualTo(HeapSize.parse("128m"));
            assertThat(plan.forks()).as("runs of %s", name)
                    .filteredOn(r -> r.spec().processes() > 1 && r.repetition() == 1)
                    .extracting(r -> r.spec().processes()).containsExactly(2, 4, 8);
            assertThat(plan.forks()).as("runs of %s", name)
                    .filteredOn(r -> r.spec().processes() > 1)
                    .allSatisfy(r -> assertThat(r.spec().threads()).isEqualTo(1));
            assertThat(plan.forks()).as("the single JVM of one thread in %s", name)
                    .anySatisfy(r -> {
                        assertThat(r.spec().processes()).isEqualTo(1);
                        assertThat(r.spec().threads()).isEqualTo(1);
                        assertThat(r.spec().virtualThreads()).isFalse();
                    });
        }
    }
}
