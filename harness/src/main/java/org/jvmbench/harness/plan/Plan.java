package org.jvmbench.harness.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.server.App;
import org.jvmbench.harness.server.KnobException;
import org.jvmbench.harness.server.ServerSpec;

/**
 * What a sweep runs, in order: the resolved settings and one {@link Fork} per server
 * configuration and repetition, each with its points.
 */
public record Plan(Sweep sweep, List<Fork> runs) {

    public Plan {
        runs = List.copyOf(runs);
    }

    /** Expands every server entry into its configurations, and those into runs and points. */
    public static Plan of(Sweep sweep) {
        List<Configuration> configurations = configurations(sweep);
        List<Fork> runs = new ArrayList<>();
        // Repetition-major: r1 of every configuration, then r2 of every one, and so on. Slow
        // drift of a noisy machine (throttling, a neighbour waking up) then spreads over all
        // configurations instead of landing on whichever ran its repetitions back to back.
        for (int repetition = 1; repetition <= sweep.repeat(); repetition++) {
            for (Configuration c : configurations) {
                runs.add(new Fork(c.spec(), repetition, c.points(repetition)));
            }
        }
        return new Plan(sweep, runs);
    }

    /**
     * For resume: the runs and points whose ids are not in {@code doneIds}, in the same order.
     * A run left with no point drops out; a run with some points done keeps the rest, and
     * still gets its warm-up since it starts on a fresh JVM.
     */
    public Plan remaining(Set<String> doneIds) {
        List<Fork> left = new ArrayList<>();
        for (Fork run : runs) {
            List<LoadPoint> points = run.points().stream().filter(p -> !doneIds.contains(p.id())).toList();
            if (!points.isEmpty()) {
                left.add(new Fork(run.spec(), run.repetition(), points));
            }
        }
        return new Plan(sweep, left);
    }

    /** Every point, in the order they run. */
    public List<LoadPoint> points() {
        return runs.stream().flatMap(r -> r.points().stream()).toList();
    }

    public int pointCount() {
        return runs.stream().mapToInt(r -> r.points().size()).sum();
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /**
     * Expected wall time, for the ETA: per server run its start and stop, the warm-up, and
     * per point the measured duration plus what surrounds it (injector start, report).
     *
     * @param perServerRun fixed cost of starting and stopping one server run, warm-up excluded
     * @param perPoint     fixed cost around each point, measured duration excluded
     */
    public Duration estimate(Duration perServerRun, Duration perPoint) {
        Duration total = Duration.ZERO;
        Duration point = sweep.duration().plus(perPoint);
        for (Fork run : runs) {
            total = total.plus(perServerRun).plus(sweep.warmup()).plus(point.multipliedBy(run.points().size()));
        }
        return total;
    }

    /**
     * Expected wall time for the ETA and for {@code ./bench sweeps}: per fork its start and
     * stop ({@link Defaults#ESTIMATE_PER_FORK}), a warm-up per endpoint (the typical time to
     * settle, {@link Defaults#ESTIMATE_WARMUP}, but never more than the cap), and per point its
     * measured duration plus what surrounds it ({@link Defaults#ESTIMATE_PER_POINT}). Warm-ups
     * end when the server settles, so this is an estimate, not a promise.
     */
    public Duration estimate() {
        Duration warmUp = sweep.warmup().compareTo(Defaults.ESTIMATE_WARMUP) < 0 ? sweep.warmup() : Defaults.ESTIMATE_WARMUP;
        Duration total = Duration.ZERO;
        Duration point = sweep.duration().plus(Defaults.ESTIMATE_PER_POINT);
        for (Fork run : runs) {
            long endpoints = run.points().stream().map(LoadPoint::endpoint).distinct().count();
            total = total.plus(Defaults.ESTIMATE_PER_FORK).plus(warmUp.multipliedBy(endpoints))
                    .plus(point.multipliedBy(run.points().size()));
        }
        return total;
    }

    /** The key of the configuration {@code spec} runs: what its points' ids and labels start with. */
    static ConfigurationKey key(ServerSpec spec) {
        return new ConfigurationKey(spec.app().id(), spec.workers(), spec.threads(), spec.virtualThreads(), spec.processes());
    }

    /** One combination of a server entry's axes, and the entry it came from (for messages). */
    record Configuration(int entry, ServerSpec spec, Load load) {

        ConfigurationKey key() {
            return Plan.key(spec);
        }

        List<LoadPoint> points(int repetition) {
            List<LoadPoint> points = new ArrayList<>();
            for (String endpoint : load.endpoints()) {
                for (int concurrency : load.concurrency()) {
                    points.add(new LoadPoint(PointKey.of(key(), endpoint, concurrency), repetition));
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
     * Entries in file order; within one, axes vary from app (outermost) to processes (innermost).
     *
     * @throws EntryException when an entry holds a setting no server can run with
     */
    static List<Configuration> configurations(Sweep sweep) {
        List<Configuration> out = new ArrayList<>();
        for (int i = 0; i < sweep.servers().size(); i++) {
            ServerEntry e = sweep.servers().get(i);
            for (App app : e.apps()) {
                for (Integer workers : e.workers()) {
                    for (Integer threads : e.threads()) {
                        for (boolean virtualThreads : e.virtualThreads()) {
                            for (int processes : e.processes()) {
                                try {
                                    ServerSpec spec = new ServerSpec(app, processes, workers, threads, virtualThreads,
                                            sweep.starvation(), Defaults.BIND, 0, sweep.heap(), sweep.gc(), sweep.cpus().server(),
                                            sweep.jvmArgs());
                                    out.add(new Configuration(i, spec, e.load()));
                                } catch (KnobException refused) {
                                    throw new EntryException(i, refused);
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
