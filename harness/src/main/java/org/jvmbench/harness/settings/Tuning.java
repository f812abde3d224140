package org.jvmbench.harness.settings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tuning knobs of a configuration (the table in {@link Knob}), each unset where the engine's
 * (or for the extra CPU, the apps') default is left. Values are held in their canonical form
 * ({@link Knob.Values#parse}), so two tunings that set the same are equal. Which engine has which
 * knob is {@code ServerSpec}'s rule, after {@link Engine}'s table.
 */
public final class Tuning {

    /** Every knob at its default. */
    public static final Tuning NONE = new Tuning(new EnumMap<>(Knob.class));

    private final Map<Knob, Object> values;

    private Tuning(Map<Knob, Object> values) {
        this.values = values;
    }

    /**
     * The knobs given, each value parsed and checked by its kind; null values and a kind's own
     * default are left unset.
     *
     * @throws KnobException naming the knob whose value is not allowed
     */
    public static Tuning of(Map<Knob, ?> given) {
        Map<Knob, Object> values = new EnumMap<>(Knob.class);
        given.forEach((knob, raw) -> {
            Knob.Values kind = knob.tunable().values();
            Object value;
            try {
                value = kind.parse(raw);
            } catch (IllegalArgumentException e) {
                throw new KnobException(knob, raw, e.getMessage());
            }
            if (value == null || kind.isDefault(value)) {
                return;
            }
            String problem = kind.problem(value);
            if (problem != null) {
                throw new KnobException(knob, value, problem);
            }
            values.put(knob, value);
        });
        return values.isEmpty() ? NONE : new Tuning(values);
    }

    /** One knob set, e.g. for a test or a flag; null leaves it at its default. */
    public static Tuning of(Knob knob, Object value) {
        return value == null ? NONE : of(Map.of(knob, value));
    }

    /** The knob's value in canonical form (an Integer or a word), or null where it is left at its default. */
    public Object get(Knob knob) {
        return values.get(knob);
    }

    /** The knob's value as the command line and the read-back write it; null at its default. */
    public String text(Knob knob) {
        return knob.tunable().values().text(values.get(knob));
    }

    /** The knobs that are set, in the table's order: what an engine must accept. */
    public List<Knob> set() {
        return Knob.tunings().stream().filter(values::containsKey).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuning other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tuning");
        s.append(values.isEmpty() ? "[none]" : values.toString().replace('{', '[').replace('}', ']'));
        return s.toString();
    }
}
