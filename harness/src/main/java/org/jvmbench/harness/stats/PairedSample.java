package org.jvmbench.harness.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * One paired comparison's evidence: for each fork pair, the per-round ratios B/A (same round,
 * same load). A fork pair is one fresh JVM of A against one of B; its rounds are the slices in
 * which both were measured under the same load, so each ratio has the machine's drift on both
 * sides. Kept by fork pair because JVMs differ from one fork to the next (JIT outcomes): the
 * interval takes the fork pair as its unit ({@link PairedInterval}), so that difference is counted in it.
 *
 * @param ratiosByForkPair per fork pair, its rounds' ratios B/A in round order; fork pairs may
 *                         have different numbers of rounds (an arm that died early keeps what it
 *                         measured)
 */
public record PairedSample(List<List<Double>> ratiosByForkPair) {

    public PairedSample {
        if (ratiosByForkPair == null || ratiosByForkPair.isEmpty()) {
            throw new IllegalArgumentException("a paired sample needs at least one fork pair");
        }
        List<List<Double>> copy = new ArrayList<>(ratiosByForkPair.size());
        for (int i = 0; i < ratiosByForkPair.size(); i++) {
            List<Double> rounds = ratiosByForkPair.get(i);
            if (rounds == null || rounds.isEmpty()) {
                throw new IllegalArgumentException("fork pair " + (i + 1) + " has no rounds");
            }
            for (int r = 0; r < rounds.size(); r++) {
                Double ratio = rounds.get(r);
                // a zero or infinite ratio is a side that served nothing: no ratio, a failed slice
                if (ratio == null || !Double.isFinite(ratio) || ratio <= 0) {
                    throw new IllegalArgumentException("fork pair " + (i + 1) + ", round " + (r + 1)
                            + ": a ratio must be positive and finite, got " + ratio);
                }
            }
            copy.add(List.copyOf(rounds));
        }
        ratiosByForkPair = List.copyOf(copy);
    }

    /** A sample of one fork pair (a single JVM a side), e.g. a quick A/B. */
    public static PairedSample ofOneForkPair(List<Double> ratios) {
        return new PairedSample(List.of(ratios));
    }

    public int forkPairs() {
        return ratiosByForkPair.size();
    }

    /** Every fork pair's rounds together: the number of ratios. */
    public int rounds() {
        return ratiosByForkPair.stream().mapToInt(List::size).sum();
    }

    /** Every ratio, fork pair after fork pair. */
    public double[] pooled() {
        return ratiosByForkPair.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }
}
