package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;

/**
 * Issue 9's acceptance tests, through the real CLI: a sweep of open points whose rate is a share
 * of the capacity the harness probes, against our reactive app.
 *
 * <p>Why the reactive app and not a test server: a sweep launches our apps and checks what they
 * report on {@code /info}; a server of the test's own would need the own-jar support. The app's
 * {@code /io?ms=N} is a {@code Mono.delay}: a known, fixed service time on a timer, the event
 * loop free meanwhile. The stall is made from outside: the test freezes the server's JVM with
 * {@code SIGSTOP} for one second every five and thaws it with {@code SIGCONT}, as a stop-the-world
 * pause or a frozen VM would. The closed model of the same configuration in the same server run
 * is the capacity probe: {@code connections} users back to back, recorded with every point as
 * {@code open.probe}.
 */
class OpenModelSweepIT {

    private static final long MS = 1_000;

    @TempDir
    Path tmp;

    /**
     * The server stops answering for 1 s every 5 s once warmed: in the capacity probe, the open
     * warm-up and the open point alike. Closed (the probe, 16 users), each user waits out a stall with one request and
     * then sends hundreds that are answered in 10 ms: 16 slow requests among thousands, far beyond
     * p99, though the maximum shows the stall. Open, requests keep falling due during the stall,
     * a sixth or more of the window's, and wait for it to end.
     *
     * <p>The bound tested is 0.9 s at p99 from due time and 0.95 s at the maximum, not 1 s: a
     * request due u seconds into a stall waits about 1 − u, so only the first (1 − x) of each stall
     * waits x or more. Any 6 s window holds one whole stall at least: the requests due in its first
     * 6 % are 1 % of the window's, so the p99 is 0.94 s at the least, plus the backlog's time to
     * drain (here about 0.2 s for all of it, which the first requests pay least). Raising the p99 to
     * 1 s would take requests that were in the server when it froze: with a service time d, those
     * due up to d before the stall wait 1 s and more, a share d / 6 s of the window, which passes
     * 1 % only for d above 60 ms; but then the closed model's frozen requests (its users, among
     * users / d requests a second) are the same share, and its p99 shows the stall too. The
     * closed model hides a 1 s stall exactly when the open model's p99 stays just under 1 s.
     */
    @Test
    void aStallTheClosedModelHidesIsInTheOpenModelsLatencyFromDueTime() throws Exception {
        Path file = Files.writeString(tmp.resolve("stall.yaml"), """
                # Question: does the open model see a stall the closed model hides?
                name: stall
                duration: 6s
                warmup: 40s
                requestTimeout: 5s
                heap: 128m
                cpus: {server: "0", injector: "1"}
                load:
                  endpoints: ["/io?ms=10"]
                  rates: [0.25]
                  connections: 16
                servers:
                  - app: reactive
                    workers: 1
                """);
        Path run = tmp.resolve("run");
        Path log = tmp.resolve("stall.log");
        Process bench = bench(log, "sweep", file.toString(), "--out", run.toString());
        Staller staller = new Staller(bench, run.resolve(RunFolder.PROGRESS));
        Thread stalling = Thread.ofPlatform().name("staller").start(staller);
        try {
            assertThat(bench.waitFor(240, TimeUnit.SECONDS)).as("sweep finished; log:%n%s", Files.readString(log)).isTrue();
        } finally {
            stalling.interrupt();
            stalling.join();
            stop(bench);
        }
        assertThat(bench.exitValue()).as(Files.readString(log)).isZero();
        // the probe, the open warm-up and the point: 17 s at least
        assertThat(staller.stalls.get()).as("stalls made").isGreaterThanOrEqualTo(3);

        List<PointResult> points = ResultsLog.read(run.resolve(RunFolder.RESULTS));
        assertThat(points).hasSize(1);
        PointResult point = points.getFirst();
        assertThat(point.flags()).extracting(Flag::code).doesNotContain(Flag.Code.SERVER_HUNG, Flag.Code.SERVER_DIED);
        OpenLoad open = point.open();
        assertThat(open).isNotNull();

        var closed = open.probe().latency();
        // for whoever tunes the bounds: the figures of this run, in the failsafe report
        System.out.printf("stall: closed p99 %d µs max %d µs at %.0f rps; open %.0f rps offered, from due p99 %d µs max %d µs, "
                        + "service p99 %d µs; %d of %d scheduled sent, %d queued, %d late; flags %s%n",
                closed.p99Micros(), closed.maxMicros(), open.probe().rps(), open.offeredRps(), open.intendedLatency().p99Micros(),
                open.intendedLatency().maxMicros(), point.latency().p99Micros(), point.throughput().requests(),
                open.scheduledRequests(), open.queuedRequests(), open.lateRequests(), point.flags().stream().map(Flag::code).toList());
        assertThat(closed.maxMicros()).as("closed max: the stall happened in the probe").isGreaterThan(900 * MS);
        assertThat(closed.p99Micros()).as("closed p99").isLessThan(100 * MS);

        assertThat(open.intendedLatency().p99Micros()).as("open p99 from due time").isGreaterThanOrEqualTo(900 * MS);
        assertThat(open.intendedLatency().maxMicros()).as("open max from due time").isGreaterThanOrEqualTo(950 * MS);
        // both are in results.jsonl: the point's service time beside its latency from due time, the probe beside both.
        // The requests sent into the frozen server (a free connection took them) wait out the stall from their send
        // too, so the service time's p99 may show it as well; those that waited for a connection show only from due time
        assertThat(point.latency().meanMicros()).as("service time mean").isLessThan(open.intendedLatency().meanMicros());
        assertThat(open.intendedHistogram()).isNotBlank();
        assertThat(open.probe().histogram()).isNotBlank();
        assertThat(open.queuedRequests()).as("requests that waited for a connection the stall held").isPositive();
        assertThat(run.resolve("index.html")).exists();
    }

