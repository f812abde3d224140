package org.jvmbench.harness.plan;

import java.time.Duration;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.PointKey;

/**
 * How long the parts of a sweep take, for its ETA: the defaults on a machine that has measured
 * nothing yet, else what this machine measured before (the medians its machine cache keeps).
 *
 * @param perFork        starting, checking and stopping one fork's JVMs
 * @param warmUps        a warm-up until settled, by {@link #warmUpKey}; one not measured here takes
 *                       {@link Defaults#ESTIMATE_WARMUP}
 * @param calibration    one calibration of the server's CPUs (a sweep has two)
 * @param ceilingProbe   the injector's ceiling probe before its loads; zero when cached ceilings will serve
 * @param ceilingPerLoad each load the probe measures
 */
public record Timings(Duration perFork, Map<String, Duration> warmUps, Duration calibration, Duration ceilingProbe,
                      Duration ceilingPerLoad) {

    /** On a machine that has measured nothing. */
    public static final Timings DEFAULTS = new Timings(Defaults.ESTIMATE_PER_FORK, Map.of(), Defaults.ESTIMATE_CALIBRATION,
            Defaults.ESTIMATE_CEILING_PROBE, Defaults.CEILING_DURATION.plus(Defaults.ESTIMATE_PER_POINT));

    public Timings {
        warmUps = Map.copyOf(warmUps);
    }

    /** What a warm-up's time is learned under: the app, its threads' mode and the endpoint, e.g. {@code servlet platform /json}. */
    public static String warmUpKey(PointKey key) {
        return key.configuration().app() + " " + key.mode() + " " + key.endpoint();
    }

    /** A warm-up of this point's server and endpoint until settled, as measured here or the default. */
    public Duration warmUp(PointKey key) {
        return warmUps.getOrDefault(warmUpKey(key), Defaults.ESTIMATE_WARMUP);
    }

    /** The same, when cached ceilings will be used: no probe. */
    public Timings withoutCeilingProbe() {
        return new Timings(perFork, warmUps, calibration, Duration.ZERO, Duration.ZERO);
    }
}
