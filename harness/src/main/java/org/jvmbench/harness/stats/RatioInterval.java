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
 */
public record RatioInterval(double median, double low, double high, int forkPairs, int rounds, double confidence) {

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

    /** An interval at the default confidence ({@link Defaults#PAIRED_CONFIDENCE}). */
    public RatioInterval(double median, double low, double high, int forkPairs, int rounds) {
        this(median, low, high, forkPairs, rounds, Defaults.PAIRED_CONFIDENCE);
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

    /** The interval's farthest point from no change, as a relative difference (0.04 for 0.96–1.02). */
    public double farthestFromOne() {
        return Math.max(Math.abs(low - 1), Math.abs(high - 1));
    }
}
