package org.jvmbench.harness.sweep;

import java.time.Duration;
import java.util.Map;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Timings;

/**
 * A plan's ETA on this machine, as {@code ./bench sweeps}, the start of a sweep and its progress
 * lines print it: the timings this machine's cache learned (the defaults where it has none), and
 * the injector's ceiling probe counted unless the cache holds a ceiling for every load (the spot
 * check may still set them aside; the closing line says how far the ETA was off).
 */
public final class Eta {

    private Eta() {
    }

    /** On a machine that has measured nothing: what the sweep files' headers quote. */
    public static Duration of(Plan plan) {
        return of(plan, null);
    }

    /** @param cache this machine's cache, or null when there is none */
    public static Duration of(Plan plan, MachineCache cache) {
        return plan.estimate(timings(plan, cache), CeilingProbe.loads(plan).size());
    }

    static Timings timings(Plan plan, MachineCache cache) {
        Timings learned = cache == null ? Timings.DEFAULTS : LearnedTimings.of(cache);
        Map<String, LoadPoint> loads = CeilingProbe.loads(plan);
        boolean probes = plan.sweep().hosts() == null && !loads.isEmpty();
        boolean cached = cache != null && cache.ceilings().map(c -> c.rpsByLoad().keySet().containsAll(loads.keySet())).orElse(false);
        return probes && !cached ? learned : learned.withoutCeilingProbe();
    }
}
