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
 * A new structural setting of a point is a component of {@link ConfigurationKey} and a constant here;
 * a new tuning knob needs neither.
 */
public enum KeyField {
    APP("app"),
    ENGINE("engine"),
    WORKERS("workers"),
    THREADS("threads"),
    VIRTUAL_THREADS("virtualThreads"),
    PROCESSES("processes"),
    /**
     * The tuning knobs together (the table in {@code settings.Knob}): the engine-specific ones and our apps'
     * extraCpuMicros, settings of one kind, which a table names in its settings column.
     */
    TUNING("tuning"),
    AOT_CACHE("aotCache"),
    ENDPOINT("endpoint"),
    /** The load: concurrency, or the rate and the connections of an open load. */
    LOAD("concurrency");

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
        ConfigurationKey c = key.configuration();
        return switch (this) {
            case APP -> c.jar() != null ? c.jar() : c.app();
            case ENGINE -> c.engineOrDefault();
            case WORKERS -> c.workers();
            case THREADS -> c.threads();
            case VIRTUAL_THREADS -> c.virtualThreads();
            case PROCESSES -> c.processes();
            case TUNING -> c.tuning();
            case AOT_CACHE -> c.aotCache();
            case ENDPOINT -> key.endpoint();
            case LOAD -> key.level().label();
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
