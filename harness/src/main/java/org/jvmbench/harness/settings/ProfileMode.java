package org.jvmbench.harness.settings;

import java.util.Locale;

/** What a server's flame graph counts, when it is profiled ({@code profile:} in a sweep, {@code --profile} on {@code serve}). */
public enum ProfileMode {
    CPU, ALLOC, WALL, LOCK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProfileMode parse(String text) {
        for (ProfileMode m : values()) {
            if (m.id().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "' (known: cpu, alloc, wall, lock)");
    }
}
