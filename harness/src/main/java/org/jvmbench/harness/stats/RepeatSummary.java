package org.jvmbench.harness.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * One metric across repetitions of a point: its median and range. Never a mean, which one
 * odd repetition drags; and never applied to latency percentiles, which come from merged
 * histograms ({@link LatencyRecorder}).
 *
 * @param n      repetitions
 * @param median middle value; the mean of the two middle values for an even n
 * @param min    lowest value
 * @param max    highest value
 */
public record RepeatSummary(int n, double median, double min, double max) {

    public static RepeatSummary of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public static RepeatSummary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no repetitions to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a repetition has no value (NaN): " + Arrays.toString(values));
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new RepeatSummary(sorted.length, median, sorted[0], sorted[sorted.length - 1]);
    }

    /** (max − min) / median: how far apart repetitions landed; 0 when the median is 0. */
    public double spreadRatio() {
        return median == 0 ? 0 : (max - min) / Math.abs(median);
    }
}
