package org.jvmbench.harness.stats;

import java.math.BigDecimal;

import org.HdrHistogram.AbstractHistogram;
import org.jvmbench.harness.result.LatencySummary;

/**
 * The fixed summary of a latency histogram (microseconds). Histograms are stored and sent in
 * the form {@link org.jvmbench.protocol.Histograms} encodes.
 */
public final class Latencies {

    private Latencies() {
    }

    /** The fixed list of figures every point reports, read from a histogram of microseconds. */
    public static LatencySummary summarize(AbstractHistogram micros) {
        return summarize(micros, micros.getNumberOfSignificantValueDigits());
    }

    static LatencySummary summarize(AbstractHistogram micros, int significantDigits) {
        return new LatencySummary(
                micros.getTotalCount(),
                micros.getMean(),
                micros.getValueAtPercentile(50.0),
                micros.getValueAtPercentile(90.0),
                micros.getValueAtPercentile(99.0),
                micros.getValueAtPercentile(99.9),
                micros.getMaxValue(),
                resolution(significantDigits));
    }

    /**
     * How the figures were measured, stated beside them: d significant digits keep every
     * value within 10^-d of the truth (HdrHistogram's guarantee, in fact slightly better).
     */
    public static String resolution(int significantDigits) {
        String percent = BigDecimal.ONE.movePointLeft(significantDigits - 2).toPlainString();
        return "µs, HdrHistogram " + significantDigits + " significant digits (≤" + percent
                + " % relative error); client-side, includes Gatling per-request overhead";
    }
}
