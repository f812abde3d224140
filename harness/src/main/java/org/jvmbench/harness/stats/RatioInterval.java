package org.jvmbench.harness.stats;

import org.jvmbench.harness.config.Defaults;

/**
 * The answer of a paired comparison: the ratio B/A, its confidence interval over fork pairs
 * ({@link PairedInterval}), and what it was computed from, so a page can state how far it goes.
 *
 * @param median     the median of the fork pairs' median ratios (with one fork pair, of its rounds' ratios)
 * @param low        the interval's lower bound
 * @param high       the interval's upper bound
 * @param forkPairs  fork pairs in the sample: with one, the interval speaks for those two JVMs only
 * @param rounds     ratios in the sample: every fork pair's rounds together
 * @param confidence the interval's confidence, e.g. 0.95
 * @param logSpread  the standard deviation of the fork pairs' log ratios; NaN with one fork pair
 */
public record RatioInterval(double median, double low, double high, int forkPairs, int rounds, double confidence,
                            double logSpread) {

    public RatioInterval {
        if (!(median > 0 && Double.isFinite(median))) {
            throw new IllegalArgumentException("the median ratio must be positive and finite, got " + median);
        }
        if (!(low > 0 && low <= high && Double.isFinite(high))) {
            throw new IllegalArgumentException("an interval needs 0 < low ≤ high, finite, got " + low + " to " + high);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie between 0 and 1, got " + confidence);
        }
    }


    /** Whether the interval spans JVMs: two fork pairs or more. From one, no winner is named. */
    public boolean acrossForks() {
        return forkPairs > 1;
    }

    /** Whether the interval leaves out no-change: only then does a comparison name a winner. */
    public boolean excludesOne() {
        return low > 1 || high < 1;
    }

    /**
     * Half the interval's width. Ratios lie around 1, so it reads as a relative difference: 0.03
     * is the ±3 % the run could tell apart from no change.
     */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * The smallest difference this run could detect, as a relative difference (0.05 for 5 %):
     * with this many fork pairs and this spread between them, a true difference this large
     * leaves no change out of the interval with {@link Defaults#PAIRED_POWER} (80 %):
     * exp((t(1 − α/2, k − 1) + t(power, k − 1)) · s / √k) − 1, the usual sample-size rule on
     * the log scale. NaN from one fork pair, which detects no difference between configurations.
     */
    public double detectable() {
        if (forkPairs < 2 || Double.isNaN(logSpread)) {
            return Double.NaN;
        }
        double t = StudentT.quantile(1 - (1 - confidence) / 2, forkPairs - 1) + StudentT.quantile(Defaults.PAIRED_POWER, forkPairs - 1);
        return Math.expm1(t * logSpread / Math.sqrt(forkPairs));
    }

    /** The interval's farthest point from no change, as a relative difference (0.04 for 0.96–1.02). */
    public double farthestFromOne() {
        return Math.max(Math.abs(low - 1), Math.abs(high - 1));
    }
}
