package org.jvmbench.harness.trust;

import java.util.List;

/**
 * The shape of a per-second series: its spread and its drift. The same measure judges a
 * warm-up (has the server stopped getting faster?) and a measured window (was it steady?).
 *
 * @param seconds how many per-second values it was computed from
 * @param mean    their mean
 * @param cv      coefficient of variation: population standard deviation / mean (0 for a flat series)
 * @param trend   (mean of the last third − mean of the first third) / mean: +0.10 means the last
 *                third ran 10 % of the mean faster than the first, i.e. the series still climbs
 */
public record Steadiness(int seconds, double mean, double cv, double trend) {

    /** Fewer values than this carry no trend: thirds of one or two seconds are noise. */
    public static final int MIN_SECONDS = 6;

    public static Steadiness of(List<? extends Number> perSecond) {
        int n = perSecond.size();
        if (n == 0) {
            return new Steadiness(0, 0, 0, 0);
        }
        double sum = 0;
        for (Number v : perSecond) {
            sum += v.doubleValue();
        }
        double mean = sum / n;
        double squares = 0;
        for (Number v : perSecond) {
            double d = v.doubleValue() - mean;
            squares += d * d;
        }
        double cv = mean == 0 ? 0 : Math.sqrt(squares / n) / mean;
        double trend = 0;
        if (n >= MIN_SECONDS && mean > 0) {
            int third = n / 3;
            trend = (mean(perSecond.subList(n - third, n)) - mean(perSecond.subList(0, third))) / mean;
        }
        return new Steadiness(n, mean, cv, trend);
    }

    /** Enough seconds to judge a trend at all. */
    public boolean judgeable() {
        return seconds >= MIN_SECONDS;
    }

    private static double mean(List<? extends Number> values) {
        double sum = 0;
        for (Number v : values) {
            sum += v.doubleValue();
        }
        return values.isEmpty() ? 0 : sum / values.size();
    }
}
