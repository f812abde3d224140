package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.load.InjectorProcess;
import org.jvmbench.harness.placement.Placement;
import org.jvmbench.harness.report.TimeSpentText;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.Timings;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.sampling.Sampler;
import org.jvmbench.harness.sampling.Targets;
import org.jvmbench.harness.server.ServerLauncher;

/**
 * Runs a plan: the machine calibrated on the server's CPUs (on the server's host, when there is
 * one), one injector JVM for the whole sweep (so its JIT stays warm), then every fork ({@link ForkExecution}) while {@code /proc}
 * is sampled; each completed point is appended to {@code results.jsonl} at once, and the
 * machine is calibrated again at the end so drift shows as a number. The injector's ceilings
 * come from this machine's cache when its spot check allows ({@link CeilingProbe.Reuse}), and
 * what the sweep timed is learned there for the next ETA.
 */
public final class SweepRunner {

    /** What a sweep ended with. */
    public record Outcome(int pointsWritten, int flagged, Duration wall, Duration measured) {
    }

    private final ProjectHome home;
    private final Placement placement;
    private final PrintWriter out;
    private final Path cacheDir;

    public SweepRunner(ProjectHome home, ServerLauncher launcher, ProcReader proc, PrintWriter out) {
        this(home, Placement.local(launcher, proc), out, MachineCache.defaultDir());
    }

    /**
     * @param placement where servers and injectors run: this machine, or hosts over SSH
     * @param cacheDir  where this machine's cache is kept ({@link MachineCache#defaultDir()})
     */
    public SweepRunner(ProjectHome home, Placement placement, PrintWriter out, Path cacheDir) {
        this.home = home;
        this.placement = placement;
        this.out = out;
        this.cacheDir = cacheDir;
    }

    /**
     * Runs what of {@code plan} is not yet in {@code folder}'s results. Interruption stops
     * every process and rethrows; completed points stay written.
     */
    public Outcome run(Plan plan, RunFolder folder) throws IOException, InterruptedException {
        long started = System.nanoTime();
        ResultsLog results = new ResultsLog(folder);
        results.repair();
        Set<String> done = new LinkedHashSet<>(results.completedIds());
        Plan todo = plan.remaining(done);
        Sweep sweep = plan.sweep();
        Progress progress = new Progress(out, folder.progressLog());
        Tally tally = new Tally(plan.pointCount() - todo.pointCount());
        progress.say(String.format("sweep %s: %d points in %d forks%s; results in %s", sweep.name(), todo.pointCount(),
                todo.forks().size(), tally.finished > 0 ? " (" + tally.finished + " already done)" : "", folder.root()));
        Environment environment = environment(folder, sweep, progress);
        placement.recordIn(environment);
        MachineCache cache = MachineCache.open(cacheDir, MachineCache.Key.of(environment));
        boolean probes = placement.probesInjectorCeiling() && !CeilingProbe.loads(todo).isEmpty();
        // the same ETA ./bench sweeps prints: the probe counted only where it runs and nothing is cached
        Timings timings = Eta.timings(todo, cache);
        Duration eta = Eta.of(todo, cache);
        progress.say("ETA " + Progress.format(eta) + (cache.seconds().isEmpty() ? " (nothing measured on this machine yet)"
                : " (from what this machine measured before)") + "; servers on CPUs " + sweep.cpus().server()
                + ", injector on CPUs " + sweep.cpus().injector());

        TimeSpent spent = new TimeSpent();
        Calibration.Figure calibration = spent.time(TimeSpent.Part.CALIBRATING, LearnedTimings.CALIBRATION,
                () -> placement.calibrate(home, sweep, folder.root()));
        environment.addCalibration("start", calibration);
        progress.say("calibration on " + calibration.place() + ": " + calibration.describe());
        writeEnvironment(folder, environment);

        Injector injector = null;
        try (Sampler sampler = new Sampler(placement.proc(), Targets.servers(List.of()), Defaults.SAMPLE_PERIOD)) {
            sampler.start();
            InjectorCeilings ceilings = InjectorCeilings.none();
            if (!todo.isEmpty()) {
                injector = placement.startInjector(home, sweep, folder);
                if (probes) {
                    ceilings = ceilings(todo, cache, calibration, injector, folder, environment, progress, spent);
                }
                writeEnvironment(folder, environment);
            }
            ForkExecution.PointSink sink = result -> {
                results.append(result);
                done.add(result.id());
                tally.add(result);
                progress.point(tally.finished, plan.pointCount(), result,
                        plan.remaining(done).estimate(timings.withoutCeilingProbe(), 0).minus(timings.calibration()));
            };
            RoundOrder order = sweep.inRounds() ? new RoundOrder(sweep.paired().seed()) : null;
            for (List<Fork> execution : executions(todo)) {
                checkInterrupted();
                if (injector == null || !injector.alive()) {
                    injector = placement.startInjector(home, sweep, folder);
                }
                ForkExecution.Context context = new ForkExecution.Context(folder, placement.placed(sweep), placement.launcher(), injector,
                        sampler, placement.proc(),
                        environment, progress, calibration.opsPerSecond(), ceilings, spent);
                if (sweep.inRounds()) {
                    new PairedExecution(execution, context, order, sink).execute();
                } else {
                    new ForkExecution(execution.getFirst(), context, sink).execute();
                }
                writeEnvironment(folder, environment);
            }
        } finally {
            if (injector != null) {
                injector.close();
            }
        }
        Calibration.Figure end = spent.time(TimeSpent.Part.CALIBRATING, LearnedTimings.CALIBRATION,
                () -> placement.calibrate(home, sweep, folder.root()));
        environment.addCalibration("end", end);
        progress.say("calibration at the end: " + end.describe() + " (" + end.changeFrom(calibration) + " against the start)");

        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Duration measured = Duration.ofNanos(tally.measuredNanos);
        Map<String, Double> seconds = spent.seconds(wall, measured, eta);
        environment.addTimeSpent(seconds);
        writeEnvironment(folder, environment);
        LearnedTimings.learn(cache, spent);
        keep(cache, progress);
        progress.say(String.format("done: %d points (%d flagged) in %s; measured %s of it (%.0f %%)", tally.written, tally.flagged,
                Progress.format(wall), Progress.format(measured), wall.isZero() ? 0 : 100.0 * measured.toNanos() / wall.toNanos()));
        progress.say("time spent: " + TimeSpentText.of(seconds));
        return new Outcome(tally.written, tally.flagged, wall, measured);
    }

