package org.jvmbench.harness.report;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.stats.Latencies;

/**
 * The latency a table shows for a point, over all its repetitions, and how it was obtained. The
 * figures are those every repetition records ({@link LatencySummary}, microseconds); percentiles of
 * several repetitions come from their histograms merged into one and are never averaged. In the
 * page's data the figures sit flat beside {@code method}, as one repetition's do in results.jsonl.
 *
 * @param figures the point's latency: one repetition's own, or read from the merge
 * @param method  how {@code figures} were obtained
 */
public record LatencyFigures(
        @JsonUnwrapped @JsonIgnoreProperties("resolution") LatencySummary figures,
        Method method) {

    public enum Method {
        /** One repetition: the figures it recorded. */
        SINGLE_REPETITION("one repetition"),
        /** Several repetitions: every repetition's histogram merged, percentiles read from the merge. */
        MERGED_HISTOGRAMS("histograms of all repetitions merged"),
        /**
         * Several repetitions, but some histogram missing or unreadable: the median of the repetitions'
         * values, which is a typical repetition's percentile, not a percentile of all requests.
         */
        MEDIAN_OF_REPETITIONS("median of the repetitions' values (a histogram was missing)");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * Which latency of a repetition: from the actual send (every point; the service time of an open
     * point) or, for an open point, from each request's intended send time (its schedule).
     */
    enum Source {
        SENT(PointResult::latency, PointResult::histogram),
        INTENDED(r -> r.open() == null ? null : r.open().intendedLatency(),
                r -> r.open() == null ? null : r.open().intendedHistogram());

        private final Function<PointResult, LatencySummary> summary;
        private final Function<PointResult, String> histogram;

        Source(Function<PointResult, LatencySummary> summary, Function<PointResult, String> histogram) {
            this.summary = summary;
            this.histogram = histogram;
        }

        /** This latency of one repetition, or null when the repetition did not record it. */
        LatencySummary summary(PointResult repetition) {
            return summary.apply(repetition);
        }
    }

    /** Null when no repetition recorded latency. */
    static LatencyFigures of(List<PointResult> repetitions) {
        return of(repetitions, Source.SENT);
    }

    /** Null when no repetition recorded this latency. */
    static LatencyFigures of(List<PointResult> repetitions, Source source) {
        List<PointResult> measured = repetitions.stream().filter(r -> source.summary.apply(r) != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        if (measured.size() == 1) {
            return new LatencyFigures(source.summary.apply(measured.getFirst()), Method.SINGLE_REPETITION);
        }
        Histogram merged = merge(measured, source);
        if (merged != null) {
            return new LatencyFigures(Latencies.summarize(merged), Method.MERGED_HISTOGRAMS);
        }
        List<LatencySummary> all = measured.stream().map(source.summary).toList();
        return new LatencyFigures(new LatencySummary(
                all.stream().mapToLong(LatencySummary::count).sum(),
                median(all, LatencySummary::meanMicros),
                Math.round(median(all, s -> (double) s.p50Micros())),
                Math.round(median(all, s -> (double) s.p90Micros())),
                Math.round(median(all, s -> (double) s.p99Micros())),
                Math.round(median(all, s -> (double) s.p999Micros())),
                all.stream().mapToLong(LatencySummary::maxMicros).max().orElse(0),
                all.getFirst().resolution()), Method.MEDIAN_OF_REPETITIONS);
    }

    /**
     * Any percentile of the repetitions' latency, e.g. an SLO's 99.5: from their merged histograms, or
     * with one repetition and a percentile of the fixed list from its summary; null when neither can say.
     */
    static Long percentile(List<PointResult> repetitions, Source source, double percentile) {
        List<PointResult> measured = repetitions.stream().filter(r -> source.summary.apply(r) != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        Histogram merged = merge(measured, source);
        if (merged != null) {
            return percentile >= 100 ? merged.getMaxValue() : merged.getValueAtPercentile(percentile);
        }
        if (measured.size() == 1) {
            LatencySummary s = source.summary.apply(measured.getFirst());
            if (percentile == 50) {
                return s.p50Micros();
            } else if (percentile == 90) {
                return s.p90Micros();
            } else if (percentile == 99) {
                return s.p99Micros();
            } else if (percentile == 99.9) {
                return s.p999Micros();
            }
        }
        return null;
    }

    /** The repetitions' histograms added into one, or null if any is missing or unreadable. */
    static Histogram merge(List<PointResult> repetitions) {
        return merge(repetitions, Source.SENT);
    }

    static Histogram merge(List<PointResult> repetitions, Source source) {
        return mergeEncoded(repetitions.stream().map(source.histogram).toList());
    }

    /** Encoded histograms added into one, or null if any is missing or unreadable. */
    static Histogram mergeEncoded(List<String> encoded) {
        Histogram merged = null;
        for (String base64 : encoded) {
            Histogram h = decode(base64);
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
            // the caller falls back to the repetitions' own figures and says so
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
