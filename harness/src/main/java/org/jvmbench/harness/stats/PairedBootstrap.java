package org.jvmbench.harness.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jvmbench.harness.config.Defaults;

/**
 * The confidence interval of a paired comparison's median ratio B/A, by a two-level bootstrap.
 * Each resample draws as many fork pairs as the sample has, with replacement; then, within each
 * drawn fork pair, as many rounds as it has, with replacement; and takes the median of the
 * pooled draws. The interval is the percentile interval of those medians: at 95 %, their 2.5 %
 * and 97.5 % points.
 *
 * <p>Why two levels: JVMs differ from one fork to the next (what the JIT compiled, where the
 * heap landed), so rounds of one fork pair are not independent evidence about the configuration.
 * Resampling rounds alone would count 4 fork pairs of 24 rounds as 96 independent ratios and give
 * an interval too narrow whenever forks disagree; resampling fork pairs first widens it by
 * exactly the fork-to-fork spread the run saw. With one fork pair, that spread cannot be seen,
 * and the interval is that of its rounds alone.
 *
 * <p>Deterministic for a seed: draws come from {@link java.util.Random}, whose sequence the
 * Java API specifies, in a fixed order (per resample: each fork pair drawn, then its rounds), so
 * the same ratios and seed give the same interval on every JDK. A point of the sorted medians is
 * read by linear interpolation between neighbouring order statistics (Hyndman and Fan's type 7,
 * the default of R and NumPy): the p point of B medians lies at rank (B − 1)·p counted from 0.
 */
public final class PairedBootstrap {

    /** Resamples unless told otherwise. */
    public static final int RESAMPLES = Defaults.PAIRED_BOOTSTRAP_RESAMPLES;

    private PairedBootstrap() {
    }

    /** The 95 % interval ({@link Defaults#PAIRED_CONFIDENCE}) from {@link #RESAMPLES} resamples. */
    public static RatioInterval interval(PairedSample sample, long seed) {
        return interval(sample, seed, RESAMPLES, Defaults.PAIRED_CONFIDENCE);
    }

    /**
     * @param resamples  at least 1
     * @param confidence between 0 and 1, e.g. 0.95
     */
    public static RatioInterval interval(PairedSample sample, long seed, int resamples, double confidence) {
        if (resamples < 1) {
            throw new IllegalArgumentException("a bootstrap needs at least one resample, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie between 0 and 1, got " + confidence);
        }
        List<List<Double>> pairs = sample.ratiosByForkPair();
        int k = pairs.size();
        double[][] byPair = pairs.stream().map(r -> r.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        int largest = Arrays.stream(byPair).mapToInt(r -> r.length).max().orElseThrow();
        double[] drawn = new double[k * largest];
        double[] medians = new double[resamples];
        Random random = new Random(seed);
        for (int b = 0; b < resamples; b++) {
            int n = 0;
            for (int i = 0; i < k; i++) {
                double[] rounds = byPair[random.nextInt(k)];
                for (int j = 0; j < rounds.length; j++) {
                    drawn[n++] = rounds[random.nextInt(rounds.length)];
                }
            }
            medians[b] = median(drawn, n);
        }
        Arrays.sort(medians);
        double tail = (1 - confidence) / 2;
        double[] pooled = sample.pooled();
        return new RatioInterval(median(pooled, pooled.length), point(medians, tail), point(medians, 1 - tail),
                k, sample.rounds(), resamples, seed, confidence);
    }

    /** The median of the first {@code n} values, the mean of the middle two for an even n; sorts them in place. */
    static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        int middle = n / 2;
        return n % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The p point of sorted values: linear between the order statistics around rank (n − 1)·p. */
    static double point(double[] sorted, double p) {
        double rank = (sorted.length - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
