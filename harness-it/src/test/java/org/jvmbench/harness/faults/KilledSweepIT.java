package org.jvmbench.harness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.result.PointResult;

/**
 * One run folder through the faults of issue 13 that concern who runs in it, each step on the
 * real CLI and the state the step before left (so the steps run in order, and a step whose
 * predecessor failed is skipped): two sweeps started together on one {@code --out} (one runs,
 * the other is refused), a {@code --resume} of the running folder (refused, the sweep goes on),
 * SIGKILL of the harness in the measured phase of a point (no server, no injector left), and
 * the resume after it, which stops and names what the dead run left running, refuses a second
 * resume and a new sweep on the folder while it runs, and measures only what is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KilledSweepIT {

    /** Enough for a JVM to plan and give up, on a machine busy with other work. */
    private static final Duration REFUSAL = Duration.ofSeconds(60);
    /** The first sweep, up to its second point's measured phase; a whole resume. */
    private static final Duration SWEEP = Duration.ofSeconds(150);
    /** How long a server or injector may outlive its harness: the kernel's parent-death signal is immediate. */
    private static final Duration DEATH = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private Path sweepFile;
    private Path run;
    private Path tmp;
    private final List<BenchProcess> started = new ArrayList<>();

    /** The sweep that won the folder, then was killed. */
    private BenchProcess first;
    private boolean killed;

    @BeforeAll
    void sweepFile() throws Exception {
        sweepFile = TinySweep.write(dir);
        run = dir.resolve("run");
        tmp = dir.resolve("tmp");
    }

    @AfterAll
    void nothingOfOursKeepsRunning() {
        started.forEach(BenchProcess::killSurvivors);
    }

    private BenchProcess bench(String name, String... args) throws Exception {
        BenchProcess bench = BenchProcess.start(dir, tmp, name, args);
        started.add(bench);
        return bench;
    }

    @Test
    @Order(1)
    void ofTwoSweepsStartedTogetherOnOneFolderOneRunsAndTheOtherGetsOneLineAndExitTwo() throws Exception {
        BenchProcess a = bench("a", "sweep", sweepFile.toString(), "--out", run.toString());
        BenchProcess b = bench("b", "sweep", sweepFile.toString(), "--out", run.toString());

        assertThat(BenchProcess.await(REFUSAL, () -> !a.alive() || !b.alive())).as("one of the two ends").isTrue();
        BenchProcess refused = a.alive() ? b : a;
        BenchProcess running = a.alive() ? a : b;

        assertThat(refused.exit(REFUSAL)).as(refused.output()).isEqualTo(2);
        assertThat(refused.stderr().lines().toList()).as(refused.output()).hasSize(1).first().asString()
                .satisfiesAnyOf(
                        // without the pid when it came between the other's lock and its writing its pid
                        line -> assertThat(line).startsWith("bench: " + run + " is in use by a running sweep")
                                .endsWith("; wait for it to end, or stop it first"),
                        line -> assertThat(line).isEqualTo("bench: " + run + " is not empty; to continue a sweep there use --resume " + run));
        assertThat(refused.stdout()).isEmpty();
        assertThat(running.alive()).as(running.output()).isTrue();
        assertThat(BenchProcess.await(REFUSAL, () -> lockHolder().equals(String.valueOf(running.pid()))))
                .as("the lock names the sweep that runs").isTrue();
        first = running;
    }

    @Test
    @Order(2)
    void aResumeOfTheRunningFolderGetsOneLineAndExitTwoAndTheSweepGoesOn() throws Exception {
        assumeTrue(first != null, "no sweep runs: the step before failed");
        assertThat(BenchProcess.await(REFUSAL, () -> Files.exists(run.resolve("sweep.json")))).as("the sweep recorded its plan").isTrue();

        BenchProcess resume = bench("resume-while-running", "sweep", "--resume", run.toString());

        assertThat(resume.exit(REFUSAL)).as(resume.output()).isEqualTo(2);
        assertThat(resume.stderr().lines().toList()).containsExactly("bench: " + run + " is in use by a running sweep (pid "
                + first.pid() + "); wait for it to end, or stop it first");
        assertThat(resume.stdout()).isEmpty();
        assertThat(first.alive()).as(first.output()).isTrue();
        assertThat(lockHolder()).isEqualTo(String.valueOf(first.pid()));
    }

    @Test
    @Order(3)
    void sigkillInTheMeasuredPhaseOfAPointLeavesNoServerNorInjectorRunning() throws Exception {
        assumeTrue(first != null, "no sweep runs: a step before failed");
        assertThat(BenchProcess.await(SWEEP, () -> !first.alive()
                || TinySweep.completeLines(run) == 1 && TinySweep.measuring(run, TinySweep.SECOND)))
                .as("the second point is being measured; %s", first.output()).isTrue();
        assertThat(first.alive()).as(first.output()).isTrue();
        List<Long> running = first.survivors();
        // the harness, its server and its injector at least: otherwise there is nothing to prove
        assertThat(running).as("processes of the sweep before the kill").hasSizeGreaterThanOrEqualTo(3);

        first.kill();
        killed = true;

        assertThat(first.survivorsAfter(DEATH)).as("processes of the killed sweep still running after %s (of %s)", DEATH, running)
                .isEmpty();
        List<PointResult> kept = TinySweep.results(run);
        assertThat(kept).extracting(PointResult::id).containsExactly(TinySweep.FIRST);
    }

    @Test
    @Order(4)
    void theResumeStopsAndNamesWhatTheDeadRunLeftRunningHoldsTheFolderAndMeasuresOnlyWhatIsMissing() throws Exception {
        assumeTrue(killed, "no sweep was killed: a step before failed");
        // The kernel ended the dead run's children; its record of them is still there, as after any
        // SIGKILL. One that survived (a machine without setpriv) is planted in it, as it would be.
        Path record = tmp.resolve("jvm-bench-children").resolve(first.pid() + ".txt");
        assertThat(record).as("the dead run's record of its children").exists();
        Process stray = new ProcessBuilder("sleep", "300").start();
        try {
            Instant strayStart = stray.toHandle().info().startInstant().orElseThrow();
            // the line Leftovers writes for a child: pid, start instant, what it is
            Files.writeString(record, stray.pid() + " " + strayStart + " stray-server.jar\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);

            BenchProcess resume = bench("resume", "sweep", "--resume", run.toString());
            assertThat(BenchProcess.await(REFUSAL, () -> !resume.alive() || lockHolder().equals(String.valueOf(resume.pid()))))
                    .as(resume.output()).isTrue();

            BenchProcess second = bench("second-resume", "sweep", "--resume", run.toString());
            BenchProcess fresh = bench("fresh-on-the-folder", "sweep", sweepFile.toString(), "--out", run.toString());
            assertThat(second.exit(REFUSAL)).as(second.output()).isEqualTo(2);
            assertThat(second.stderr().lines().toList()).containsExactly("bench: " + run + " is in use by a running sweep (pid "
                    + resume.pid() + "); wait for it to end, or stop it first");
            assertThat(fresh.exit(REFUSAL)).as(fresh.output()).isEqualTo(2);
            assertThat(fresh.stderr().lines().toList()).containsExactly("bench: " + run
                    + " is not empty; to continue a sweep there use --resume " + run);

            assertThat(resume.exit(SWEEP)).as(resume.output()).isZero();
            assertThat(resume.stdout()).contains("stopped pid " + stray.pid() + " (stray-server.jar), left running by a harness that died (pid "
                    + first.pid() + ")").contains("(1 already done)").contains("report: ");
            assertThat(stray.waitFor(DEATH.toMillis(), TimeUnit.MILLISECONDS)).as("the stray was stopped").isTrue();
            assertThat(record).as("the dead run's record, once dealt with").doesNotExist();
            assertThat(resume.survivorsAfter(DEATH)).as("processes of the resume").isEmpty();

            List<PointResult> all = TinySweep.results(run);
            assertThat(all).extracting(PointResult::id).containsExactly(TinySweep.FIRST, TinySweep.SECOND);
            TinySweep.measuredWithoutServerFault(all.get(1));
        } finally {
            stray.destroyForcibly();
        }
    }

    private String lockHolder() {
        try {
            return Files.readString(run.resolve("run.lock")).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
