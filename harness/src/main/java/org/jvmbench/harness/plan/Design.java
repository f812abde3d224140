package org.jvmbench.harness.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a sweep's configurations are measured against each other (sweep key {@code design}).
 * Sequential: each fork starts, warms, is measured point by point and stops, one after the
 * other, so configurations are compared across minutes of a drifting machine. Paired: every
 * configuration's fork of a repetition is kept alive and warm, and each point is measured in
 * rounds where every arm gets one slice of the same load in a fresh random order, so the
 * machine's drift falls on both sides of every comparison ({@link Paired}).
 */
public enum Design {
    SEQUENTIAL("sequential"), PAIRED("paired");

    private final String id;

    Design(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Design parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Design d : values()) {
            if (d.id.equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown design '" + text + "' (known: "
                + Arrays.stream(values()).map(Design::id).collect(Collectors.joining(", ")) + ")");
    }
}
