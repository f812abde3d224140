package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jvmbench.harness.server.App;
import org.junit.jupiter.api.Test;

/** The sweeps shipped in {@code sweeps/} are valid, say what they ask, and quick stays quick. */
class RepositorySweepsTests {

    /** The machine the project targets: two cores, one for the server, one for the injector. */
    private static final int TARGET_CPUS = 2;

    private static final Path SWEEPS = Path.of(System.getProperty("bench.home", "..")).resolve("sweeps");

    @Test
    void everySweepReadsOnTheTargetMachineAndOpensWithItsQuestion() {
        List<String> names = Planner.available(SWEEPS);

        assertThat(names).contains("quick");
        for (String name : names) {
            Sweep sweep = SweepReader.read(SWEEPS.resolve(name + ".yaml"), TARGET_CPUS);
            assertThat(sweep.question()).as("question of %s", name).startsWith("Question: ");
            assertThat(sweep.name()).as("name of %s", name).isEqualTo(name);
        }
    }

    @Test
    void quickComparesBothAppsOnJsonAndIoAtSixtyFourConnections() {
        Plan plan = Planner.plan(SWEEPS.resolve("quick.yaml"), Overrides.NONE, TARGET_CPUS);

        assertThat(plan.runs()).extracting(r -> r.spec().app())
                .containsExactly(App.SERVLET, App.SERVLET, App.REACTIVE, App.REACTIVE);
        assertThat(plan.points()).extracting(LoadPoint::endpoint).containsOnly("/json", "/io?ms=10");
        assertThat(plan.points()).extracting(LoadPoint::concurrency).containsOnly(64);
        assertThat(plan.pointCount()).isEqualTo(8);
    }

    @Test
    void quickFinishesWithinSixMinutesOnTheTargetMachine() {
        Plan plan = Planner.plan(SWEEPS.resolve("quick.yaml"), Overrides.NONE, TARGET_CPUS);

        // ~15 s to start, check and stop a server; ~10 s around each point for the Gatling JVM
        assertThat(plan.estimate(Duration.ofSeconds(15), Duration.ofSeconds(10))).isLessThanOrEqualTo(Duration.ofMinutes(6));
    }
}
