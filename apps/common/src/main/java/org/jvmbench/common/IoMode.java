package org.jvmbench.common;

import java.util.Locale;

/**
 * How {@code /io} waits. {@link #WAIT} is each model's natural way: a blocked worker thread
 * on the servlet app, a timer on the reactive app. {@link #OFFLOAD} exists only on the
 * reactive app: a blocking sleep moved onto {@code Schedulers.boundedElastic()}, the common
 * way blocking code is "made reactive", to compare with the real non-blocking wait.
 */
public enum IoMode {
    WAIT,
    OFFLOAD;

    public static final String PARAMETER = "mode";

    /** Missing means {@link #WAIT}; anything but {@code wait} or {@code offload} is a 400. */
    public static IoMode parse(String raw) {
        if (raw == null) {
            return WAIT;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "wait" -> WAIT;
            case "offload" -> OFFLOAD;
            default -> throw new BadParameterException(PARAMETER, "must be wait or offload");
        };
    }

    /** The name as it appears in query strings and bodies. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
