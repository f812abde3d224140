package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.load.InjectorHungException;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.load.ReferenceTarget;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.trust.SettleRule;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * Measures the injector's own ceiling at the start of a sweep, once the injector and the
 * reference target have settled: for every closed-model load a
 * {@code /json} point of the plan uses, the same injector drives the reference target (the
 * apps' bytes from a raw handler, on the server's CPUs) and what it reaches is the ceiling of
 * that load. A point within {@link Defaults#INJECTOR_BOUND_RATIO} of it is flagged
 * {@code INJECTOR_BOUND}: there the client, not the server, may be what was measured.
 */
final class CeilingProbe {

    private CeilingProbe() {
    }

    /** The loads to probe: each endpoint the reference serves at each closed concurrency of the plan. */
    static Map<String, LoadPoint> loads(Plan plan) {
        Map<String, LoadPoint> loads = new LinkedHashMap<>();
        for (LoadPoint p : plan.points()) {
            if (!p.key().open() && ReferenceTarget.serves(p.endpoint())) {
                loads.putIfAbsent(InjectorCeilings.key(p.endpoint(), p.connections()), p);
            }
        }
        return loads;
    }

    /**
     * Whether ceilings cached on this machine serve this sweep: they must hold every load, and the
     * calibration measured now must be within {@link Defaults#CACHE_TOLERANCE} of the one measured
     * beside them (the spot check: a machine that got faster or slower since is probed again).
     *
     * @param ceilings the cached ceilings of the sweep's loads, or null when they must be measured
     * @param why      the reason, for the progress line and {@code environment.json}
     */
    record Reuse(InjectorCeilings ceilings, String why) {

        static Reuse decide(Map<String, LoadPoint> loads, MachineCache.Ceilings cached, double calibrationNow) {
            if (cached == null) {
                return new Reuse(null, "nothing cached for this machine");
            }
            List<String> missing = loads.keySet().stream().filter(k -> !cached.rpsByLoad().containsKey(k)).toList();
            if (!missing.isEmpty()) {
                return new Reuse(null, "none cached at " + String.join(", ", missing));
            }
            if (!(calibrationNow > 0) || !(cached.calibrationOpsPerSecond() > 0)) {
                return new Reuse(null, "no calibration to compare with the one beside the cached ceilings");
            }
            double drift = cached.drift(calibrationNow);
            String moved = String.format(java.util.Locale.ROOT, "the calibration is %.0f ops/s, %+.1f %% against the %.0f measured "
                    + "beside them", calibrationNow, 100 * drift, cached.calibrationOpsPerSecond());
            String tolerance = String.format(java.util.Locale.ROOT, "±%.0f %%", 100 * Defaults.CACHE_TOLERANCE);
            if (Math.abs(drift) > Defaults.CACHE_TOLERANCE) {
                return new Reuse(null, "cached ceilings set aside: " + moved + ", beyond " + tolerance);
            }
            Map<String, Double> rps = new LinkedHashMap<>();
            loads.keySet().forEach(k -> rps.put(k, cached.rpsByLoad().get(k)));
            return new Reuse(new InjectorCeilings(rps), "cached: measured " + cached.measuredAt() + " on this machine; " + moved
                    + ", within " + tolerance);
        }

        boolean reused() {
            return ceilings != null;
        }
    }

    /**
     * Probes each load for {@code duration} after a warm-up of the target and the injector; the
     * figures are answered requests per second. Nothing to probe: no ceilings. Its time counts as
     * probing, and its warm-up is kept to learn for the next ETA.
     */
    static InjectorCeilings measure(Plan plan, ProjectHome home, Injector injector, RunFolder folder, Progress progress,
                                    TimeSpent spent) throws IOException, InterruptedException {
        Map<String, LoadPoint> loads = loads(plan);
        if (loads.isEmpty()) {
            return InjectorCeilings.none();
        }
        Duration duration = Defaults.CEILING_DURATION;
        RunFolder.ForkFiles files = folder.fork("injector-ceiling").reset();
        Map<String, Double> rps = new LinkedHashMap<>();
        try (ReferenceTarget target = spent.time(TimeSpent.Part.PROBING, null,
                () -> ReferenceTarget.start(home, plan.sweep().cpus().server(), files.serverLog(0, 1)))) {
            boolean warm = false;
            for (Map.Entry<String, LoadPoint> load : loads.entrySet()) {
                LoadPoint p = load.getValue();
                if (!warm) {
                    spent.time(TimeSpent.Part.PROBING, LearnedTimings.CEILING_WARM_UP, () -> {
                        warm(injector, target, files, p, plan, progress);
                        return null;
                    });
                    warm = true;
                }
                PhaseResult result = spent.time(TimeSpent.Part.PROBING, null, () -> run(injector, target, files,
                        "c" + p.connections(), p, duration, plan, files.dir().resolve("c" + p.connections() + ".json")));
                double ceiling = result.windowSeconds() > 0 ? result.ok() / result.windowSeconds() : 0;
                rps.put(load.getKey(), ceiling);
                progress.say(String.format(java.util.Locale.ROOT, "injector ceiling on %s at c%d against the reference target: %.0f rps",
                        p.endpoint(), p.connections(), ceiling));
            }
        } finally {
            files.dropWarmUpResults();
        }
        return new InjectorCeilings(rps);
    }

    /**
     * Warms the reference target and a fresh injector until their throughput settles, as a
     * server's warm-up does (the sweep's settle rule on whole seconds; their JIT is not read, so
     * it is judged on throughput alone), at most {@link Defaults#CEILING_WARMUP}. A cold Gatling JVM
     * speeds up for its first ~30 s: a ceiling measured before then is below what the same
     * injector later reaches against a real server, and would flag honest points.
     */
    private static void warm(Injector injector, ReferenceTarget target, RunFolder.ForkFiles files, LoadPoint p, Plan plan,
                             Progress progress) throws IOException, InterruptedException {
        List<SettleRule.Second> seconds = new ArrayList<>();
        long started = System.nanoTime();
        for (int slice = 0; ; slice++) {
            PhaseResult result = run(injector, target, files, "warm-" + slice, p, Defaults.WARMUP_SLICE, plan,
                    files.warmUpSliceResult(slice));
            seconds.addAll(FullSeconds.of(result).seconds());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            SettleRule.Verdict verdict = SettleRule.judgeRise(seconds, elapsed, plan.sweep().settle().tolerances());
            if (verdict.settled() || elapsed.compareTo(Defaults.CEILING_WARMUP) >= 0) {
                progress.say(String.format(java.util.Locale.ROOT, "injector and reference target %s after %d s: %s",
                        verdict.settled() ? "settled" : "NOT settled, cap reached", elapsed.toSeconds(), verdict.numbers()));
                return;
            }
        }
    }

    private static PhaseResult run(Injector injector, ReferenceTarget target, RunFolder.ForkFiles files, String id,
                                   LoadPoint p, Duration duration, Plan plan, Path result)
            throws IOException, InterruptedException {
        PhaseCommand command = PhaseCommand.closed("injector-ceiling-" + id, List.of(target.url().toString()),
                List.of(p.endpoint()), p.connections(), duration.toMillis(), plan.sweep().requestTimeout().toMillis(),
                files.warmUpResults().toString(), result.toString(), false,
                files.warmUpLog().toString());
        try {
            return injector.run(command, duration.plus(plan.sweep().requestTimeout()).plus(Defaults.DEADLINE_SLACK));
        } catch (InjectorHungException e) {
            // a run folder that cannot be written is said as such, with its reason
            files.requireWritable();
            throw new IOException("the injector did not finish its ceiling probe: " + e.getMessage(), e);
        }
    }
}
