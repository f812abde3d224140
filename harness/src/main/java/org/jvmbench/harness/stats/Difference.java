package org.jvmbench.harness.stats;

import java.util.Locale;

/**
 * The words a ratio interval earns: which side is better and by how much, no difference worth
 * naming, or that the run cannot tell. A winner is named only when the interval leaves out 1.0
 * (no change); the threshold only decides between the two ways of naming none.
 *
 * <p>The rules, for an interval of B/A at confidence C (95 % below):
 * <ul>
 *   <li><b>one fork pair</b>: "cannot tell from one fork pair (JVMs differ from fork to fork): its
 *       rounds' 95 % CI −1.2 to +0.8 %", whatever the interval: it speaks for two JVMs, not for
 *       the configurations;</li>
 *   <li><b>the interval leaves out 1</b>: B is better or worse as {@code direction} reads the side
 *       of 1 it lies on — "B is 12 % faster than A (95 % CI 9–15 %)", "B is 8 % slower than A
 *       (95 % CI 5–11 %)". The first figure is the median ratio's distance from 1, the range
 *       the interval's nearer and farther bounds' distances from 1; every figure is the change of
 *       the measured figure itself (a latency ratio of 0.88 is "12 % faster"). Should the median
 *       fall on the other side of 1 than the interval, its figure is shown negative;</li>
 *   <li><b>the interval holds 1 and lies within ±threshold</b> (its farthest point from 1 at most
 *       the threshold): "no difference beyond ±3 %", the farthest point from 1 rounded up to a
 *       whole percent, so the figure stays a bound the interval supports;</li>
 *   <li><b>the interval holds 1 and reaches beyond ±threshold</b>: "cannot tell: 95 % CI −4.2 to
 *       +6.3 %", the bounds as signed changes of B against A.</li>
 * </ul>
 * Figures are percentages with a space before "%"; whole percents when any figure of the
 * sentence reaches 10 %, else one decimal, so "1.2–2.8 %" does not read "1–3 %". Ranges take an
 * en dash; signed figures a Unicode minus ("−") and plus, zero none.
 *
 * @param interval  the ratio B/A and its interval
 * @param direction whether a higher ratio favours B (throughput) or a lower one (latency)
 * @param threshold the relative difference within which an interval holding 1 is no difference, e.g. 0.03
 */
public record Difference(RatioInterval interval, Direction direction, double threshold) {

    /** What the interval says of B against A. */
    public enum Outcome {
        /** The interval leaves out 1 on B's better side. */
        B_BETTER,
        /** The interval leaves out 1 on B's worse side. */
        B_WORSE,
        /** The interval holds 1 and lies within ±threshold. */
        NO_DIFFERENCE,
        /** The interval holds 1 and reaches beyond ±threshold. */
        CANNOT_TELL
    }

    /** Ratios computed from percentages (1.03 − 1) miss the exact threshold by an ulp or so. */
    private static final double EPSILON = 1e-12;

    public Difference {
        if (interval == null || direction == null) {
            throw new IllegalArgumentException("a difference needs an interval and a direction");
        }
        checkThreshold(threshold);
    }

    public static Difference of(RatioInterval interval, Direction direction, double threshold) {
        return new Difference(interval, direction, threshold);
    }

    public Outcome outcome() {
        if (!interval.acrossForks()) {
            return Outcome.CANNOT_TELL;
        }
        if (interval.excludesOne()) {
            return direction.favoursB(interval.low()) ? Outcome.B_BETTER : Outcome.B_WORSE;
        }
        return interval.farthestFromOne() <= threshold + EPSILON ? Outcome.NO_DIFFERENCE : Outcome.CANNOT_TELL;
    }

    /** Whether the words name a better side: only when the interval leaves out 1.0 across fork pairs. */
    public boolean winnerNamed() {
        return interval.acrossForks() && interval.excludesOne();
    }

    /**
     * The regression gate: whether the whole interval lies beyond {@code threshold} on B's worse
     * side — for throughput every bound below 1 − threshold, for latency every bound above
     * 1 + threshold. A bound exactly at the threshold is not beyond it.
     */
    public boolean beyond(double threshold) {
        checkThreshold(threshold);
        return direction == Direction.HIGHER_IS_BETTER
                ? interval.high() < 1 - threshold - EPSILON
                : interval.low() > 1 + threshold + EPSILON;
    }

    /** The verdict in words, "faster" and "slower" naming the better and worse side. */
    public String words(String a, String b) {
        return words(a, b, "faster", "slower");
    }

    /**
     * The verdict in words with the caller's words for better and worse ("lower", "higher" for a
     * p99 named in {@code b}: "B's p99 is 12 % lower than A's").
     */
    public String words(String a, String b, String better, String worse) {
        String ci = confidence() + " % CI ";
        return switch (outcome()) {
            case B_BETTER, B_WORSE -> {
                boolean above = interval.low() > 1;
                double median = above ? interval.median() - 1 : 1 - interval.median();
                double near = above ? interval.low() - 1 : 1 - interval.high();
                double far = above ? interval.high() - 1 : 1 - interval.low();
                boolean whole = wholePercents(median, near, far);
                yield b + " is " + signed(median, whole, false) + " % " + (outcome() == Outcome.B_BETTER ? better : worse)
                        + " than " + a + " (" + ci + signed(near, whole, false) + "–" + signed(far, whole, false) + " %)";
            }
            case NO_DIFFERENCE -> "no difference beyond ±" + (long) Math.ceil(interval.farthestFromOne() * 100 - 1e-9) + " %";
            case CANNOT_TELL -> {
                double low = interval.low() - 1;
                double high = interval.high() - 1;
                boolean whole = wholePercents(low, high);
                yield (interval.acrossForks() ? "cannot tell: " : "cannot tell from one fork pair (JVMs differ from fork to fork): "
                        + "its rounds' ") + ci + signed(low, whole, true) + " to " + signed(high, whole, true) + " %";
            }
        };
    }

    /** The interval's confidence as a percentage: "95", "99.5". */
    private String confidence() {
        double percent = Math.round(interval.confidence() * 1000) / 10.0;
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    /** Whole percents when any figure, at one decimal, reaches 10 %. */
    private static boolean wholePercents(double... changes) {
        for (double c : changes) {
            if (Math.round(Math.abs(c) * 1000) >= 100) {
                return true;
            }
        }
        return false;
    }

    /** A relative change as a percentage without "%": a minus when negative, a plus too when asked, none on zero. */
    private static String signed(double change, boolean whole, boolean plus) {
        String digits = String.format(Locale.ROOT, whole ? "%.0f" : "%.1f", Math.abs(change) * 100);
        if (digits.matches("0(\\.0)?")) {
            return digits;
        }
        return (change < 0 ? "−" : plus ? "+" : "") + digits;
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("a threshold is a relative difference from 0 to below 1, got " + threshold);
        }
    }
}
