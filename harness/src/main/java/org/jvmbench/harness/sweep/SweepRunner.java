package org.jvmbench.harness.sweep;

import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.load.InjectorProcess;
import org.jvmbench.harness.load.InjectorHungException;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.sampling.Sampler;
import org.jvmbench.harness.sampling.SamplesCsv;
import org.jvmbench.harness.sampling.Targets;
import org.jvmbench.harness.sampling.WindowUsage;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.server.ServerSpec;
import org.jvmbench.harness.server.ServerStartException;
import org.jvmbench.harness.trust.FlagRules;
import org.jvmbench.harness.stats.Latencies;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plan: for each server run, a fresh server on the server CPUs, a check that it runs
 * what was asked, a warm-up excluded from every number, then each point measured while
 * {@code /proc} is sampled; each completed point is appended to {@code results.jsonl} at
 * once. One injector JVM serves the whole sweep so that its JIT stays warm.
 */
public final class SweepRunner {

    /** What a sweep ended with. */
    public record Outcome(int pointsWritten, int flagged, Duration wall, Duration measured) {
    }

    /**
     * Fixed costs the ETA adds to the measured time: server start and checks; Gatling start
     * and report. {@code ./bench sweeps} and the ready sweeps' headers state times with them.
     */
    public static final Duration SERVER_RUN_OVERHEAD = Duration.ofSeconds(8);
    public static final Duration POINT_OVERHEAD = Duration.ofSeconds(3);
    /** Beyond duration + request timeout, what a run may take before the injector counts as hung. */
    static final Duration DEADLINE_SLACK = Duration.ofSeconds(60);

    private final ProjectHome home;
    private final ServerLauncher launcher;
    private final ProcReader proc;
    private final PrintWriter out;

    public SweepRunner(ProjectHome home, ServerLauncher launcher, ProcReader proc, PrintWriter out) {
        this.home = home;
        this.launcher = launcher;
        this.proc = proc;
        this.out = out;
    }

