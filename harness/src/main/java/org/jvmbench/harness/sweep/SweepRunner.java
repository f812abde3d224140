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
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.load.InjectorProcess;
import org.jvmbench.harness.placement.Placement;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Sweep;
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
 * machine is calibrated again at the end so drift shows as a number.
 */
public final class SweepRunner {

    /** What a sweep ended with. */
    public record Outcome(int pointsWritten, int flagged, Duration wall, Duration measured) {
    }

    private final ProjectHome home;
    private final Placement placement;
    private final PrintWriter out;

    public SweepRunner(ProjectHome home, ServerLauncher launcher, ProcReader proc, PrintWriter out) {
        this(home, Placement.local(launcher, proc), out);
    }

    /** @param placement where servers and injectors run: this machine, or hosts over SSH */
    public SweepRunner(ProjectHome home, Placement placement, PrintWriter out) {
        this.home = home;
        this.placement = placement;
        this.out = out;
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
                todo.runs().size(), tally.finished > 0 ? " (" + tally.finished + " already done)" : "", folder.root()));
        progress.say("ETA " + Progress.format(todo.estimate()) + "; servers on CPUs " + sweep.cpus().server()
                + ", injector on CPUs " + sweep.cpus().injector());

        Environment environment = environment(folder, sweep, progress);
        placement.recordIn(environment);
        Calibration.Figure calibration = placement.calibrate(home, sweep, folder.root());
        environment.addCalibration("start", calibration);
        progress.say("calibration on " + calibration.place() + ": " + calibration.describe());
        writeEnvironment(folder, environment);

        Injector injector = null;
        try (Sampler sampler = new Sampler(placement.proc(), Targets.servers(List.of()), Defaults.SAMPLE_PERIOD)) {
            sampler.start();
            InjectorCeilings ceilings = InjectorCeilings.none();
            if (!todo.isEmpty()) {
                injector = placement.startInjector(home, sweep, folder);
                ceilings = placement.probesInjectorCeiling() ? CeilingProbe.measure(todo, home, injector, folder, progress) : ceilings;
                environment.addInjectorCeilings(ceilings.rpsByLoad());
                writeEnvironment(folder, environment);
            }
            ForkExecution.PointSink sink = result -> {
                results.append(result);
                done.add(result.id());
                tally.add(result);
                progress.point(tally.finished, plan.pointCount(), result, plan.remaining(done).estimate());
            };
            RoundOrder order = sweep.inRounds() ? new RoundOrder(sweep.paired().seed()) : null;
            for (List<Fork> block : blocks(todo)) {
                checkInterrupted();
                if (injector == null || !injector.alive()) {
                    injector = placement.startInjector(home, sweep, folder);
                }
                ForkExecution.Context context = new ForkExecution.Context(folder, placement.placed(sweep), placement.launcher(), injector,
                        sampler, placement.proc(),
                        environment, progress, calibration.opsPerSecond(), ceilings);
                if (sweep.inRounds()) {
                    new PairedExecution(block, context, order, sink).execute();
                } else {
                    new ForkExecution(block.getFirst(), context, sink).execute();
                }
                writeEnvironment(folder, environment);
            }
        } finally {
            if (injector != null) {
                injector.close();
            }
        }
        Calibration.Figure end = placement.calibrate(home, sweep, folder.root());
        environment.addCalibration("end", end);
        progress.say("calibration at the end: " + end.describe() + " (" + end.changeFrom(calibration) + " against the start)");
        writeEnvironment(folder, environment);

        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Duration measured = Duration.ofNanos(tally.measuredNanos);
        progress.say(String.format("done: %d points (%d flagged) in %s; measured %s of it (%.0f %%)", tally.written, tally.flagged,
                Progress.format(wall), Progress.format(measured), wall.isZero() ? 0 : 100.0 * measured.toNanos() / wall.toNanos()));
        return new Outcome(tally.written, tally.flagged, wall, measured);
    }

    /**
     * What runs at once: in the sequential design each fork alone; in the paired design the forks
     * of one repetition together (the plan orders them repetition-major, configurations in file order).
     */
    static List<List<Fork>> blocks(Plan plan) {
        if (!plan.sweep().inRounds()) {
            return plan.runs().stream().map(List::of).toList();
        }
        java.util.Map<Integer, List<Fork>> byRepetition = new java.util.TreeMap<>();
        for (Fork fork : plan.runs()) {
            byRepetition.computeIfAbsent(fork.repetition(), r -> new java.util.ArrayList<>()).add(fork);
        }
        return List.copyOf(byRepetition.values());
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
