package org.jvmbench.harness.settings;

import java.util.function.Function;

/**
 * A server setting that cannot run, with what a message needs to name it where the user wrote
 * it: the knob, the offending value (one item of a list, such as one JVM argument) and the
 * problem. Its message is the command line's ({@code --workers: must be at least 1, got 0});
 * a sweep reader puts the place in the file before {@link #problem} instead.
 */
public final class KnobException extends IllegalArgumentException {

    private final Knob knob;
    private final transient Object value;
    private final String problem;
    private final Knob instead;

    /**
     * @param instead the knob to use instead, when the value tried to set what another knob owns; or null
     */
    public KnobException(Knob knob, Object value, String problem, Knob instead) {
        super(knob.flag() + ": " + problem + (instead == null ? "" : ": use " + instead.flag() + " instead"));
        this.knob = knob;
        this.value = value;
        this.problem = problem;
        this.instead = instead;
    }

    public KnobException(Knob knob, Object value, String problem) {
        this(knob, value, problem, null);
    }

    public Knob knob() {
        return knob;
    }

    /** The value at fault: the knob's value, or for a list the one item at fault. */
    public Object value() {
        return value;
    }

    /** The problem, naming another knob through {@code naming} where it points to one. */
    public String problem(Function<Knob, String> naming) {
        return problem + (instead == null ? "" : ": use " + naming.apply(instead) + " instead");
    }
}
