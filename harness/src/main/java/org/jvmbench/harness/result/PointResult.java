package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One measured point: one server configuration, one endpoint, one concurrency, one
 * repetition. One line of {@code results.jsonl}, written whole when the point completes.
 * Primary results (throughput, latency) are kept apart from secondary ones (resources).
 *
 * @param schema      {@link #SCHEMA_VERSION} of the line
 * @param id          {@link PointKey#id()} plus {@code -r<repetition>}
 * @param histogram   the latency histogram (microseconds), HdrHistogram's compressed form in
 *                    Base64, so repetitions merge without averaging percentiles
 * @param files       paths relative to the sweep folder: {@code gatlingReport}, {@code serverLog}, {@code samples}
 * @param stability   how steady the window was, from its own full seconds and the server's counters
 * @param warmUp      the warm-up of this point's endpoint before it, in the same fork
 * @param startup     how the fork's JVMs started: time to the first answer and memory then
 * @param footprint   heap after GC, committed heap, non-heap and threads, as the server reported them after the point
 * @param calibrationOpsPerSecond the machine's fixed CPU calibration on the server's CPUs at the start of the sweep
 * @param injectorCeilingRps what the same injector reached against a minimal server at this load, or null
 * @param open        an open-model point's schedule and latency from intended send time; null for a closed one
 * @param notes       what could not be established for this point and is said instead of guessed (a server
 *                    without request counts: no reconciliation); null when there is nothing to say
 * @param injectors   each injector's own part of a point driven from several hosts; null with one injector
 * @param slices      a paired point's slices, one per round, in round order; null for a point of the
 *                    sequential design, measured in one window
 */
public record PointResult(
        int schema,
        String id,
        PointKey key,
        int repetition,
        Instant start,
        Instant end,
        Throughput throughput,
        LatencySummary latency,
        ResourceUsage resources,
        Reconciliation counts,
        List<Flag> flags,
        Series series,
        String histogram,
        Map<String, String> files,
        Stability stability,
        WarmUp warmUp,
        Startup startup,
        Footprint footprint,
        Double calibrationOpsPerSecond,
        Double injectorCeilingRps,
        OpenLoad open,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<InjectorShare> injectors,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Slice> slices) {

    @JsonCreator
    public PointResult {
        injectors = injectors == null || injectors.isEmpty() ? null : List.copyOf(injectors);
        slices = slices == null || slices.isEmpty() ? null : List.copyOf(slices);
    }

    /** A point of the sequential design: one window, no slices. */
    public PointResult(int schema, String id, PointKey key, int repetition, Instant start, Instant end, Throughput throughput,
                       LatencySummary latency, ResourceUsage resources, Reconciliation counts, List<Flag> flags, Series series,
                       String histogram, Map<String, String> files, Stability stability, WarmUp warmUp, Startup startup,
                       Footprint footprint, Double calibrationOpsPerSecond, Double injectorCeilingRps, OpenLoad open,
                       List<String> notes, List<InjectorShare> injectors) {
        this(schema, id, key, repetition, start, end, throughput, latency, resources, counts, flags, series, histogram, files,
                stability, warmUp, startup, footprint, calibrationOpsPerSecond, injectorCeilingRps, open, notes, injectors, null);
    }

    /** A point of one injector, as every point was before several hosts. */
    public PointResult(int schema, String id, PointKey key, int repetition, Instant start, Instant end, Throughput throughput,
                       LatencySummary latency, ResourceUsage resources, Reconciliation counts, List<Flag> flags, Series series,
                       String histogram, Map<String, String> files, Stability stability, WarmUp warmUp, Startup startup,
                       Footprint footprint, Double calibrationOpsPerSecond, Double injectorCeilingRps, OpenLoad open, List<String> notes) {
        this(schema, id, key, repetition, start, end, throughput, latency, resources, counts, flags, series, histogram, files,
                stability, warmUp, startup, footprint, calibrationOpsPerSecond, injectorCeilingRps, open, notes, null);
    }

    /** 2: steadiness, warm-up, startup, footprint, calibration, the injector's ceiling and open loads; series on wall-clock seconds. */
    public static final int SCHEMA_VERSION = 2;

    /** A point as schema 1 recorded it, without the evidence of steadiness. */
    public PointResult(int schema, String id, PointKey key, int repetition, Instant start, Instant end, Throughput throughput,
                       LatencySummary latency, ResourceUsage resources, Reconciliation counts, List<Flag> flags,
                       Series series, String histogram, Map<String, String> files) {
        this(schema, id, key, repetition, start, end, throughput, latency, resources, counts, flags, series, histogram,
                files, null, null, null, null, null, null, null, null);
    }

    /** This point with other flags. */
    public PointResult withFlags(List<Flag> newFlags) {
        return new PointResult(schema, id, key, repetition, start, end, throughput, latency, resources, counts,
                List.copyOf(newFlags), series, histogram, files, stability, warmUp, startup, footprint,
                calibrationOpsPerSecond, injectorCeilingRps, open, notes, injectors, slices);
    }

    /** This point with its paired slices. */
    public PointResult withSlices(List<Slice> newSlices) {
        return new PointResult(schema, id, key, repetition, start, end, throughput, latency, resources, counts, flags, series,
                histogram, files, stability, warmUp, startup, footprint, calibrationOpsPerSecond, injectorCeilingRps, open, notes,
                injectors, newSlices);
    }

    /** Whether it was measured at all: a point cut short before its window has no latency. */
    public boolean measured() {
        return latency != null && throughput != null && throughput.requests() > 0;
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
