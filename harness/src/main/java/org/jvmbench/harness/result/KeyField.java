package org.jvmbench.harness.result;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of a {@link PointKey}, by the names the result files use. A comparison matches
 * points on all of them unless told to ignore some, e.g. {@code virtualThreads} to put a
 * platform-thread run beside a virtual-thread run; a label leaves out the ones it is told to.
 * A new setting of a point is a component of {@link PointKey} and a constant here.
 */
public enum KeyField {
    APP("app"),
    ENGINE("engine"),
    WORKERS("workers"),
    THREADS("threads"),
    VIRTUAL_THREADS("virtualThreads"),
    PROCESSES("processes"),
    /**
     * The engine-specific knobs together: minThreads, maxConnections, acceptCount, acceptors, bufferPool,
     * elasticThreads; and our apps' extraCpuMicros, a setting of the same kind (one a table names in its
     * settings column), kept in this group so that what a comparison says it matched on reads as before.
     */
    TUNING("tuning"),
    AOT_CACHE("aotCache"),
    ENDPOINT("endpoint"),
    /** The load: concurrency, or the rate and the connections of an open load. */
    CONCURRENCY("concurrency");

    private final String fieldName;

    KeyField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The component name in {@code results.jsonl}, e.g. {@code virtualThreads}. */
    public String fieldName() {
        return fieldName;
    }

    /** This field's value in {@code key}, what a comparison matches on. */
    public Object valueOf(PointKey key) {
        return switch (this) {
            case APP -> key.jar() != null ? key.jar() : key.app();
            case ENGINE -> key.configuration().engineOrDefault();
            case WORKERS -> key.workers();
            case THREADS -> key.threads();
            case VIRTUAL_THREADS -> key.virtualThreads();
            case PROCESSES -> key.processes();
            case TUNING -> java.util.Arrays.asList(key.minThreads(), key.maxConnections(), key.acceptCount(), key.acceptors(),
                    key.bufferPool(), key.elasticThreads(), key.extraCpuMicros());
            case AOT_CACHE -> key.aotCache();
            case ENDPOINT -> key.endpoint();
            case CONCURRENCY -> key.loadLabel();
        };
    }

    /** Reads {@code virtualThreads}, {@code virtual-threads} or {@code VIRTUAL_THREADS}; fails with one sentence. */
    public static KeyField parse(String text) {
        String wanted = normalise(text);
        for (KeyField field : values()) {
            if (normalise(field.fieldName).equals(wanted)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown key field '" + text + "' (known: "
                + Arrays.stream(values()).map(KeyField::fieldName).collect(Collectors.joining(", ")) + ")");
    }

    /** {@link #parse} for each name, e.g. the values of {@code --ignore virtualThreads,threads}. */
    public static Set<KeyField> parseAll(Collection<String> names) {
        Set<KeyField> fields = EnumSet.noneOf(KeyField.class);
        for (String name : names) {
            fields.add(parse(name));
        }
        return fields;
    }

    private static String normalise(String text) {
        return text.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return fieldName;
    }
}