    /**
     * Runs what of {@code plan} is not yet in {@code folder}'s results. Interruption stops
     * every process and rethrows; completed points stay written.
     */
    public Outcome run(Plan plan, RunFolder folder) throws IOException, InterruptedException {
        long started = System.nanoTime();
        ResultsLog results = new ResultsLog(folder.root());
        results.repair();
        Set<String> done = new LinkedHashSet<>(results.completedIds());
        Plan todo = plan.remaining(done);
        Sweep sweep = plan.sweep();
        Progress progress = new Progress(out, folder.progressLog());
        int total = plan.pointCount();
        Tally tally = new Tally(plan.pointCount() - todo.pointCount());
        int alreadyDone = tally.finished;
        progress.say(String.format("sweep %s: %d points in %d server runs%s; results in %s", sweep.name(), todo.pointCount(), todo.runs().size(),
                alreadyDone > 0 ? " (" + alreadyDone + " already done)" : "", folder.root()));
        progress.say("ETA " + Progress.format(todo.estimate(SERVER_RUN_OVERHEAD, POINT_OVERHEAD)) + "; servers on CPUs "
                + sweep.cpus().server() + ", injector on CPUs " + sweep.cpus().injector());

        Environment captured = Environment.capture(home.root(), sweep.cpus().server().toString(), sweep.cpus().injector().toString(),
                home.injectorClasspath());
        captured.addInjector(InjectorProcess.jvmOptions(sweep.injectorHeap().toString()));
        Environment environment = captured;
        if (Files.exists(folder.environment())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> original = ResultsLog.JSON.readValue(folder.environment().toFile(), Map.class);
            environment = environment.resuming(original);
            if (!environment.changedOnResume().isEmpty()) {
                progress.say("warning: resuming with a different " + String.join(", ", environment.changedOnResume())
                        + " than the sweep started with; environment.json records both");
            }
        }
        writeEnvironment(folder, environment);

        InjectorProcess injector = null;
        try (Sampler sampler = new Sampler(proc, Targets.servers(List.of()), Defaults.SAMPLE_PERIOD)) {
            sampler.start();
            List<Fork> runs = todo.runs();
            for (int r = 0; r < runs.size(); r++) {
                Fork run = runs.get(r);
                checkInterrupted();
                if (injector == null || !injector.alive()) {
                    injector = InjectorProcess.start(home, sweep.cpus().injector(), sweep.injectorHeap().toString(), folder.injectorLog());
                }
                // each point is written the moment it completes, not when its server run ends:
                // an interruption keeps every finished point
                new ForkExecution(run, folder, sweep, injector, sampler, environment, result -> {
                    results.append(result);
                    done.add(result.id());
                    tally.add(result);
                    progress.point(tally.finished, total, result,
                            plan.remaining(done).estimate(SERVER_RUN_OVERHEAD, POINT_OVERHEAD));
                }).execute();
                writeEnvironment(folder, environment);
                if (!injector.alive()) {
                    injector = null;
                }
            }
        } finally {
            if (injector != null) {
                injector.close();
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Duration measured = Duration.ofNanos(tally.measuredNanos);
        progress.say(String.format("done: %d points (%d flagged) in %s; measured %s of it (%.0f %%)", tally.written, tally.flagged,
                Progress.format(wall), Progress.format(measured), wall.isZero() ? 0 : 100.0 * measured.toNanos() / wall.toNanos()));
        return new Outcome(tally.written, tally.flagged, wall, measured);
    }

    /** Where a server run hands each point as it completes. */
    @FunctionalInterface
    interface PointSink {
        void accept(PointResult result) throws IOException;
    }

    /** Counts for the progress lines and the closing line. */
    private static final class Tally {
        int finished;
        int written;
        int flagged;
        long measuredNanos;

        Tally(int alreadyDone) {
            finished = alreadyDone;
        }

        void add(PointResult result) {
            written++;
            finished++;
            if (result.flagged()) {
                flagged++;
            }
            if (result.throughput() != null) {
                measuredNanos += (long) (result.throughput().windowSeconds() * 1e9);
            }
        }
    }

    private static void writeEnvironment(RunFolder folder, Environment environment) throws IOException {
        Path tmp = folder.environment().resolveSibling("environment.json.tmp");
        ResultsLog.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), environment.values());
        Files.move(tmp, folder.environment(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted");
        }
    }

    /** One server run: start, verify, warm up, measure each point, stop. */
    private final class ForkExecution {
        private final Fork run;
        private final RunFolder folder;
        private final Sweep sweep;
        private final InjectorProcess injector;
        private final Sampler sampler;
        private final Environment environment;
        private final PointSink sink;

        ForkExecution(Fork run, RunFolder folder, Sweep sweep, InjectorProcess injector, Sampler sampler, Environment environment,
                           PointSink sink) {
            this.sink = sink;
            this.run = run;
            this.folder = folder;
            this.sweep = sweep;
            this.injector = injector;
            this.sampler = sampler;
            this.environment = environment;
        }

        void execute() throws IOException, InterruptedException {
            Path serverDir = folder.serverRun(run.id());
            deleteRecursively(serverDir);
            Files.createDirectories(serverDir);
            ServerSpec spec = run.spec().withPort(ServerLauncher.freePorts(run.spec().bind(), run.spec().processes()));
            RunningServer server;
            try {
                server = launcher.start(spec, serverDir);
            } catch (ServerStartException e) {
                record(notMeasured(run.points(), Flag.Code.SERVER_DIED, "the server did not start: " + firstLine(e.getMessage()), serverDir));
                return;
            }
            try (server) {
                for (RunningServer.Instance instance : server.instances()) {
                    environment.addServer(instance.startInfo());
                }
                sampler.retarget(new Targets(server.pids(), injector.pid()));
                List<String> endpoints = run.points().stream().map(LoadPoint::endpoint).distinct().toList();
                int users = warmupUsers(run, sweep);
                PhaseCommand warmup = new PhaseCommand(run.id() + "-warmup", urls(server), endpoints, users,
                        sweep.warmup().toMillis(), sweep.requestTimeout().toMillis(),
                        serverDir.resolve("warmup").toString(), serverDir.resolve("warmup.json").toString(), false,
                        serverDir.resolve("warmup.log").toString());
                try {
                    injector.run(warmup, deadline(sweep.warmup()));
                } catch (InjectorHungException e) {
                    record(notMeasured(run.points(), Flag.Code.SERVER_HUNG, "not measured: the warm-up " + e.getMessage(), serverDir));
                    return;
                }
                if (!server.alive()) {
                    record(notMeasured(run.points(), Flag.Code.SERVER_DIED, "not measured: the server died during the warm-up", serverDir));
                    return;
                }
                for (int i = 0; i < run.points().size(); i++) {
                    checkInterrupted();
                    LoadPoint point = run.points().get(i);
                    PointResult result = measure(server, point, serverDir);
                    sink.accept(result);
                    Flag fatal = result.flags().stream()
                            .filter(f -> f.code() == Flag.Code.SERVER_DIED || f.code() == Flag.Code.SERVER_HUNG)
                            .findFirst().orElse(null);
                    if (fatal != null && i + 1 < run.points().size()) {
                        record(notMeasured(run.points().subList(i + 1, run.points().size()), fatal.code(),
                                "not measured: the server " + (fatal.code() == Flag.Code.SERVER_DIED ? "died" : "hung") + " during " + point.id(),
                                serverDir));
                        break;
                    }
                }
            } finally {
                sampler.retarget(new Targets(List.of(), injector.alive() ? injector.pid() : null));
            }
        }

        private PointResult measure(RunningServer server, LoadPoint point, Path serverDir) throws IOException, InterruptedException {
            Path pointDir = folder.point(point.id());
            deleteRecursively(pointDir);
            Files.createDirectories(pointDir);
            Instant start = Instant.now();
            long serverBefore = countOrMinusOne(server, point.endpoint());
            PhaseCommand command = new PhaseCommand(point.id(), urls(server), List.of(point.endpoint()), point.concurrency(),
                    sweep.duration().toMillis(), sweep.requestTimeout().toMillis(),
                    pointDir.resolve("gatling").toString(), pointDir.resolve("phase.json").toString(), true,
                    pointDir.resolve("gatling.log").toString());
            PhaseResult phase;
            try {
                phase = injector.run(command, deadline(sweep.duration()));
            } catch (InjectorHungException e) {
                boolean died = !server.alive();
                return notMeasured(List.of(point), died ? Flag.Code.SERVER_DIED : Flag.Code.SERVER_HUNG,
                        died ? "the server died during the point" : "the point passed its deadline: " + e.getMessage(), serverDir).getFirst();
            }
            boolean died = !server.alive();
            long serverAfter = died ? -1 : countOrMinusOne(server, point.endpoint());
            Instant end = Instant.now();

            Throughput throughput = new Throughput(phase.requests(), phase.ok(), phase.ko(), phase.errors(),
                    phase.windowSeconds(), phase.windowSeconds() > 0 ? phase.requests() / phase.windowSeconds() : 0);
            List<org.jvmbench.harness.sampling.Sample> samples = sampler.snapshot();
            WindowUsage usage = WindowUsage.of(samples, phase.windowStartEpochMs(), phase.windowEndEpochMs());
            SamplesCsv.write(pointDir.resolve("samples.csv"), samples, phase.windowStartEpochMs() - 2000, phase.windowEndEpochMs() + 2000);
            Reconciliation counts = serverBefore < 0 || serverAfter < 0 ? null
                    : new Reconciliation(phase.requests(), serverAfter - serverBefore);
            List<Double> rps = phase.perSecond().stream().map(Long::doubleValue).toList();
            String hung = hungReason(phase, sweep.requestTimeout());
            if (phase.error() != null) {
                hung = hung == null ? "the load run failed: " + phase.error() : hung;
            }
            List<Flag> flags = FlagRules.evaluate(throughput, usage.resources(), counts, died || !usage.goneServerPids().isEmpty(), hung);

            Map<String, String> files = new HashMap<>();
            if (phase.reportDir() != null) {
                files.put("gatlingReport", folder.relative(Path.of(phase.reportDir()).resolve("index.html")));
            }
            files.put("samples", folder.relative(pointDir.resolve("samples.csv")));
            files.put("gatlingLog", folder.relative(pointDir.resolve("gatling.log")));
            files.put("serverLog", folder.relative(server.instances().getFirst().log()));
            return new PointResult(PointResult.SCHEMA_VERSION, point.id(), point.key(), point.repetition(), start, end,
                    throughput, phase.histogramMicros() == null ? null : Latencies.summarize(Histograms.decode(phase.histogramMicros())),
                    usage.resources(), counts, flags, usage.series(rps), phase.histogramMicros(), files);
        }

        private void record(List<PointResult> results) throws IOException {
            for (PointResult result : results) {
                sink.accept(result);
            }
        }

        private Duration deadline(Duration load) {
            return load.plus(sweep.requestTimeout()).plus(DEADLINE_SLACK);
        }

        private List<PointResult> notMeasured(List<LoadPoint> points, Flag.Code code, String reason, Path serverDir) {
            List<PointResult> results = new ArrayList<>();
            Instant now = Instant.now();
            for (LoadPoint point : points) {
                Map<String, String> files = new HashMap<>();
                Path log = serverDir.resolve(run.spec().processes() == 1 ? "server.log" : "server-0.log");
                if (Files.exists(log)) {
                    files.put("serverLog", folder.relative(log));
                }
                results.add(new PointResult(PointResult.SCHEMA_VERSION, point.id(), point.key(), point.repetition(), now, now,
                        new Throughput(0, 0, 0, Map.of(), 0, 0), null, null, null, List.of(new Flag(code, reason)), null, null, files));
            }
            return results;
        }
    }

    /**
     * The warm-up runs at the run's highest concurrency, so every point starts on a server
     * that has seen its heaviest load. In starvation mode that load is the one expected to
     * deadlock the pool for good, and a server hung by its warm-up leaves no point to
     * measure: there it warms up at the lowest concurrency instead.
     */
    static int warmupUsers(Fork run, Sweep sweep) {
        var concurrency = run.points().stream().mapToInt(LoadPoint::concurrency);
        return (sweep.starvation() ? concurrency.min() : concurrency.max()).orElse(1);
    }

    /**
     * No progress: no request answered in the whole point, or no response at all for
     * {@link #stallSeconds} whole seconds in a row (a stall the mean would hide). A shorter
     * pause, a GC or a cold start on a busy machine, is latency and shows in the maximum.
     */
    static String hungReason(PhaseResult phase, Duration requestTimeout) {
        boolean onlyTimeouts = phase.errors().keySet().stream().allMatch(kind -> kind.equals("timeout") || kind.equals("no_response"));
        if (phase.requests() > 0 && phase.ok() == 0 && onlyTimeouts) {
            return "no request was answered within the request timeout (" + phase.ko() + " timed out)";
        }
        if (phase.requests() == 0) {
            return "no request completed";
        }
        List<Long> perSecond = phase.perSecond();
        int longest = 0;
        int current = 0;
        int startOfLongest = 0;
        // the last entry is a partial second
        for (int i = 0; i < perSecond.size() - 1; i++) {
            if (perSecond.get(i) == 0) {
                current++;
                if (current > longest) {
                    longest = current;
                    startOfLongest = i - current + 1;
                }
            } else {
                current = 0;
            }
        }
        if (longest >= stallSeconds(requestTimeout)) {
            return "no response completed for " + longest + " s (from second " + startOfLongest + ")";
        }
        return null;
    }

    /** Half the request timeout, at least 2 s: a stall that long has requests timing out behind it. */
    static int stallSeconds(Duration requestTimeout) {
        return (int) Math.max(2, (requestTimeout.toMillis() + 1999) / 2000);
    }

    private static List<String> urls(RunningServer server) {
        return server.urls().stream().map(Object::toString).toList();
    }

    private static long countOrMinusOne(RunningServer server, String endpoint) throws InterruptedException {
        try {
            return server.requestsFor(endpoint, Duration.ofSeconds(5));
        } catch (IOException e) {
            return -1;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
