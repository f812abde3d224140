package org.jvmbench.common;

/**
 * An integer query parameter with its default and inclusive limits. The limits keep one
 * request from taking a server down: a benchmark harness must not be able to ask for an
 * hour of CPU by mistake.
 */
public record IntParameter(String name, int defaultValue, int min, int max) {

    public IntParameter {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default " + defaultValue
                    + " must lie in [" + min + ", " + max + "]");
        }
    }

    /**
     * @param raw the parameter as the client sent it, {@code null} when absent
     * @throws BadParameterException when present but not an integer within the limits
     */
    public int parse(String raw) {
        if (raw == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be an integer in [" + min + ", " + max + "]");
        }
        if (value < min || value > max) {
            throw new BadParameterException(name, "must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }
}
