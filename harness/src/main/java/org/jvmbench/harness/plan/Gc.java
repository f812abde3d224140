package org.jvmbench.harness.plan;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The collectors a sweep may name. Always named explicitly: a JVM pinned to one CPU would
 * otherwise pick SerialGC on its own.
 */
public enum Gc {
    G1, PARALLEL, SERIAL, Z;

    /** The name sweep files and {@link org.jvmbench.harness.server.ServerSpec#gc()} use: {@code G1}, {@code Parallel}, {@code Serial}, {@code Z}. */
    public String id() {
        return this == G1 || this == Z ? name() : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a collector name, ignoring case. */
    public static Gc parse(String text) {
        for (Gc gc : values()) {
            if (gc.id().equalsIgnoreCase(text.trim())) {
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
        return id();
    }
}
