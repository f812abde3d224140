package org.jvmbench.harness.report;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointResult;

/**
 * The latency a table shows for a point, over all its runs, in microseconds, and how it was
 * obtained. Percentiles of several runs come from their histograms merged into one; they are
 * never averaged.
 */
public record LatencyFigures(
        long count,
        double meanMicros,
        long p50Micros,
        long p90Micros,
        long p99Micros,
        long p999Micros,
        long maxMicros,
        Method method) {

    public enum Method {
        /** One run: the figures it recorded. */
        SINGLE_RUN("one run"),
        /** Several runs: every run's histogram merged, percentiles read from the merge. */
        MERGED_HISTOGRAMS("histograms of all runs merged"),
        /**
         * Several runs, but some histogram missing or unreadable: the median of the runs'
         * values, which is a typical run's percentile, not a percentile of all requests.
         */
        MEDIAN_OF_RUNS("median of the runs' values (a histogram was missing)");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Null when no run recorded latency. */
    static LatencyFigures of(List<PointResult> runs) {
        List<PointResult> measured = runs.stream().filter(r -> r.latency() != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        if (measured.size() == 1) {
            LatencySummary s = measured.get(0).latency();
            return new LatencyFigures(s.count(), s.meanMicros(), s.p50Micros(), s.p90Micros(), s.p99Micros(),
                    s.p999Micros(), s.maxMicros(), Method.SINGLE_RUN);
        }
        Histogram merged = merge(measured);
        if (merged != null) {
            return new LatencyFigures(merged.getTotalCount(), merged.getMean(),
                    merged.getValueAtPercentile(50), merged.getValueAtPercentile(90),
                    merged.getValueAtPercentile(99), merged.getValueAtPercentile(99.9),
                    merged.getMaxValue(), Method.MERGED_HISTOGRAMS);
        }
        List<LatencySummary> all = measured.stream().map(PointResult::latency).toList();
        return new LatencyFigures(
                all.stream().mapToLong(LatencySummary::count).sum(),
                median(all, LatencySummary::meanMicros),
                Math.round(median(all, s -> (double) s.p50Micros())),
                Math.round(median(all, s -> (double) s.p90Micros())),
                Math.round(median(all, s -> (double) s.p99Micros())),
                Math.round(median(all, s -> (double) s.p999Micros())),
                all.stream().mapToLong(LatencySummary::maxMicros).max().orElse(0),
                Method.MEDIAN_OF_RUNS);
    }

    /** The runs' histograms added into one, or null if any is missing or unreadable. */
    static Histogram merge(List<PointResult> runs) {
        Histogram merged = null;
        for (PointResult run : runs) {
            Histogram h = decode(run.histogram());
            if (h == null) {
                return null;
            }
            if (merged == null) {
                merged = new Histogram(h.getNumberOfSignificantValueDigits());
                merged.setAutoResize(true);
            }
            merged.add(h);
        }
        return merged;
    }

    static Histogram decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
            return Histogram.decodeFromCompressedByteBuffer(buffer, 0);
        } catch (DataFormatException | RuntimeException e) {
            // not Base64, cut short or not a histogram (decoding throws underflows and the like):
            // the caller falls back to the runs' own figures and says so
            return null;
        }
    }

    private static double median(List<LatencySummary> all, Function<LatencySummary, Double> value) {
        List<Double> values = new ArrayList<>();
        for (LatencySummary s : all) {
            values.add(value.apply(s));
        }
        return Spread.of(values).median();
    }
}
