package org.jvmbench.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The stored form of a latency histogram: Base64 of HdrHistogram's compressed encoding, values
 * in microseconds. What the injector sends, what {@code results.jsonl} keeps, and what repeated
 * runs are merged from, so percentiles are never averaged.
 */
public final class Histograms {

    /** Precision of every latency histogram: a recorded value is within 0.1 % of the measured one. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    public static String encode(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /**
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

    /** An empty histogram of the standard precision. */
    public static Histogram empty() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }
}
