package org.jvmbench.harness.plan;

import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.LoadLevel;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.KnobException;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.settings.OwnJar;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Tuning;

/**
 * What a sweep runs, in order: the resolved settings and one {@link Fork} per server
 * configuration and repetition, each with its points.
 */
public record Plan(Sweep sweep, List<Fork> forks) {

    public Plan {
        forks = List.copyOf(forks);
    }

    /** Expands every server entry into its configurations, and those into forks and points. */
    public static Plan of(Sweep sweep) {
        List<Configuration> configurations = configurations(sweep);
        List<Fork> forks = new ArrayList<>();
        // Repetition-major: r1 of every configuration, then r2 of every one, and so on. Slow
        // drift of a noisy machine (throttling, a neighbour waking up) then spreads over all
        // configurations instead of landing on whichever ran its repetitions back to back.
        for (int repetition = 1; repetition <= sweep.repeat(); repetition++) {
            for (Configuration c : configurations) {
                forks.add(new Fork(c.spec(), repetition, c.points(repetition), c.arm()));
            }
        }
        return new Plan(sweep, forks);
    }

    /**
     * The forks of each repetition, in the plan's order (configurations in file order, so the
     * baseline first): what the paired design keeps alive and measures in the same rounds.
     */
    public List<List<Fork>> repetitions() {
        java.util.Map<Integer, List<Fork>> byRepetition = new java.util.TreeMap<>();
        for (Fork fork : forks) {
            byRepetition.computeIfAbsent(fork.repetition(), r -> new ArrayList<>()).add(fork);
        }
        return List.copyOf(byRepetition.values());
    }

    /**
     * The paired design's blocks of one repetition: the forks alive at once, at most
     * {@code maxAlive} server JVMs each (null: no bound). A repetition that fits is one block;
     * otherwise every block holds the baseline (the first fork, whose JVMs stay alive from block
     * to block) and as many of the next forks, in order, as fit beside it, so each configuration
     * is measured in the same rounds as the baseline and the blocks chain into one table.
     */
    public static List<List<Fork>> blocks(List<Fork> repetition, Integer maxAlive) {
        if (repetition.isEmpty() || maxAlive == null || jvms(repetition) <= maxAlive) {
            return List.of(List.copyOf(repetition));
        }
        Fork baseline = repetition.getFirst();
        List<List<Fork>> blocks = new ArrayList<>();
        List<Fork> block = new ArrayList<>(List.of(baseline));
        for (Fork fork : repetition.subList(1, repetition.size())) {
            if (block.size() > 1 && jvms(block) + fork.spec().processes() > maxAlive) {
                blocks.add(List.copyOf(block));
                block = new ArrayList<>(List.of(baseline));
            }
            block.add(fork);
        }
        blocks.add(List.copyOf(block));
        return List.copyOf(blocks);
    }

    private static int jvms(List<Fork> forks) {
        return forks.stream().mapToInt(f -> f.spec().processes()).sum();
    }

    /**
     * For resume: the forks and points whose ids are not in {@code doneIds}, in the same order.
     * A fork left with no point drops out; a fork with some points done keeps the rest, and
     * still gets its warm-up since it starts on a fresh JVM.
     */
    public Plan remaining(Set<String> doneIds) {
        List<Fork> left = new ArrayList<>();
        for (Fork fork : forks) {
            List<LoadPoint> points = fork.points().stream().filter(p -> !doneIds.contains(p.id())).toList();
            if (!points.isEmpty()) {
                left.add(new Fork(fork.spec(), fork.repetition(), points, fork.arm()));
            }
        }
        return new Plan(sweep, left);
    }

    /** Every point, in the order they run. */
    public List<LoadPoint> points() {
        return forks.stream().flatMap(r -> r.points().stream()).toList();
    }

    public int pointCount() {
        return forks.stream().mapToInt(r -> r.points().size()).sum();
    }

    public boolean isEmpty() {
        return forks.isEmpty();
    }

    /**
     * Expected wall time, for the ETA: per fork its start and stop, the warm-up, and
     * per point the measured duration plus what surrounds it (injector start, report).
     *
     * @param perFork      fixed cost of starting and stopping one fork's JVMs, warm-up excluded
     * @param perPoint     fixed cost around each point, measured duration excluded
     */
    public Duration estimate(Duration perFork, Duration perPoint) {
        Duration total = Duration.ZERO;
        Duration point = sweep.duration().plus(perPoint);
        for (Fork fork : forks) {
            total = total.plus(perFork).plus(sweep.warmup()).plus(point.multipliedBy(fork.points().size()));
        }
        return total;
    }

