package org.jvmbench.harness.plan;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The collectors a sweep may name. Always named explicitly: a JVM pinned to one CPU would
 * otherwise pick SerialGC on its own.
 */
public enum Gc {
    G1("G1"), PARALLEL("Parallel"), SERIAL("Serial"), Z("Z");

    private final String id;

    Gc(String id) {
        this.id = id;
    }

    /** The name sweep files and {@link org.jvmbench.harness.server.ServerSpec#gc()} use. */
    public String id() {
        return id;
    }

    /** Reads a collector name, ignoring case. */
    public static Gc parse(String text) {
        for (Gc gc : values()) {
            if (gc.id.equalsIgnoreCase(text.strip())) {
                return gc;
            }
        }
        throw new IllegalArgumentException("unknown collector '" + text + "' (known: " + known() + ")");
    }

    static String known() {
        return Arrays.stream(values()).map(Gc::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
