package org.jvmbench.harness.plan;

import java.time.Duration;

/**
 * Settings given on the command line ({@code --duration}, {@code --warmup}, {@code --repeat})
 * that replace the sweep file's. Null means "as the file says".
 */
public record Overrides(Duration duration, Duration warmup, Integer repeat) {

    public static final Overrides NONE = new Overrides(null, null, null);

    public Overrides {
        if (duration != null && !duration.isPositive()) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        if (warmup != null && !warmup.isPositive()) {
            throw new IllegalArgumentException("--warmup must be positive, got " + warmup);
        }
        if (repeat != null && repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        }
    }
}