    /**
     * Expected wall time on a machine that has measured nothing: {@link #estimate(Timings, int)}
     * with {@link Timings#DEFAULTS}, the injector's ceiling probed at each of {@code ceilingLoads} loads.
     */
    public Duration estimate(int ceilingLoads) {
        return estimate(Timings.DEFAULTS, ceilingLoads);
    }

    /**
     * Expected wall time, for the ETA and for {@code ./bench sweeps}: the calibration at the start
     * and at the end, the injector's ceiling probe when it runs ({@code ceilingLoads} loads), and
     * per fork its start and stop, a warm-up per endpoint (as {@code timings} says, but never more
     * than the cap), and per point its measured duration plus what surrounds it
     * ({@link Defaults#ESTIMATE_PER_POINT}). An endpoint with open points adds an open warm-up
     * slice ({@link Defaults#WARMUP_SLICE}), and one with shares of capacity its capacity probe (a
     * point's duration). A configuration with the AOT cache adds its training run once: the same
     * warm-ups on a JVM of its own and the cache's assembly ({@link Defaults#ESTIMATE_AOT_TRAINING}).
     * Warm-ups end when the server settles, so this is an estimate, not a promise.
     */
    public Duration estimate(Timings timings, int ceilingLoads) {
        Duration total = timings.calibration().multipliedBy(2);
        if (ceilingLoads > 0 && !timings.ceilingProbe().isZero()) {
            total = total.plus(timings.ceilingProbe()).plus(timings.ceilingPerLoad().multipliedBy(ceilingLoads));
        }
        // paired: a point is its arm's slices, one per round, instead of one window of the duration
        Duration point = sweep.inRounds()
                ? sweep.paired().slice().plus(Defaults.ESTIMATE_PER_SLICE).multipliedBy(sweep.paired().rounds())
                : sweep.duration().plus(Defaults.ESTIMATE_PER_POINT);
        Set<String> trained = new java.util.HashSet<>();
        for (Fork fork : forks) {
            Duration warmUps = warmUps(fork, timings);
            long open = fork.points().stream().filter(p -> p.key().open()).map(LoadPoint::endpoint).distinct().count();
            long probed = fork.points().stream().filter(p -> p.key().level().share() != null).map(LoadPoint::endpoint).distinct().count();
            total = total.plus(timings.perFork()).plus(warmUps)
                    .plus(Defaults.WARMUP_SLICE.multipliedBy(open)).plus(sweep.duration().multipliedBy(probed))
                    .plus(point.multipliedBy(fork.points().size()));
            if (fork.spec().aotCache() && trained.add(fork.configurationId())) {
                total = total.plus(Defaults.ESTIMATE_AOT_TRAINING).plus(warmUps);
            }
        }
        if (sweep.inRounds()) {
            // a repetition split into blocks warms and measures its baseline again in every block after the first
            for (List<Fork> repetition : repetitions()) {
                int again = blocks(repetition, sweep.paired().maxAlive()).size() - 1;
                Fork baseline = repetition.getFirst();
                total = total.plus(warmUps(baseline, timings).plus(point.multipliedBy(baseline.points().size())).multipliedBy(again));
            }
        }
        return total;
    }

    /** A fork's warm-ups, one per endpoint: what this machine took before, at most the sweep's cap. */
    private Duration warmUps(Fork fork, Timings timings) {
        Duration warmUps = Duration.ZERO;
        for (LoadPoint first : firstOfEachEndpoint(fork)) {
            Duration warmUp = timings.warmUp(first.key());
            warmUps = warmUps.plus(sweep.warmup().compareTo(warmUp) < 0 ? sweep.warmup() : warmUp);
        }
        return warmUps;
    }

    private static List<LoadPoint> firstOfEachEndpoint(Fork fork) {
        java.util.Map<String, LoadPoint> first = new java.util.LinkedHashMap<>();
        fork.points().forEach(p -> first.putIfAbsent(p.endpoint(), p));
        return List.copyOf(first.values());
    }

    /** The key of the configuration {@code spec} runs: what its points' ids and labels start with. */
    static ConfigurationKey key(ServerSpec spec) {
        // the app's default engine is not named, so ids and keys of results written before engines were a setting still match
        String engine = spec.ownJar() == null && spec.engine().isDefaultFor(spec.app()) ? null : spec.engine().id();
        return new ConfigurationKey(spec.app().id(), engine, spec.ownJar() == null ? null : spec.ownJar().name(),
                spec.workers(), spec.threads(), spec.virtualThreads(), spec.processes(), spec.tuning(), spec.aotCache(), null);
    }

    /** One combination of a server entry's axes, and the entry it came from (for messages). */
    record Configuration(int entry, ServerSpec spec, Load load, String arm) {

        ConfigurationKey key() {
            return Plan.key(spec).withArm(arm);
        }

