package org.jvmbench.harness.plan;

/**
 * A setting a sweep record refuses, thrown from its constructor with what the reader needs to
 * name the place in the file: the key inside the record, and for a list the item at fault.
 * The reader turns it into {@code <file>: <record's place>.<key>[<index>]: <problem>}.
 */
public final class SettingException extends IllegalArgumentException {

    private final String key;
    private final boolean item;
    private final transient Object value;
    private final String problem;

    private SettingException(String key, boolean item, Object value, String problem) {
        super((key == null ? "" : key + ": ") + problem);
        this.key = key;
        this.item = item;
        this.value = value;
        this.problem = problem;
    }

    /** The record as a whole is wrong, e.g. a required key is missing. */
    static SettingException record(String problem) {
        return new SettingException(null, false, null, problem);
    }

    /** One key's value is wrong. */
    static SettingException key(String key, String problem) {
        return new SettingException(key, false, null, problem);
    }

    /** One item of a list is wrong: the message names its index when the file gave a list. */
    static SettingException item(String key, Object value, String problem) {
        return new SettingException(key, true, value, problem);
    }

    /** The key inside the record, or null when the record as a whole is meant. */
    String key() {
        return key;
    }

    /** Whether {@link #value} is one item of the key's list. */
    boolean item() {
        return item;
    }

    Object value() {
        return value;
    }

    String problem() {
        return problem;
    }
}
