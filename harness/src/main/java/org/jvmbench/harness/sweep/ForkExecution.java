package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.sampling.ProcReader;
import org.jvmbench.harness.sampling.ProcessReading;
import org.jvmbench.harness.sampling.Sampler;
import org.jvmbench.harness.sampling.Targets;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.server.ServerStartException;

/**
 * One fork: a server configuration started on fresh JVMs and checked, then, endpoint by
 * endpoint, a warm-up at that endpoint's load until the server settles (for open points also
 * the capacity probe and an open slice, {@link OpenWarmUp}) and the endpoint's points in rising
 * load, then stop. A server that dies or hangs ends the fork: its remaining
 * points are recorded as not measured, so a resumed sweep does not run them again.
 */
final class ForkExecution {

    /** Where a fork hands each point the moment it completes. */
    @FunctionalInterface
    interface PointSink {
        void accept(PointResult result) throws IOException;
    }

    /** Everything a fork needs from the sweep around it; {@code spent} times its starts and warm-ups. */
    record Context(RunFolder folder, Sweep sweep, ServerLauncher launcher, Injector injector, Sampler sampler,
                   ProcReader proc, Environment environment, Progress progress, Double calibration, InjectorCeilings ceilings,
                   TimeSpent spent) {
    }

    private final Fork fork;
    private final Context context;
    private final PointSink sink;

    ForkExecution(Fork fork, Context context, PointSink sink) {
        this.fork = fork;
        this.context = context;
        this.sink = sink;
    }

    void execute() throws IOException, InterruptedException {
        Sweep sweep = context.sweep();
        RunFolder.ForkFiles files = context.folder().fork(fork.id()).reset();
        RunningServer server = start(fork, files, context, sink);
        if (server == null) {
            return;
        }
        try (server) {
            Startup startup = startup(server, context.proc());
            context.progress().startup(fork, startup);
            server.recordIn(context.environment(), fork.configurationId());
            context.sampler().retarget(new Targets(server.pids(), context.injector().localPid()));
            PointMeasurement measurement = new PointMeasurement(context.injector(), server, context.sampler(), context.folder(),
                    sweep, Defaults.DEADLINE_SLACK, context.calibration(), PointProfiling.of(sweep.profile(), context.folder()));
            WarmUpLoop warmUp = new WarmUpLoop(context.injector(), server, files, fork.id(), WarmUpLoop.Settings.of(sweep));
            OpenWarmUp openWarmUp = new OpenWarmUp(context.injector(), server, files, fork.id(), sweep.duration(),
                    Defaults.WARMUP_SLICE, sweep.requestTimeout(), Defaults.DEADLINE_SLACK);
            List<LoadPoint> left = new ArrayList<>(fork.points());
            for (Map.Entry<String, List<LoadPoint>> endpoint : byEndpoint(fork.points()).entrySet()) {
                checkInterrupted();
                List<LoadPoint> points = endpoint.getValue();
                WarmUpLoop.Outcome warm = context.spent().time(TimeSpent.Part.WARMING,
                                LearnedTimings.warmUp(points.getFirst().key()),
                                () -> warmUp.run(endpoint.getKey(), warmUpUsers(points, sweep.starvation())))
                        .holding(() -> resident(server, context.proc()));
                context.progress().warmUp(fork, endpoint.getKey(), warm);
                if (warm.failure() == null) {
                    WarmUpLoop.Outcome closed = warm;
                    warm = context.spent().time(TimeSpent.Part.WARMING, null, () -> openWarmUp.run(endpoint.getKey(), points, closed))
                            .holding(() -> resident(server, context.proc()));
                    context.progress().openWarmUp(fork, endpoint.getKey(), warm);
                }
                if (warm.failure() != null) {
                    for (LoadPoint point : left) {
                        sink.accept(measurement.notMeasured(point, warm.died() ? Flag.Code.SERVER_DIED : Flag.Code.SERVER_HUNG,
                                "not measured: " + warm.failure(), null, startup));
                    }
                    return;
                }
                for (LoadPoint point : points) {
                    checkInterrupted();
                    PointResult result = measurement.measure(point, warm.record(), startup, context.ceilings().rps(point), warm.capacity());
                    sink.accept(result);
                    left.remove(point);
                    Flag fatal = result.flags().stream()
                            .filter(f -> f.code() == Flag.Code.SERVER_DIED || f.code() == Flag.Code.SERVER_HUNG)
                            .findFirst().orElse(null);
                    if (fatal != null) {
                        for (LoadPoint rest : left) {
                            sink.accept(measurement.notMeasured(rest, fatal.code(), "not measured: the server "
                                    + (fatal.code() == Flag.Code.SERVER_DIED ? "died" : "hung") + " during " + point.id(), null, startup));
                        }
                        return;
                    }
                }
            }
        } finally {
            context.sampler().retarget(new Targets(List.of(), context.injector().alive() ? context.injector().localPid() : null));
        }
    }

    /**
     * Starts a fork's JVMs on free ports. A fork whose server does not start records each of its
     * points as not measured, with the first line of why, and yields null.
     */
    static RunningServer start(Fork fork, RunFolder.ForkFiles files, Context context, PointSink sink)
            throws IOException, InterruptedException {
        ServerSpec spec = fork.spec().withPort(ServerLauncher.freePorts(fork.spec().bind(), fork.spec().processes()));
        try {
            return context.spent().time(TimeSpent.Part.STARTING, LearnedTimings.FORK_START,
                    () -> context.launcher().start(ServerSetup.prepare(fork, spec, context), files));
        } catch (ServerStartException e) {
            for (LoadPoint point : fork.points()) {
                sink.accept(PointMeasurement.notMeasured(point, Flag.Code.SERVER_DIED, "the server did not start: "
                        + firstLine(e.getMessage()), null, null, context.folder(), files.serverLog(0, spec.processes()),
                        context.calibration()));
            }
            return null;
        }
    }

    /** Launch to first answer of every JVM, and their memory as soon as all answered. */
    static Startup startup(RunningServer server, ProcReader proc) {
        long slowest = 0;
        long sum = 0;
        for (RunningServer.Instance instance : server.instances()) {
            slowest = Math.max(slowest, instance.firstAnswerNanos());
            sum += instance.firstAnswerNanos();
        }
        return new Startup(server.instances().size(), slowest / 1e9, sum / 1e9, resident(server, proc));
    }

    /** The resident memory of all the server's JVMs now (0 for one whose {@code /proc} cannot be read). */
    static long resident(RunningServer server, ProcReader proc) {
        return server.instances().stream()
                .mapToLong(i -> proc.process(i.pid()).map(ProcessReading::rssBytes).orElse(0L)).sum();
    }

    /** The fork's points grouped by endpoint, in the order the sweep lists them; each group in rising load. */
    static Map<String, List<LoadPoint>> byEndpoint(List<LoadPoint> points) {
        Map<String, List<LoadPoint>> groups = new LinkedHashMap<>();
        for (LoadPoint p : points) {
            groups.computeIfAbsent(p.endpoint(), e -> new ArrayList<>()).add(p);
        }
        return groups;
    }

    /**
     * An endpoint is warmed at its heaviest point's load, so every point starts on a server
     * that has seen it. In starvation mode that load is the one expected to deadlock the pool
     * for good, and a server hung by its warm-up leaves nothing to measure: there it warms at
     * the lightest load instead.
     */
    static int warmUpUsers(List<LoadPoint> points, boolean starvation) {
        var concurrency = points.stream().mapToInt(LoadPoint::connections);
        return (starvation ? concurrency.min() : concurrency.max()).orElse(1);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted");
        }
    }
}
