package org.jvmbench.harness.stats;

import org.jvmbench.harness.config.Defaults;

/**
 * The answer of a paired comparison: the median of all ratios B/A, its bootstrap confidence
 * interval, and what it was computed from, so a page can state how the interval was obtained
 * and anyone can recompute it from the ratios and the seed.
 *
 * @param median     the median of every ratio of every fork pair, pooled
 * @param low        the interval's lower bound (the bootstrap medians' (1 − confidence) / 2 point)
 * @param high       the interval's upper bound (their (1 + confidence) / 2 point)
 * @param forkPairs  fork pairs in the sample
 * @param rounds     ratios in the sample: every fork pair's rounds together
 * @param resamples  bootstrap resamples drawn
 * @param seed       the seed they were drawn with
 * @param confidence the interval's confidence, e.g. 0.95
 */
public record RatioInterval(double median, double low, double high, int forkPairs, int rounds, int resamples, long seed,
                            double confidence) {

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
    public RatioInterval(double median, double low, double high, int forkPairs, int rounds, int resamples, long seed) {
        this(median, low, high, forkPairs, rounds, resamples, seed, Defaults.PAIRED_CONFIDENCE);
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
