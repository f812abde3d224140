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

    /** 2: steadiness, warm-up, startup, footprint, calibration, the injector's ceiling and open loads; series on wall-clock seconds. */
    public static final int SCHEMA_VERSION = 2;

    /** A point of this schema, built by name; what is not set was not recorded (null; no flags). */
    public static Builder builder(String id, PointKey key, int repetition) {
        return new Builder(id, key, repetition);
    }

    /** This point, to be changed by name. */
    public Builder toBuilder() {
        return new Builder(id, key, repetition).schema(schema).window(start, end).throughput(throughput).latency(latency)
                .resources(resources).counts(counts).flags(flags).series(series).histogram(histogram).files(files)
                .stability(stability).warmUp(warmUp).startup(startup).footprint(footprint)
                .calibrationOpsPerSecond(calibrationOpsPerSecond).injectorCeilingRps(injectorCeilingRps).open(open)
                .notes(notes).injectors(injectors).slices(slices);
    }

    /** This point with other flags. */
    public PointResult withFlags(List<Flag> newFlags) {
        return toBuilder().flags(List.copyOf(newFlags)).build();
    }

    /** This point with its paired slices. */
    public PointResult withSlices(List<Slice> newSlices) {
        return toBuilder().slices(newSlices).build();
    }

    /** Whether it was measured at all: a point cut short before its window has no latency. */
    public boolean measured() {
        return latency != null && throughput != null && throughput.requests() > 0;
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** Builds a {@link PointResult} by the names of its components, so no call site counts positions. */
    public static final class Builder {
        private final String id;
        private final PointKey key;
        private final int repetition;
        private int schema = SCHEMA_VERSION;
        private Instant start;
        private Instant end;
        private Throughput throughput;
        private LatencySummary latency;
        private ResourceUsage resources;
        private Reconciliation counts;
        private List<Flag> flags = List.of();
        private Series series;
        private String histogram;
        private Map<String, String> files;
        private Stability stability;
        private WarmUp warmUp;
        private Startup startup;
        private Footprint footprint;
        private Double calibrationOpsPerSecond;
        private Double injectorCeilingRps;
        private OpenLoad open;
        private List<String> notes;
        private List<InjectorShare> injectors;
        private List<Slice> slices;

        private Builder(String id, PointKey key, int repetition) {
            this.id = id;
            this.key = key;
            this.repetition = repetition;
        }

        public Builder schema(int value) {
            schema = value;
            return this;
        }

        /** The measured window: first request sent, last response received. */
        public Builder window(Instant windowStart, Instant windowEnd) {
            start = windowStart;
            end = windowEnd;
            return this;
        }

        public Builder throughput(Throughput value) {
            throughput = value;
            return this;
        }

        public Builder latency(LatencySummary value) {
            latency = value;
            return this;
        }

        public Builder resources(ResourceUsage value) {
            resources = value;
            return this;
        }

        public Builder counts(Reconciliation value) {
            counts = value;
            return this;
        }

        public Builder flags(List<Flag> value) {
            flags = value;
            return this;
        }

        public Builder series(Series value) {
            series = value;
            return this;
        }

        public Builder histogram(String value) {
            histogram = value;
            return this;
        }

        public Builder files(Map<String, String> value) {
            files = value;
            return this;
        }

        public Builder stability(Stability value) {
            stability = value;
            return this;
        }

        public Builder warmUp(WarmUp value) {
            warmUp = value;
            return this;
        }

        public Builder startup(Startup value) {
            startup = value;
            return this;
        }

        public Builder footprint(Footprint value) {
            footprint = value;
            return this;
        }

        public Builder calibrationOpsPerSecond(Double value) {
            calibrationOpsPerSecond = value;
            return this;
        }

        public Builder injectorCeilingRps(Double value) {
            injectorCeilingRps = value;
            return this;
        }

        public Builder open(OpenLoad value) {
            open = value;
            return this;
        }

        public Builder notes(List<String> value) {
            notes = value;
            return this;
        }

        public Builder injectors(List<InjectorShare> value) {
            injectors = value;
            return this;
        }

        public Builder slices(List<Slice> value) {
            slices = value;
            return this;
        }

        public PointResult build() {
            return new PointResult(schema, id, key, repetition, start, end, throughput, latency, resources, counts, flags,
                    series, histogram, files, stability, warmUp, startup, footprint, calibrationOpsPerSecond,
                    injectorCeilingRps, open, notes, injectors, slices);
        }
    }
}