    /**
     * At half the capacity of a server whose every answer takes 20 ms ({@code /io?ms=20}, 16
     * connections, so at most 800 requests a second), requests due every 3 ms or so go out on a
     * free connection and never wait for one another: the latency from due time is the service
     * time plus the client's and the app's own overhead. Tolerance, as at the injector's level
     * (loadtests/README.md): median within 3 ms of the 20 ms, p99 within 30 ms (the server shares
     * two busy cores with the injector and other builds; a GC or a neighbour's burst adds
     * milliseconds to a few requests), and the point not flagged {@code INJECTOR_LATE}.
     *
     * <p>Other processes share these two cores and can starve the injector; it then reports its
     * late sends, as it should, and the point is flagged. So the sweep is run up to three times and
     * the first point that kept its schedule is held to the tolerance; three late ones fail.
     */
    @Test
    void atHalfTheProbedCapacityTheLatencyFromDueTimeIsTheServiceTime() throws Exception {
        Path file = Files.writeString(tmp.resolve("half.yaml"), """
                # Question: is the open model's latency the service time well below capacity?
                name: half
                duration: 6s
                warmup: 40s
                requestTimeout: 5s
                heap: 128m
                cpus: {server: "0", injector: "1"}
                load:
                  endpoints: ["/io?ms=20"]
                  rates: [0.5]
                  connections: 16
                servers:
                  - app: reactive
                    workers: 1
                """);
        PointResult point = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path run = tmp.resolve("half-" + attempt);
            Path log = tmp.resolve("half-" + attempt + ".log");
            Process bench = bench(log, "sweep", file.toString(), "--out", run.toString());
            try {
                assertThat(bench.waitFor(240, TimeUnit.SECONDS)).as("sweep finished; log:%n%s", Files.readString(log)).isTrue();
            } finally {
                stop(bench);
            }
            assertThat(bench.exitValue()).as(Files.readString(log)).isZero();
            List<PointResult> points = ResultsLog.read(run.resolve(RunFolder.RESULTS));
            assertThat(points).hasSize(1);
            point = points.getFirst();
            if (point.flags().stream().noneMatch(f -> f.code() == Flag.Code.INJECTOR_LATE)) {
                break;
            }
        }