        /** Every endpoint at every level of the load, endpoints in the order given, levels rising. */
        List<LoadPoint> points(int repetition) {
            List<LoadPoint> points = new ArrayList<>();
            for (String endpoint : load.endpoints()) {
                if (load.rates() == null) {
                    for (int users : load.concurrency()) {
                        points.add(new LoadPoint(PointKey.of(key(), endpoint, users), repetition));
                    }
                    continue;
                }
                int connections = load.connections() != null ? load.connections() : Defaults.OPEN_CONNECTIONS;
                for (double rate : load.rates()) {
                    LoadLevel level = load.ratesAreFractions() ? LoadLevel.Open.atShare(rate, connections)
                            : LoadLevel.Open.atRate(rate, connections);
                    PointKey key = new PointKey(key(), endpoint, level);
                    points.add(new LoadPoint(key, repetition));
                }
            }
            return points;
        }
    }

    /** A server setting of one entry that {@link ServerSpec} refuses, with the entry for the message. */
    static final class EntryException extends IllegalArgumentException {
        final int entry;
        final KnobException knob;

        EntryException(int entry, KnobException knob) {
            super(knob.getMessage(), knob);
            this.entry = entry;
            this.knob = knob;
        }
    }

    /**
     * Entries in file order; within one, axes vary from app (outermost) through engine, workers,
     * threads, virtual threads, processes and the engine-specific knobs to the AOT cache
     * (innermost).
     *
     * @throws EntryException when an entry holds a setting no server can run with
     */
    static List<Configuration> configurations(Sweep sweep) {
        List<Configuration> out = new ArrayList<>();
        for (int i = 0; i < sweep.servers().size(); i++) {
            ServerEntry e = sweep.servers().get(i);
            OwnJar jar = e.jar() == null ? null : new OwnJar(Path.of(e.jar()), e.readiness(), e.startTimeout());
            List<Draft> drafts = List.of(new Draft());
            drafts = expand(drafts, e.apps(), (d, v) -> d.app = v);
            drafts = expandEach(drafts, d -> e.enginesOf(d.app), (d, v) -> d.engine = v);
            drafts = expand(drafts, e.workers(), (d, v) -> d.workers = v);
            drafts = expand(drafts, e.threads(), (d, v) -> d.threads = v);
            drafts = expand(drafts, e.virtualThreads(), (d, v) -> d.virtualThreads = v);
            drafts = expand(drafts, e.processes(), (d, v) -> d.processes = v);
            for (Map.Entry<Knob, List<Object>> axis : e.tuningAxes().entrySet()) {
                drafts = expand(drafts, ServerEntry.values(axis.getValue()), (d, v) -> d.tuning.put(axis.getKey(), v));
            }
            drafts = expand(drafts, e.aotCache(), (d, v) -> d.aotCache = v);
            for (Draft d : drafts) {
                try {
                    ServerSpec spec = ServerSpec.of(d.app).engine(d.engine).ownJar(jar).processes(d.processes)
                            .workers(d.workers).threads(d.threads).virtualThreads(d.virtualThreads)
                            .starvation(sweep.starvation()).tuning(Tuning.of(d.tuning)).aotCache(d.aotCache)
                            .bind(Defaults.BIND).heap(sweep.heap()).gc(sweep.gc()).cpus(sweep.cpus().server())
                            .jvmArgs(sweep.jvmArgs()).build();
                    out.add(new Configuration(i, spec, e.load(), e.arm()));
                } catch (KnobException refused) {
                    throw new EntryException(i, refused);
                }
            }
        }
        return out;
    }

    /** One combination of axes, filled in axis by axis. */
    private static final class Draft {
        App app;
        Engine engine;
        Integer workers;
        Integer threads;
        boolean virtualThreads;
        int processes;
        Map<Knob, Object> tuning = new EnumMap<>(Knob.class);
        boolean aotCache;

        Draft copy() {
            Draft c = new Draft();
            c.app = app;
            c.engine = engine;
            c.workers = workers;
            c.threads = threads;
            c.virtualThreads = virtualThreads;
            c.processes = processes;
            c.tuning.putAll(tuning);
            c.aotCache = aotCache;
            return c;
        }
    }

    /** Each draft once per value of an axis, the axis varying fastest. */
    private static <T> List<Draft> expand(List<Draft> drafts, List<T> values, BiConsumer<Draft, T> set) {
        return expandEach(drafts, d -> values, set);
    }

    /** As {@link #expand}, with the axis's values depending on the draft (an app's engines). */
    private static <T> List<Draft> expandEach(List<Draft> drafts, Function<Draft, List<T>> values, BiConsumer<Draft, T> set) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            for (T v : values.apply(d)) {
                Draft c = d.copy();
                set.accept(c, v);
                out.add(c);
            }
        }
        return out;
    }
}
