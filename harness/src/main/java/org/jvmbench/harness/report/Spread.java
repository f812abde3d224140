package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One figure over the repetitions of a point: the median and the range of the per-repetition values.
 * Used for whole-repetition figures (RPS, CPU, RSS), never to combine percentiles into a percentile.
 *
 * @param count how many values it is over (one per repetition that had the figure)
 */
public record Spread(double median, double min, double max, int count) {

    /** Null when no repetition had the figure (e.g. every repetition of the point lost its server). */
    static Spread of(List<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                sorted.add(v);
            }
        }
        if (sorted.isEmpty()) {
            return null;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** True when one side's min–max range touches the other's: the difference may be run-to-run noise. */
    boolean overlaps(Spread other) {
        return min <= other.max && other.min <= max;
    }
}
