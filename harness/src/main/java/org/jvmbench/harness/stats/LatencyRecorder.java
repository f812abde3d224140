package org.jvmbench.harness.stats;

import java.util.Collection;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.protocol.Histograms;

/**
 * Collects latencies in microseconds, recorded one by one or merged from stored histograms of
 * repetitions. Merging is how repetitions combine: percentiles of the merge are the
 * percentiles of all requests, which no average of per-repetition percentiles gives.
 * Mutable and not thread-safe; {@link #summary()} is the immutable result.
 */
public final class LatencyRecorder {


    /** Auto-resizing, so a merge never fails on a value larger than any seen before. */
    private final Histogram micros = new Histogram(Histograms.SIGNIFICANT_DIGITS);

    /** The coarsest precision merged in: the merge is no more precise than its inputs. */
    private int significantDigits = Histograms.SIGNIFICANT_DIGITS;

    /** A recorder holding the merge of the given stored histograms. */
    public static LatencyRecorder of(Collection<String> base64Histograms) {
        LatencyRecorder recorder = new LatencyRecorder();
        base64Histograms.forEach(recorder::merge);
        return recorder;
    }

    public LatencyRecorder recordMicros(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("negative latency: " + micros + " µs");
        }
        this.micros.recordValue(micros);
        return this;
    }

    /** Adds every value of a stored histogram ({@link Histograms#decode}). */
    public LatencyRecorder merge(String base64Histogram) {
        return merge(Histograms.decode(base64Histogram));
    }

    public LatencyRecorder merge(LatencyRecorder other) {
        significantDigits = Math.min(significantDigits, other.significantDigits);
        micros.add(other.micros);
        return this;
    }

    public LatencyRecorder merge(AbstractHistogram histogram) {
        significantDigits = Math.min(significantDigits, histogram.getNumberOfSignificantValueDigits());
        micros.add(histogram);
        return this;
    }

    public long count() {
        return micros.getTotalCount();
    }

    public LatencySummary summary() {
        return Latencies.summarize(micros, significantDigits);
    }

    /** The stored form of everything recorded and merged so far. */
    public String toBase64() {
        return Histograms.encode(micros);
    }
}
