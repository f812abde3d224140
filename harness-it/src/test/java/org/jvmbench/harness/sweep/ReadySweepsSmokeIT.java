package org.jvmbench.harness.sweep;

import org.jvmbench.harness.result.RunFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Planner;
import org.jvmbench.harness.plan.SweepWriter;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.Keys;
import org.jvmbench.harness.config.ProjectHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ready sweep in {@code sweeps/}, run for real through the CLI with two-second points,
 * a one-second warm-up and one repetition: each must finish, write one result per planned
 * point, measure every point whose server did not hang or die, and render its report. The
 * default sweep ({@code quick}, the README's main job) and {@code starvation} (whose hangs are
 * its finding) run whole; every other runs as its {@link SmokeSample}, which starts each of its
 * entries' kinds of server, since all of them whole would take over an hour. Shared machines raise
 * NOISY_NEIGHBOUR and INJECTOR_SATURATED; those flags say what the numbers are worth, not
 * that the sweep is broken, so they are not checked here.
 */
class ReadySweepsSmokeIT {

    private static final Overrides SHORT = new Overrides(Duration.ofSeconds(2), Duration.ofSeconds(1), 1);
    private static final List<String> SHORT_ARGS = List.of("--duration", "2s", "--warmup", "1s", "--repeat", "1");

    /** Ready sweeps run whole rather than sampled. */
    private static final Set<String> WHOLE = Set.of("quick", "starvation");

    /** Beyond several times its ETA, a sweep is stuck rather than slow. */
    private static final int ETA_FACTOR = 4;
    private static final Duration DEADLINE_SLACK = Duration.ofMinutes(3);

    private static final Set<Flag.Code> FATAL = Set.of(Flag.Code.SERVER_HUNG, Flag.Code.SERVER_DIED);

    private static final int MACHINE_CPUS = Runtime.getRuntime().availableProcessors();

    @TempDir
    static Path tmp;

    private static long suiteStarted;

