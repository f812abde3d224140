package org.jvmbench.harness.sweep;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.plan.Timings;
import org.jvmbench.harness.result.PointKey;

/**
 * The ETA's timings as this machine measured them: what a sweep timed ({@link TimeSpent}) is
 * kept in the machine cache under the names below, and the next sweep's {@link Timings} are their
 * medians, the defaults where nothing was measured.
 */
final class LearnedTimings {

    static final String FORK_START = "fork start";
    static final String CALIBRATION = "calibration";
    static final String CEILING_WARM_UP = "ceiling warm-up";
    private static final String WARM_UP = "warm-up ";

    private LearnedTimings() {
    }

    /** What a warm-up of this point's server and endpoint is learned as. */
    static String warmUp(PointKey key) {
        return WARM_UP + Timings.warmUpKey(key);
    }

    static Timings of(MachineCache cache) {
        Timings d = Timings.DEFAULTS;
        Map<String, Duration> warmUps = new LinkedHashMap<>();
        for (String what : cache.seconds().keySet()) {
            if (what.startsWith(WARM_UP)) {
                warmUps.put(what.substring(WARM_UP.length()), seconds(cache.typical(what)));
            }
        }
        return new Timings(or(cache.typical(FORK_START), d.perFork()), warmUps, or(cache.typical(CALIBRATION), d.calibration()),
                or(cache.typical(CEILING_WARM_UP), d.ceilingProbe()), d.ceilingPerLoad());
    }

    static void learn(MachineCache cache, TimeSpent spent) {
        spent.timed().forEach(t -> cache.learn(t.what(), t.seconds()));
    }

    private static Duration or(OptionalDouble learned, Duration otherwise) {
        return learned.isPresent() ? seconds(learned) : otherwise;
    }

    private static Duration seconds(OptionalDouble s) {
        return Duration.ofMillis(Math.round(s.getAsDouble() * 1000));
    }
}
