package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.sampling.ProcessReading;
import org.jvmbench.harness.sampling.Targets;
import org.jvmbench.harness.server.RunningServer;

/**
 * The paired design's repetition: the forks of one repetition, one per configuration, started
 * together and kept alive; when they need more server JVMs than {@code paired.maxAlive}, in
 * blocks ({@link Plan#blocks}) that each keep the baseline's fork alive beside the next forks,
 * whose JVMs stop at the block's end. In each block, endpoint by endpoint every arm is warmed
 * until settled (the baseline again in every block), then each
 * load level is measured in rounds: in every round each arm gets one slice of the same load,
 * in an order drawn afresh from the sweep's seeded generator, with nothing loaded between
 * slices. Arms waiting their turn are parked on the same server CPUs, and the CPU they use
 * meanwhile is recorded with the slice ({@link Flag.Code#PARKED_BUSY} above a stated share).
 * Each arm's point is the exact merge of its slices ({@link PairedMerge}), with the slices kept
 * for the round-by-round comparison; rounds are numbered across blocks, so the baseline's slices
 * of a block pair with that block's arms. An arm that dies or hangs leaves the rounds; the others go on.
 */
final class PairedExecution {

    private final List<Fork> repetition;
    private final ForkExecution.Context context;
    private final RoundOrder order;
    private final ForkExecution.PointSink sink;
    /** The baseline's arm, alive from block to block; null until started, or when it did not start. */
    private Arm baseline;

    /**
     * @param repetition the forks of one repetition, baseline first
     * @param order      the generator every round's order is drawn from (seeded by the sweep)
     */
    PairedExecution(List<Fork> repetition, ForkExecution.Context context, RoundOrder order, ForkExecution.PointSink sink) {
        this.repetition = List.copyOf(repetition);
        this.context = context;
        this.order = order;
        this.sink = sink;
    }

    /** One kept-alive fork and what measures it. */
    private static final class Arm {
        final Fork fork;
        final RunningServer server;
        final RunFolder.ForkFiles files;
        final Startup startup;
        final PointMeasurement measurement;
        final WarmUpLoop warmUp;
        final List<LoadPoint> left;
        /** Per point, the slices measured so far (the baseline's over every block) and their results. */
        final Map<LoadPoint, List<PointResult>> results = new LinkedHashMap<>();
        final Map<LoadPoint, List<Slice>> slices = new LinkedHashMap<>();
        WarmUpLoop.Outcome warm;
        boolean gone;

        Arm(Fork fork, RunningServer server, RunFolder.ForkFiles files, Startup startup, PointMeasurement measurement,
            WarmUpLoop warmUp) {
            this.fork = fork;
            this.server = server;
            this.files = files;
            this.startup = startup;
            this.measurement = measurement;
            this.warmUp = warmUp;
            this.left = new ArrayList<>(fork.points());
        }

        LoadPoint point(String endpoint, int users) {
            return left.stream().filter(p -> p.endpoint().equals(endpoint) && p.connections() == users).findFirst().orElse(null);
        }
    }

    void execute() throws IOException, InterruptedException {
        Sweep sweep = context.sweep();
        Sweep slices = sweep.withOverrides(new Overrides(sweep.paired().slice(), null, null));
        List<List<Fork>> blocks = Plan.blocks(repetition, sweep.paired().maxAlive());
        List<Arm> alive = new ArrayList<>();
        try {
            for (int b = 0; b < blocks.size(); b++) {
                List<Fork> block = blocks.get(b);
                if (blocks.size() > 1) {
                    context.progress().say(String.format("  block %d of %d (at most %d server JVMs alive): %s", b + 1, blocks.size(),
                            sweep.paired().maxAlive(), String.join(", ", block.stream().map(Fork::id).toList())));
                }
                List<Arm> arms = new ArrayList<>();
                for (Fork fork : startOrder(block)) {
                    checkInterrupted();
                    if (baseline != null && fork == baseline.fork) {
                        arms.add(baseline);
                        continue;
                    }
                    Arm arm = start(fork, slices);
                    if (arm != null) {
                        arms.add(arm);
                        alive.add(arm);
                        if (fork == repetition.getFirst()) {
                            baseline = arm;
                        }
                    }
                }
                boolean last = b == blocks.size() - 1;
                for (Map.Entry<String, TreeSet<Integer>> endpoint : levels(block).entrySet()) {
                    for (Arm arm : arms) {
                        if (!arm.gone && arm.left.stream().anyMatch(p -> p.endpoint().equals(endpoint.getKey()))) {
                            warm(arm, endpoint.getKey());
                        }
                    }
                    for (int users : endpoint.getValue()) {
                        measure(arms, endpoint.getKey(), users, b * sweep.paired().rounds(), blocks.size() * sweep.paired().rounds(),
                                last);
                    }
                }
                for (Arm arm : arms) {
                    if (arm != baseline || last) {
                        arm.server.close();
                        alive.remove(arm);
                    }
                }
            }
        } finally {
            for (Arm arm : alive) {
                arm.server.close();
            }
            context.sampler().retarget(new Targets(List.of(), context.injector().alive() ? context.injector().localPid() : null));
        }
    }

