package org.jvmbench.harness.plan;

import java.time.Duration;
import org.jvmbench.harness.config.Defaults;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in sweep files and on the command line: {@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}. Whole numbers only, always positive (a zero
 * warm-up or duration is a mistake, not a way to switch something off) and at most
 * {@link Defaults#MAX_DURATION}.
 */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(-?\\d+)(ms|s|m|h)");

    private DurationText() {
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}; fails with one sentence. */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            if (t.matches("-?\\d+")) {
                throw new IllegalArgumentException("'" + text + "' needs a unit: ms, s, m or h (e.g. 30s)");
            }
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 500ms, 30s, 2m)");
        }
        if (m.group(1).startsWith("-") || m.group(1).matches("0+")) {
            throw new IllegalArgumentException("'" + text + "' must be positive");
        }
        Duration unit = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(1);
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        // compared in the unit before multiplying: 9223372036854775807h fits no Duration
        long most = Defaults.MAX_DURATION.dividedBy(unit);
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            amount = Long.MAX_VALUE;
        }
        if (amount > most) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + format(Defaults.MAX_DURATION)
                    + ", the longest a duration may be");
        }
        return unit.multipliedBy(amount);
    }

    /** The shortest text {@link #parse} reads back to the same duration (sub-millisecond parts are dropped). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