        OpenLoad open = point.open();
        System.out.printf("half: capacity %.0f rps, offered %.0f; from due p50 %d µs p99 %d µs, service p50 %d µs p99 %d µs; "
                        + "%d of %d late; flags %s%n",
                open.capacityRps(), open.offeredRps(), open.intendedLatency().p50Micros(), open.intendedLatency().p99Micros(),
                point.latency().p50Micros(), point.latency().p99Micros(), open.lateRequests(), open.scheduledRequests(),
                point.flags().stream().map(Flag::code).toList());
        assertThat(point.flags()).as("flags of the best of three").extracting(Flag::code).doesNotContain(Flag.Code.INJECTOR_LATE,
                Flag.Code.SERVER_HUNG, Flag.Code.SERVER_DIED, Flag.Code.ERRORS);
        assertThat(open.lateShare()).isLessThanOrEqualTo(0.02);
        // the capacity: 16 connections of 20 ms answers, less the app's and the client's overhead
        assertThat(open.capacityRps()).isEqualTo(open.probe().rps()).isBetween(400.0, 800.0);
        assertThat(open.offeredRps()).isCloseTo(open.capacityRps() / 2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(point.throughput().requests()).isEqualTo(open.scheduledRequests());
        assertThat(point.counts().differenceRatio()).isLessThanOrEqualTo(0.01);
        assertThat(open.connectionsUsed()).isBetween(1, 16);
        var fromDue = open.intendedLatency();
        assertThat(fromDue.count()).isEqualTo(open.scheduledRequests());
        assertThat(fromDue.p50Micros()).as("median from due time").isBetween(20 * MS, 23 * MS);
        assertThat(fromDue.p99Micros()).as("p99 from due time").isBetween(20 * MS, 50 * MS);
        assertThat(fromDue.p50Micros()).isGreaterThanOrEqualTo(point.latency().p50Micros());
    }

    /**
     * Freezes the sweep's server JVM for 1 s every 5 s, from the end of its warm-up on (so the
     * server is warmed as in any sweep, and the capacity probe, the open warm-up and the point
     * all see the stalls), until interrupted; always leaves it running. It sleeps between
     * signals: the sleeps are the stall's timing, not a wait for something to happen.
     */
    private static final class Staller implements Runnable {

        private final Process bench;
        private final Path progress;
        final AtomicInteger stalls = new AtomicInteger();

        Staller(Process bench, Path progress) {
            this.bench = bench;
            this.progress = progress;
        }

        @Override
        public void run() {
            ProcessHandle server = null;
            try {
                server = awaitWarmServer();
                while (!Thread.currentThread().isInterrupted() && server.isAlive()) {
                    Thread.sleep(4_000);
                    signal("STOP", server);
                    long thaw = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    try {
                        for (long left = thaw - System.nanoTime(); left > 0; left = thaw - System.nanoTime()) {
                            TimeUnit.NANOSECONDS.sleep(left);
                        }
                    } finally {
                        signal("CONT", server);
                    }
                    stalls.incrementAndGet();
                }
            } catch (InterruptedException | IOException e) {
                // the sweep is over
            } finally {
                if (server != null && server.isAlive()) {
                    try {
                        signal("CONT", server);
                    } catch (IOException | InterruptedException ignored) {
                        // it is being stopped anyway
                    }
                }
            }
        }

        /** The server JVM, once the sweep says its warm-up is over. */
        private ProcessHandle awaitWarmServer() throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                if (Files.exists(progress) && Files.readString(progress).contains("warm-up /io")) {
                    Optional<ProcessHandle> server = bench.descendants()
                            .filter(p -> p.info().commandLine().orElse("").contains("reactive-netty.jar")).findFirst();
                    if (server.isPresent()) {
                        return server.get();
                    }
                }
                Thread.sleep(100);
            }
            throw new IOException("the sweep's warm-up did not end within 180 s");
        }

        private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
        }
    }

    /** A sweep still running (the test failed) is stopped as Ctrl-C would, then whatever is left is killed. */
    private static void stop(Process bench) throws IOException, InterruptedException {
        List<ProcessHandle> children = bench.descendants().toList();
        if (bench.isAlive()) {
            new ProcessBuilder("kill", "-INT", String.valueOf(bench.pid())).start().waitFor();
            bench.waitFor(40, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
        bench.destroyForcibly();
    }

    private static Process bench(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(Interruptible.command(cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