    /** Starts a fork's JVMs; a fork that does not start records its points as not measured and is left out. */
    /**
     * The order the arms of a block start in, and so are warmed in: the sweep's order in odd
     * repetitions, reversed in even ones. The arm warmed last waits least before the rounds begin;
     * three A/A runs here found the second arm ahead in 8 of 9 fork pairs (by 4 % over a whole run),
     * so the order is counterbalanced across repetitions rather than always favouring the same one.
     */
    static List<Fork> startOrder(List<Fork> block) {
        return block.isEmpty() || block.getFirst().repetition() % 2 == 1 ? block : block.reversed();
    }

    private Arm start(Fork fork, Sweep slices) throws IOException, InterruptedException {
        RunFolder.ForkFiles files = context.folder().fork(fork.id()).reset();
        RunningServer server = ForkExecution.start(fork, files, context, sink);
        if (server == null) {
            return null;
        }
        Startup startup = ForkExecution.startup(server, context.proc());
        context.progress().startup(fork, startup);
        server.recordIn(context.environment(), fork.configurationId());
        PointMeasurement measurement = new PointMeasurement(context.injector(), server, context.sampler(), context.folder(),
                slices, Defaults.DEADLINE_SLACK, context.calibration(), PointProfiling.of(null, context.folder()), false);
        WarmUpLoop warmUp = new WarmUpLoop(context.injector(), server, files, fork.id(), WarmUpLoop.Settings.of(context.sweep()));
        return new Arm(fork, server, files, startup, measurement, warmUp);
    }

    private void warm(Arm arm, String endpoint) throws IOException, InterruptedException {
        checkInterrupted();
        context.sampler().retarget(new Targets(arm.server.pids(), context.injector().localPid()));
        List<LoadPoint> points = arm.left.stream().filter(p -> p.endpoint().equals(endpoint)).toList();
        WarmUpLoop.Outcome warm = context.spent().time(TimeSpent.Part.WARMING, LearnedTimings.warmUp(points.getFirst().key()),
                        () -> arm.warmUp.run(endpoint, ForkExecution.warmUpUsers(points, context.sweep().starvation())))
                .holding(() -> ForkExecution.resident(arm.server, context.proc()));
        context.progress().warmUp(arm.fork, endpoint, warm);
        arm.warm = warm;
        if (warm.failure() != null) {
            give(arm, warm.died() ? Flag.Code.SERVER_DIED : Flag.Code.SERVER_HUNG, "not measured: " + warm.failure());
        }
    }

