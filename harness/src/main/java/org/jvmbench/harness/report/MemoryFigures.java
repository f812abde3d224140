package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jvmbench.harness.result.Footprint;
import org.jvmbench.harness.result.PointResult;

/**
 * A point's memory over its repetitions, each figure summed over the server's JVMs: what the machine
 * paid (RSS, PSS, sampled over the window) beside what the application holds (heap left after
 * the last collection, committed heap, non-heap and threads, as the JVMs reported them right
 * after the point). PSS is the footprint a report ranks by: it is what the JVMs cost the
 * machine, and honest when summed over processes; heap after GC is the live data. RSS and
 * committed heap depend on allocation history and on -Xms, so they say less about a
 * configuration than about what ran in it.
 */
record MemoryFigures(Spread rssBytes, Spread pssBytes, Spread heapUsedAfterGcBytes, Spread heapCommittedBytes,
                     Spread nonHeapUsedBytes, Spread nonHeapCommittedBytes, Spread liveThreads) {

    static MemoryFigures of(List<PointResult> repetitions) {
        List<PointResult> measured = repetitions.stream().filter(PointResult::measured).toList();
        return new MemoryFigures(
                spread(measured, r -> r.resources() == null ? null : (double) r.resources().serverRssBytes()),
                spread(measured, r -> r.resources() == null || r.resources().serverPssBytes() == null ? null
                        : (double) r.resources().serverPssBytes()),
                footprint(measured, Footprint::heapUsedAfterGcBytes),
                footprint(measured, Footprint::heapCommittedBytes),
                footprint(measured, Footprint::nonHeapUsedBytes),
                footprint(measured, Footprint::nonHeapCommittedBytes),
                footprint(measured, f -> (long) f.liveThreads()));
    }

    /** Whether the JVMs reported any of their own figures (results before the footprint was recorded have none). */
    boolean hasFootprint() {
        return heapUsedAfterGcBytes != null;
    }

    private static Spread footprint(List<PointResult> repetitions, Function<Footprint, Long> value) {
        return spread(repetitions, r -> r.footprint() == null ? null : (double) value.apply(r.footprint()));
    }

    private static Spread spread(List<PointResult> repetitions, Function<PointResult, Double> value) {
        List<Double> values = new ArrayList<>();
        for (PointResult r : repetitions) {
            values.add(value.apply(r));
        }
        return Spread.of(values);
    }
}
