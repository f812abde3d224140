package org.jvmbench.harness.report;

import java.util.List;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.stats.MannWhitney;

/**
 * What a relative difference between two sides of a point is worth. Trust comes first: a side
 * with a flag is not judged, nor a profiled side against an unprofiled one. Then the threshold
 * decides whether there is a change at all; then the repetitions: below {@link Defaults#COMPARE_MIN_REPETITIONS}
 * a side there are not enough to tell a difference from noise, and from there the Mann–Whitney
 * test over the repetitions' values decides. Only a p at or below alpha names a better side: every repetition
 * of one side beyond every repetition of the other is inconclusive when so few repetitions cannot give a
 * smaller p (3 against 3: 0.10), as a confidence interval that contains no-change names no winner.
 */
public enum Verdict {
    /** A side carries a flag other than PROFILED: its figures are not compared as if clean. */
    FLAGGED("flagged: not judged"),
    /** One side ran with a profiler and the other without: the profiler's cost is in the difference. */
    PROFILED_ONE_SIDE("profiled on one side only: not judged"),
    /** Smaller than the threshold: no change worth reporting. */
    WITHIN_THRESHOLD("no change"),
    /** Above the threshold, but a side has fewer repetitions than a test needs. */
    NOT_ENOUGH_REPETITIONS("not enough repetitions"),
    /** Above the threshold and the test's p at or below alpha: a real difference. */
    SIGNIFICANT("significant"),
    /**
     * Above the threshold, every repetition of one side beyond every repetition of the other, yet p above
     * alpha because so few repetitions cannot give a smaller one (3 against 3: 0.10 at best). Inconclusive,
     * not a win: one time in ten, two identical sides of 3 repetitions land fully apart by chance.
     */
    ALL_REPETITIONS_APART("inconclusive: all repetitions apart"),
    /** Above the threshold, but the runs overlap: it may be run-to-run noise. */
    MAY_BE_NOISE("may be noise");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether this verdict says which side is better: only a test at or below alpha does. */
    boolean judged() {
        return this == SIGNIFICANT;
    }

    /**
     * One side of a comparison as the verdict needs it.
     *
     * @param values   the figure of each measured repetition
     * @param flagged  a repetition carries a flag other than PROFILED
     * @param profiled a run ran with a profiler attached
     */
    record Side(List<Double> values, boolean flagged, boolean profiled) {
    }

    /**
     * @param pValue    the test's two-sided p, null when no test ran
     * @param smallestP the smallest p these run counts can give, null when no test ran
     * @param text      the verdict in words with its numbers: {@code inconclusive: all repetitions apart, p = 0.10, the least 3 vs 3 repetitions allow}
     */
    record Judgement(Verdict verdict, Double pValue, Double smallestP, String text) {
    }

    /**
     * @param value     the compared side's figure (its median, or its merged percentile)
     * @param baseline  the first side's figure
     * @param threshold relative difference under which there is no change
     */
    static Judgement judge(double value, double baseline, Side side, Side base, double threshold) {
        return judge(value, baseline, side, base, threshold, Defaults.COMPARE_ALPHA, Defaults.COMPARE_MIN_REPETITIONS);
    }

    static Judgement judge(double value, double baseline, Side side, Side base, double threshold, double alpha,
                           int minRepetitions) {
        if (side.flagged() || base.flagged()) {
            return plain(FLAGGED);
        }
        if (side.profiled() != base.profiled()) {
            return plain(PROFILED_ONE_SIDE);
        }
        if (Math.abs(value / baseline - 1) < threshold) {
            return plain(WITHIN_THRESHOLD);
        }
        int n = side.values().size();
        int m = base.values().size();
        if (n < minRepetitions || m < minRepetitions) {
            return new Judgement(NOT_ENOUGH_REPETITIONS, null, null,
                    NOT_ENOUGH_REPETITIONS.text + ": " + m + " vs " + n + ", a test needs " + minRepetitions + " a side");
        }
        MannWhitney test = MannWhitney.test(side.values().stream().mapToDouble(Double::doubleValue).toArray(),
                base.values().stream().mapToDouble(Double::doubleValue).toArray());
        String p = "p = " + Units.pValue(test.pValue());
        if (test.pValue() <= alpha) {
            return new Judgement(SIGNIFICANT, test.pValue(), test.smallestP(), SIGNIFICANT.text + ", " + p);
        }
        if (test.exact() && test.pValue() <= test.smallestP() + 1e-12) {
            return new Judgement(ALL_REPETITIONS_APART, test.pValue(), test.smallestP(), ALL_REPETITIONS_APART.text + ", " + p
                    + ", the least " + m + " vs " + n + " repetitions allow");
        }
        return new Judgement(MAY_BE_NOISE, test.pValue(), test.smallestP(), MAY_BE_NOISE.text + ", " + p);
    }

    private static Judgement plain(Verdict verdict) {
        return new Judgement(verdict, null, null, verdict.text);
    }
}
