package org.jvmbench.harness.report;

import java.util.List;
import java.util.function.ToLongFunction;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointResult;

/**
 * How far a point's latency percentiles moved from run to run: each run's own percentile (read
 * from its own histogram), their median and range. The table's percentiles stay those of the repetitions'
 * merged histograms ({@link LatencyFigures}); these only draw the charts' error bars, and are never
 * combined into a percentile.
 */
public record PercentileRanges(Spread p50Micros, Spread p90Micros, Spread p99Micros, Spread p999Micros, Spread maxMicros) {

    /** Null below two repetitions with this latency: one repetition has no range. */
    static PercentileRanges of(List<PointResult> repetitions, LatencyFigures.Source source) {
        List<LatencySummary> measured = repetitions.stream().map(source::summary).filter(s -> s != null).toList();
        if (measured.size() < 2) {
            return null;
        }
        return new PercentileRanges(over(measured, LatencySummary::p50Micros), over(measured, LatencySummary::p90Micros),
                over(measured, LatencySummary::p99Micros), over(measured, LatencySummary::p999Micros),
                over(measured, LatencySummary::maxMicros));
    }

    private static Spread over(List<LatencySummary> repetitions, ToLongFunction<LatencySummary> percentile) {
        return Spread.of(repetitions.stream().map(s -> (double) percentile.applyAsLong(s)).toList());
    }
}
