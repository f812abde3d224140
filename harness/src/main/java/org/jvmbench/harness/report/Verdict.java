package org.jvmbench.harness.report;

/**
 * What a relative difference between two runs of a point is worth. The threshold decides
 * whether there is a change at all; the runs' spread decides whether it is more than noise.
 */
public enum Verdict {
    /** Smaller than the threshold: no change worth reporting. */
    WITHIN_THRESHOLD("no change"),
    /** Above the threshold and the runs' min–max ranges do not overlap: a real difference. */
    BEYOND_SPREAD("beyond spread"),
    /** Above the threshold, but the runs' ranges overlap: it may be run-to-run noise. */
    WITHIN_SPREAD("within spread"),
    /** Above the threshold, but a side has a single run: no spread to judge it by. */
    SINGLE_RUN("single run");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * @param value          the compared side's figure
     * @param baseline       the first side's figure
     * @param valueRuns      the compared side's per-run values
     * @param baselineRuns   the first side's per-run values
     */
    static Verdict of(double value, double baseline, Spread valueRuns, Spread baselineRuns, double threshold) {
        if (Math.abs(value / baseline - 1) < threshold) {
            return WITHIN_THRESHOLD;
        }
        if (valueRuns == null || baselineRuns == null || valueRuns.singleRun() || baselineRuns.singleRun()) {
            return SINGLE_RUN;
        }
        return valueRuns.overlaps(baselineRuns) ? WITHIN_SPREAD : BEYOND_SPREAD;
    }
}
