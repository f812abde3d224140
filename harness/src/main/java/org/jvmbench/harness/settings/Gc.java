package org.jvmbench.harness.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The collectors a server may run. Always named explicitly: a JVM pinned to one CPU would
 * otherwise pick SerialGC on its own.
 */
public enum Gc {
    G1("G1"), PARALLEL("Parallel"), SERIAL("Serial"), Z("Z");

    private final String id;

    Gc(String id) {
        this.id = id;
    }

    /** The name sweep files, {@code --gc} and the records use: {@code G1}, {@code Parallel}, ... */
    public String id() {
        return id;
    }

    /** Reads a collector name, ignoring case; the JVM's own spelling ({@code ZGC}, {@code G1GC}) is accepted too. */
    public static Gc parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Gc gc : values()) {
            String id = gc.id.toLowerCase(Locale.ROOT);
            if (wanted.equals(id) || wanted.equals(id + "gc")) {
                return gc;
            }
        }
        throw new IllegalArgumentException("unknown collector '" + text + "' (known: " + known() + ")");
    }

    /** The names, for messages and {@code --help}: {@code G1, Parallel, Serial, Z}. */
    public static String known() {
        return Arrays.stream(values()).map(Gc::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
