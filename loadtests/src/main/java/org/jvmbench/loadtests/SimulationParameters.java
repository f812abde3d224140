package org.jvmbench.loadtests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The system properties a simulation reads, so that the Maven plugin ({@code -Dname=value})
 * and the injector (which sets them before each in-process run) drive the same code.
 */
public final class SimulationParameters {

    /** Comma-separated base URLs; Gatling gives each user one of them, round-robin. */
    public static final String BASE_URLS = "baseUrls";
    /** Comma-separated request paths; user i requests paths[i % n] for its whole life. */
    public static final String PATHS = "paths";
    /** Closed model: concurrent users, each with its own keep-alive connection. */
    public static final String USERS = "users";
    /** Open model: requests due per second, evenly spaced; a decimal number such as {@code 250} or {@code 62.5}. */
    public static final String RATE = "rate";
    /** Open model: the pool of keep-alive connections the due requests go out on. */
    public static final String CONNECTIONS = "connections";
    /** How long each user keeps sending: {@code 30} or {@code 30s} (seconds), {@code 1500ms}. */
    public static final String DURATION = "duration";
    /** Per-request timeout, same format as {@link #DURATION}. */
    public static final String REQUEST_TIMEOUT = "requestTimeout";

    private SimulationParameters() {
    }

    static List<String> list(String name, String defaultValue) {
        List<String> values = Arrays.stream(System.getProperty(name, defaultValue).split(","))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one value");
        }
        return values;
    }

    static int positiveInt(String name, int defaultValue) {
        String raw = System.getProperty(name);
        int value;
        try {
            value = raw == null ? defaultValue : Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + raw + "'");
        }
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    static double positiveNumber(String name, String defaultValue) {
        String raw = System.getProperty(name, defaultValue).trim();
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + raw + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + raw);
        }
        return value;
    }

    static Duration duration(String name, String defaultValue) {
        String raw = System.getProperty(name, defaultValue).trim();
        Duration value;
        try {
            if (raw.endsWith("ms")) {
                value = Duration.ofMillis(Long.parseLong(raw.substring(0, raw.length() - 2).trim()));
            } else if (raw.endsWith("s")) {
                value = Duration.ofSeconds(Long.parseLong(raw.substring(0, raw.length() - 1).trim()));
            } else {
                value = Duration.ofSeconds(Long.parseLong(raw));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must look like 30, 30s or 1500ms, not '" + raw + "'");
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + raw);
        }
        return value;
    }

    /** The {@link #DURATION} / {@link #REQUEST_TIMEOUT} text for a number of milliseconds. */
    public static String millis(long millis) {
        return millis + "ms";
    }
}
