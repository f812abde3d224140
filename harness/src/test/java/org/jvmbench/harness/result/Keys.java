package org.jvmbench.harness.result;

/**
 * Keys as most tests name them: our app on its default engine, with the common knobs only
 * (no engine-specific knob, no jar, no AOT cache, no arm's name) and a closed load.
 */
public final class Keys {

    private Keys() {
    }

    public static ConfigurationKey configuration(String app, Integer workers, Integer threads, boolean virtualThreads,
                                                 int processes) {
        return new ConfigurationKey(app, null, null, workers, threads, virtualThreads, processes, null, false, null);
    }

    public static PointKey point(String app, Integer workers, Integer threads, boolean virtualThreads, int processes,
                                 String endpoint, int concurrency) {
        return PointKey.of(configuration(app, workers, threads, virtualThreads, processes), endpoint, concurrency);
    }
}
