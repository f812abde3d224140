package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's time spent in words, one way for the terminal's closing line and for the report:
 * {@code measured 40s (11 %), warming 4m00s (64 %), ..., other 7s (2 %); ETA was 5m28s, took 6m16s: 15 % longer},
 * from the seconds by part that {@code environment.json} keeps under {@code timeSpent}.
 */
public final class TimeSpentText {

    /** The parts of a sweep's wall time, in the order the line names them. */
    private static final List<String> PARTS = List.of("measured", "warming", "starting", "probing", "calibrating", "other");

    private TimeSpentText() {
    }

    /** @param seconds {@code wall}, each part, and {@code eta} when one was printed */
    public static String of(Map<String, Double> seconds) {
        double wall = seconds.getOrDefault("wall", 0.0);
        List<String> parts = new ArrayList<>();
        for (String part : PARTS) {
            double s = seconds.getOrDefault(part, 0.0);
            parts.add(part + " " + Units.minutes(s) + (wall > 0 ? String.format(Locale.ROOT, " (%.0f %%)", 100 * s / wall) : ""));
        }
        Double eta = seconds.get("eta");
        String error;
        if (eta == null || eta <= 0) {
            error = "no ETA was printed";
        } else {
            double off = wall / eta - 1;
            error = String.format(Locale.ROOT, "ETA was %s, took %s: %.0f %% %s", Units.minutes(eta), Units.minutes(wall),
                    Math.abs(off) * 100, off >= 0 ? "longer" : "shorter");
        }
        return String.join(", ", parts) + "; " + error;
    }
}
