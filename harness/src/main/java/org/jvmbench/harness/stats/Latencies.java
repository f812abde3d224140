package org.jvmbench.harness.stats;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.result.LatencySummary;

/**
 * The stored form of latency histograms and their fixed summary. Histograms travel as
 * {@code Base64(histogram.encodeIntoCompressedByteBuffer(...))} of values in microseconds:
 * what the injector writes and what {@code results.jsonl} keeps.
 */
public final class Latencies {

    private Latencies() {
    }

    /**
     * Decodes a histogram written by the injector or by {@link #encode}.
     *
     * @throws IllegalArgumentException if the text is not Base64 of a compressed HdrHistogram
     */
    public static Histogram decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("latency histogram is not Base64: " + e.getMessage(), e);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("latency histogram is not a compressed HdrHistogram ("
                    + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    public static String encode(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
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
