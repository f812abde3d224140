package org.jvmbench.harness.stats;

import java.util.Arrays;

/**
 * The Mann–Whitney U test (Wilcoxon rank-sum) of two sets of repetitions: are the values of one
 * side systematically larger than the other's, without assuming any distribution? Few runs
 * are the rule here, so the p-value is exact: every way of splitting the pooled values into
 * two groups of the same sizes is counted (ties share their mean rank). Above
 * {@link #EXACT_LIMIT} pooled values the normal approximation with tie correction is used.
 *
 * @param u             U of the first sample: pairs (a, b) with a > b, ties counting one half
 * @param pValue        two-sided
 * @param smallestP     the smallest two-sided p-value these sample sizes can give at all: with
 *                      3 runs a side it is 0.10, so "not significant at 5 %" says nothing then
 * @param exact         whether the p-value was counted rather than approximated
 */
public record MannWhitney(double u, double pValue, double smallestP, boolean exact, int n, int m) {

    /** Pooled values up to which the p-value is counted exactly (C(20, 10) = 184,756 splits). */
    public static final int EXACT_LIMIT = 20;

    public static MannWhitney test(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("each side needs at least one value, got " + n + " and " + m);
        }
        double[] pooled = new double[n + m];
        System.arraycopy(a, 0, pooled, 0, n);
        System.arraycopy(b, 0, pooled, n, m);
        double[] ranks = midRanks(pooled);
        double rankSumA = 0;
        for (int i = 0; i < n; i++) {
            rankSumA += ranks[i];
        }
        double u = rankSumA - n * (n + 1) / 2.0;
        double expected = n * m / 2.0;
        if (n + m <= EXACT_LIMIT) {
            return exact(ranks, n, m, u, expected);
        }
        return approximate(ranks, n, m, u, expected);
    }

    /** Counts the splits whose rank sum lies at least as far from its mean as the observed one. */
    private static MannWhitney exact(double[] ranks, int n, int m, double u, double expected) {
        double observed = Math.abs(u - expected);
        long[] counts = new long[2];
        int total = n + m;
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = i;
        }
        while (true) {
            double sum = 0;
            for (int index : chosen) {
                sum += ranks[index];
            }
            double splitU = sum - n * (n + 1) / 2.0;
            counts[0]++;
            if (Math.abs(splitU - expected) >= observed - 1e-9) {
                counts[1]++;
            }
            int i = n - 1;
            while (i >= 0 && chosen[i] == total - n + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            chosen[i]++;
            for (int j = i + 1; j < n; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
        double smallest = Math.min(1.0, 2.0 / counts[0]);
        return new MannWhitney(u, (double) counts[1] / counts[0], smallest, true, n, m);
    }

    private static MannWhitney approximate(double[] ranks, int n, int m, double u, double expected) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double tieTerm = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }
        int total = n + m;
        double variance = n * m / 12.0 * ((total + 1) - tieTerm / (total * (total - 1.0)));
        double z = variance <= 0 ? 0 : (Math.abs(u - expected) - 0.5) / Math.sqrt(variance);
        double p = Math.min(1.0, 2 * (1 - normalCdf(Math.max(0, z))));
        return new MannWhitney(u, p, 0, false, n, m);
    }

    /** Ranks 1..N of the values, ties sharing the mean of the ranks they span. */
    static double[] midRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && values[order[j]] == values[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                ranks[order[k]] = rank;
            }
            i = j;
        }
        return ranks;
    }

    /** Standard normal CDF (Zelen and Severo's approximation, error below 7.5e-8). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - p : p;
    }
}