    /**
     * One load level of one endpoint in one block: every round, every arm of the block that has
     * this point, one slice each. Rounds are numbered from {@code roundsBefore + 1}; an arm's point is
     * written when its last block is over (the baseline's after the {@code last} block).
     */
    private void measure(List<Arm> arms, String endpoint, int users, int roundsBefore, int total, boolean last)
            throws IOException, InterruptedException {
        Map<Arm, LoadPoint> points = new LinkedHashMap<>();
        for (Arm arm : arms) {
            LoadPoint point = arm.gone ? null : arm.point(endpoint, users);
            if (point != null) {
                points.put(arm, point);
            }
        }
        int rounds = context.sweep().paired().rounds();
        for (int round = roundsBefore + 1; round <= roundsBefore + rounds; round++) {
            List<Arm> turns = order.next(points.keySet().stream().filter(a -> !a.gone).toList());
            for (int i = 0; i < turns.size(); i++) {
                checkInterrupted();
                Arm arm = turns.get(i);
                List<Arm> parked = arms.stream().filter(a -> a != arm && !a.gone).toList();
                context.sampler().retarget(new Targets(arm.server.pids(), context.injector().localPid()));
                Map<Long, Long> before = cpuNanos(arms);
                long started = System.nanoTime();
                PointResult result = arm.measurement.measure(points.get(arm), arm.warm.record(), arm.startup,
                        context.ceilings().rps(points.get(arm)), null);
                long wallNanos = System.nanoTime() - started;
                Map<Long, Long> after = cpuNanos(arms);
                Slice slice = PairedMerge.slice(result, round, i + 1, cores(arm.server.pids(), before, after, wallNanos),
                        cores(parked.stream().flatMap(a -> a.server.pids().stream()).toList(), before, after, wallNanos),
                        cpuCount());
                arm.results.computeIfAbsent(points.get(arm), p -> new ArrayList<>()).add(result);
                arm.slices.computeIfAbsent(points.get(arm), p -> new ArrayList<>()).add(slice);
                context.progress().say(String.format("  %s round %d/%d, turn %d of %d: %,.0f rps%s", points.get(arm).id(), round,
                        total, i + 1, turns.size(), slice.rps(), slice.flags().isEmpty() ? ""
                                : " (" + String.join(", ", slice.flags().stream().map(f -> f.code().name()).toList()) + ")"));
                Flag fatal = result.flags().stream()
                        .filter(f -> f.code() == Flag.Code.SERVER_DIED || f.code() == Flag.Code.SERVER_HUNG).findFirst().orElse(null);
                if (fatal != null) {
                    arm.gone = true;
                }
            }
        }
        for (Map.Entry<Arm, LoadPoint> entry : points.entrySet()) {
            Arm arm = entry.getKey();
            if (arm == baseline && !last && !arm.gone) {
                continue;
            }
            PointResult merged = finish(arm, entry.getValue());
            if (arm.gone) {
                Flag fatal = merged.flags().stream()
                        .filter(f -> f.code() == Flag.Code.SERVER_DIED || f.code() == Flag.Code.SERVER_HUNG).findFirst()
                        .orElse(new Flag(Flag.Code.SERVER_HUNG, "the server hung"));
                give(arm, fatal.code(), "not measured: the server " + (fatal.code() == Flag.Code.SERVER_DIED ? "died" : "hung")
                        + " during " + entry.getValue().id());
            }
        }
    }

    /** Writes an arm's point as the merge of its slices, and takes it off the arm's list. */
    private PointResult finish(Arm arm, LoadPoint point) throws IOException {
        List<PointResult> results = arm.results.remove(point);
        List<Slice> slices = arm.slices.remove(point);
        PointResult merged = PairedMerge.point(point, results == null ? List.of() : results, slices == null ? List.of() : slices);
        sink.accept(merged);
        arm.left.remove(point);
        return merged;
    }

    /**
     * Records every point an arm has left, as the merge of the slices an earlier block measured
     * (the baseline's) or else as not measured, and stops its JVMs.
     */
    private void give(Arm arm, Flag.Code code, String reason) throws IOException {
        for (LoadPoint rest : List.copyOf(arm.left)) {
            if (arm.results.containsKey(rest)) {
                finish(arm, rest);
            } else {
                sink.accept(arm.measurement.notMeasured(rest, code, reason, arm.warm == null ? null : arm.warm.record(), arm.startup));
            }
        }
        arm.left.clear();
        arm.gone = true;
        arm.server.close();
    }

    /** Per endpoint in the order the forks list them, the closed load levels (users) any fork has, rising. */
    static Map<String, TreeSet<Integer>> levels(List<Fork> block) {
        Map<String, TreeSet<Integer>> levels = new LinkedHashMap<>();
        for (Fork fork : block) {
            for (LoadPoint p : fork.points()) {
                levels.computeIfAbsent(p.endpoint(), e -> new TreeSet<>()).add(p.connections());
            }
        }
        return levels;
    }

    private Map<Long, Long> cpuNanos(List<Arm> arms) {
        Map<Long, Long> nanos = new LinkedHashMap<>();
        for (Arm arm : arms) {
            if (arm.gone) {
                continue;
            }
            for (long pid : arm.server.pids()) {
                context.proc().process(pid).map(ProcessReading::cpuNanos).ifPresent(n -> nanos.put(pid, n));
            }
        }
        return nanos;
    }

    /** Cores the processes used between two readings: CPU time over wall time. */
    static double cores(List<Long> pids, Map<Long, Long> before, Map<Long, Long> after, long wallNanos) {
        long used = 0;
        for (long pid : pids) {
            Long b = before.get(pid);
            Long a = after.get(pid);
            if (a != null && b != null) {
                used += a - b;
            }
        }
        return wallNanos > 0 ? (double) used / wallNanos : 0;
    }

    private int cpuCount() {
        return context.sweep().cpus().server() == null ? Runtime.getRuntime().availableProcessors()
                : context.sweep().cpus().server().size();
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted");
        }
    }
}