    /**
     * The injector's ceilings at the sweep's loads: the cached ones when the spot check allows,
     * else measured now and kept in the cache with the calibration beside them.
     */
    private InjectorCeilings ceilings(Plan todo, MachineCache cache, Calibration.Figure calibration, Injector injector,
                                      RunFolder folder, Environment environment, Progress progress, TimeSpent spent)
            throws IOException, InterruptedException {
        CeilingProbe.Reuse reuse = CeilingProbe.Reuse.decide(CeilingProbe.loads(todo), cache.ceilings().orElse(null),
                calibration.opsPerSecond());
        InjectorCeilings ceilings;
        if (reuse.reused()) {
            ceilings = reuse.ceilings();
            ceilings.rpsByLoad().forEach((load, rps) -> progress.say(String.format(java.util.Locale.ROOT,
                    "injector ceiling on %s: %.0f rps", load, rps)));
            progress.say("injector ceilings " + reuse.why());
            environment.addInjectorCeilingSource(reuse.why());
        } else {
            progress.say("injector ceilings: measuring (" + reuse.why() + ")");
            ceilings = CeilingProbe.measure(todo, home, injector, folder, progress, spent);
            cache.putCeilings(new MachineCache.Ceilings(java.time.Instant.now(), calibration.opsPerSecond(), ceilings.rpsByLoad()));
            keep(cache, progress);
            environment.addInjectorCeilingSource("measured at the start of this sweep (" + reuse.why() + ")");
        }
        environment.addInjectorCeilings(ceilings.rpsByLoad());
        return ceilings;
    }

    /**
     * Writes the machine cache; one that cannot be written (a read-only or full home) costs the
     * next sweep a probe and a guessed ETA, not this sweep its results: said, not thrown.
     */
    private static void keep(MachineCache cache, Progress progress) {
        try {
            cache.save();
        } catch (IOException e) {
            progress.say("warning: the machine cache " + cache.file() + " was not written (" + e.getMessage()
                    + "): the next sweep measures the injector's ceiling again");
        }
    }

    /**
     * What one execution measures: in the sequential design a fork alone; in the paired design the
     * forks of one repetition, kept alive in blocks ({@link Plan#blocks}) and measured in rounds.
     */
    static List<List<Fork>> executions(Plan plan) {
        return plan.sweep().inRounds() ? plan.repetitions() : plan.forks().stream().map(List::of).toList();
    }

    /** The environment of this run; on resume the one the sweep started in, with what changed. */
    private Environment environment(RunFolder folder, Sweep sweep, Progress progress) throws IOException {
        Environment captured = Environment.capture(home.root(), sweep.cpus().server().toString(), sweep.cpus().injector().toString(),
                home.injectorClasspath());
        captured.addInjector(InjectorProcess.jvmOptions(sweep.injectorHeap().toString()));
        if (!Files.exists(folder.environment())) {
            return captured;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> original = Json.MAPPER.readValue(folder.environment().toFile(), Map.class);
        Environment resumed = captured.resuming(original);
        if (!resumed.changedOnResume().isEmpty()) {
            progress.say("warning: resuming with a different " + String.join(", ", resumed.changedOnResume())
                    + " than the sweep started with; environment.json records both");
        }
        return resumed;
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
        Path tmp = folder.environment().resolveSibling(RunFolder.ENVIRONMENT + ".tmp");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), environment.values());
        Files.move(tmp, folder.environment(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted");
        }
    }
}