    @TestFactory
    Stream<DynamicTest> everyReadySweepRunsEndToEndWithShortPoints() {
        Path sweeps = ProjectHome.locate().sweeps();
        List<String> names = Planner.available(sweeps);
        assertThat(names).contains("quick", "starvation", "threads-vs-processes", "mixed");
        // -Dbench.smoke.sweeps=a,b reruns only those, e.g. the one that failed
        String only = System.getProperty("bench.smoke.sweeps", "").strip();
        if (!only.isEmpty()) {
            names = names.stream().filter(List.of(only.split(","))::contains).toList();
        }
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> runAndCheck(sweeps, name)));
    }

    @BeforeAll
    static void startClock() {
        suiteStarted = System.nanoTime();
    }

    /** What the whole set costs on this machine, for whoever tunes the sweeps' sizes. */
    @AfterAll
    static void reportTotalTime() {
        System.out.printf("ready sweeps smoke test: %s in all%n", Progress.format(Duration.ofNanos(System.nanoTime() - suiteStarted)));
    }

    private void runAndCheck(Path sweeps, String name) throws Exception {
        // -Dbench.smoke.out=DIR keeps the run folders there, to read after a failure
        Path root = System.getProperty("bench.smoke.out") != null ? Path.of(System.getProperty("bench.smoke.out")) : tmp;
        Files.createDirectories(root);
        Path file = sweeps.resolve(name + ".yaml");
        if (!WHOLE.contains(name)) {
            Path sample = root.resolve(name + "-sample.yaml");
            Files.writeString(sample, SweepWriter.toYaml(SmokeSample.of(Planner.plan(file, Overrides.NONE, MACHINE_CPUS).sweep())));
            file = sample;
        }
        Plan plan = Planner.plan(file, SHORT, MACHINE_CPUS);
        Path out = root.resolve(name);
        Path log = root.resolve(name + ".log");
        Duration deadline = Eta.of(plan)
                .multipliedBy(ETA_FACTOR).plus(DEADLINE_SLACK);

        long started = System.nanoTime();
        int exit = run(log, deadline, Stream.concat(Stream.of("sweep", file.toString(), "--out", out.toString()), SHORT_ARGS.stream()).toList());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("ready sweep %s: %d points in %s (ETA %s)%n", name, plan.pointCount(), Progress.format(took),
                Progress.format(Eta.of(plan)));

        String printed = Files.readString(log);
        assertThat(exit).as("exit of %s; output:%n%s", name, printed).isZero();
        List<PointResult> results = ResultsLog.read(out.resolve(RunFolder.RESULTS));
        assertThat(results).extracting(PointResult::id).as("results of %s", name)
                .containsExactlyElementsOf(plan.points().stream().map(LoadPoint::id).toList());
        for (PointResult p : results) {
            if (!fatal(p)) {
                isMeasuredAndReconciled(p);
            }
        }
        assertThat(out.resolve("index.html")).as("report of %s", name).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("index.html"))).contains(name);

        if (plan.points().stream().anyMatch(p -> p.key().configuration().processes() > 1)) {
            processesCostMoreMemoryThanOne(name, results);
        }
        if (plan.sweep().starvation()) {
            platformThreadsHangWhereVirtualThreadsComplete(results);
        }
    }

    /** Every number a point promises, with client and server counts agreeing within 1 %. */
    private static void isMeasuredAndReconciled(PointResult p) {
        assertThat(p.throughput().requests()).as("requests of %s", p.id()).isPositive();
        assertThat(p.latency()).as("latency of %s", p.id()).isNotNull();
        assertThat(p.latency().count()).as("latency count of %s", p.id()).isEqualTo(p.throughput().requests());
        assertThat(p.latency().p50Micros()).as("p50 of %s", p.id()).isPositive();
        assertThat(p.resources()).as("resources of %s", p.id()).isNotNull();
        assertThat(p.resources().serverRssBytes()).as("RSS of %s", p.id()).isGreaterThan(10L << 20);
        assertThat(p.resources().serverThreads()).as("threads of %s", p.id()).isPositive();
        assertThat(p.counts()).as("client/server counts of %s", p.id()).isNotNull();
        assertThat(p.counts().clientRequests()).as("client count of %s", p.id()).isEqualTo(p.throughput().requests());
        assertThat(p.counts().differenceRatio()).as("client %d against server %d requests at %s",
                p.counts().clientRequests(), p.counts().serverRequests(), p.id()).isLessThanOrEqualTo(0.01);
    }

    /**
     * N JVMs hold N copies of what a JVM keeps for itself, so their summed RSS exceeds one
     * JVM's of the same settings; PSS, the honest sum, must be there to say by how much.
     */
    private static void processesCostMoreMemoryThanOne(String sweep, List<PointResult> results) {
        List<PointResult> several = results.stream().filter(p -> p.key().configuration().processes() > 1 && !fatal(p)).toList();
        assertThat(several).as("measured points of several JVMs in %s", sweep).isNotEmpty();
        int compared = 0;
        for (PointResult p : several) {
            assertThat(p.resources().serverPssBytes()).as("PSS of %s", p.id()).isNotNull().isPositive();
            Optional<PointResult> one = singleJvm(results, p.key());
            if (one.isPresent()) {
                assertThat(p.resources().serverRssBytes()).as("RSS of %s against %s", p.id(), one.get().id())
                        .isGreaterThan(one.get().resources().serverRssBytes());
                compared++;
            }
        }
        assertThat(compared).as("points of several JVMs in %s compared with one JVM", sweep).isPositive();
    }

    /** The measured point of one JVM with otherwise the same settings, endpoint and load. */
    private static Optional<PointResult> singleJvm(List<PointResult> results, PointKey key) {
        PointKey single = Keys.point(key.configuration().app(), key.configuration().workers(), key.configuration().threads(), key.configuration().virtualThreads(), 1, key.endpoint(), key.level().connections());
        return results.stream().filter(r -> r.key().equals(single) && !fatal(r)).findFirst();
    }

    /** The starvation sweep's whole point: platform threads hang at 16 connections, not at 1; virtual threads never. */
    private static void platformThreadsHangWhereVirtualThreadsComplete(List<PointResult> results) {
        List<PointResult> platform = results.stream().filter(p -> !p.key().configuration().virtualThreads()).toList();
        List<PointResult> virtual = results.stream().filter(p -> p.key().configuration().virtualThreads()).toList();
        assertThat(platform).extracting(p -> p.key().level().connections()).containsExactly(1, 16);
        assertThat(virtual).extracting(p -> p.key().level().connections()).containsExactly(1, 16);

        PointResult alone = platform.get(0);
        assertThat(codes(alone)).as("flags of %s", alone.id()).doesNotContainAnyElementsOf(FATAL);
        assertThat(alone.throughput().ok()).as("answers at %s", alone.id()).isPositive();
        assertThat(alone.throughput().ko()).as("failures at %s", alone.id()).isZero();

        PointResult crowded = platform.get(1);
        assertThat(codes(crowded)).as("flags of %s", crowded.id()).contains(Flag.Code.SERVER_HUNG);

        for (PointResult p : virtual) {
            assertThat(codes(p)).as("flags of %s", p.id()).doesNotContainAnyElementsOf(FATAL);
            assertThat(p.throughput().ok()).as("answers at %s", p.id()).isPositive();
            assertThat(p.throughput().ko()).as("failures at %s", p.id()).isZero();
        }
    }

    private static boolean fatal(PointResult p) {
        return codes(p).stream().anyMatch(FATAL::contains);
    }

    private static List<Flag.Code> codes(PointResult p) {
        return p.flags().stream().map(Flag::code).toList();
    }

    /**
     * Runs the CLI from the test classpath, as ./bench would, and returns its exit code. Past
     * the deadline it is interrupted like Ctrl-C (which stops its servers and injector) and the
     * test fails; either way no process it started may outlive it.
     */
    private static int run(Path log, Duration deadline, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName()));
        cmd.addAll(args);
        Process bench = new ProcessBuilder(Interruptible.command(cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (!bench.waitFor(1, TimeUnit.SECONDS) && System.nanoTime() < end) {
                bench.descendants().forEach(seen::add);
            }
            if (bench.isAlive()) {
                new ProcessBuilder("kill", "-INT", String.valueOf(bench.pid())).start().waitFor();
                bench.waitFor(40, TimeUnit.SECONDS);
                throw new AssertionError("the sweep did not finish within " + Progress.format(deadline) + "; output:\n"
                        + Files.readString(log));
            }
            awaitGone(seen);
            assertThat(seen).as("servers and injectors of %s left running", args).noneMatch(ProcessHandle::isAlive);
            return bench.exitValue();
        } finally {
            bench.descendants().forEach(ProcessHandle::destroyForcibly);
            seen.forEach(ProcessHandle::destroyForcibly);
            bench.destroyForcibly();
        }
    }

    private static void awaitGone(Set<ProcessHandle> processes) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
