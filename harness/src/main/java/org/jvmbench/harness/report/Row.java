package org.jvmbench.harness.report;

import java.util.List;
import java.util.OptionalDouble;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.LoadLevel;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;

/**
 * One line of a results table: one point, all its repetitions. Serialized as is into the page, so
 * the HTML and the Markdown show the same numbers.
 *
 * @param id                 {@link PointKey#id()}
 * @param label              {@link PointKey#label()}, e.g. {@code servlet platform w2 t64 c128}
 * @param config             the server settings without the load, e.g. {@code servlet platform w2 t64}
 * @param load               {@link LoadLevel#label()}, e.g. {@code c128}
 * @param repetitions        how many repetitions the point has
 * @param repetitionIds      the ids of the repetitions, for their detail sections
 * @param measuredRepetitions how many of the repetitions have a measured window: the figures' medians and spreads are over these
 * @param rpsCv              RPS's coefficient of variation across the repetitions, null with one repetition
 * @param ceilingRps         {@link Ceiling#rps} or null
 * @param injectorCeilingRps what the same injector reached against a minimal server at this load, or null
 * @param engine             the server engine, the app's default when the point does not name one
 * @param otherEngine        the point names an engine other than its app's default (or a user's jar)
 * @param settings           the engine's own knobs and the AOT cache, e.g. {@code bp:uncached}; empty when none is set
 * @param stability          the worst repetition's steadiness, or null when not recorded
 * @param warmUp             the warm-up before the point, over its forks, or null when not recorded
 * @param profiled           a profiler was attached during a repetition
 * @param flameGraphs        the repetitions' flame graphs
 * @param latencyRanges      the repetitions' own percentiles, their median and range, for the charts' error bars; null with one repetition
 * @param footnote           number of the note that explains this row's flags, or null
 */
record Row(
        String id,
        String label,
        String config,
        String app,
        String engine,
        boolean otherEngine,
        String settings,
        String mode,
        boolean virtualThreads,
        int processes,
        Integer workers,
        Integer threads,
        int concurrency,
        String load,
        int repetitions,
        List<String> repetitionIds,
        int measuredRepetitions,
        Spread rps,
        Double rpsCv,
        LatencyFigures latency,
        PercentileRanges latencyRanges,
        Spread cpuCores,
        Spread rssBytes,
        Spread pssBytes,
        MemoryFigures memory,
        Spread rpsPerCore,
        Spread rpsPerGib,
        double errorRatio,
        Double ceilingRps,
        Double injectorCeilingRps,
        StabilityFigures stability,
        WarmUpFigures warmUp,
        boolean profiled,
        List<FlameGraphs.Link> flameGraphs,
        List<PointGroup.RepetitionFlag> flags,
        Integer footnote) {

    static Row of(PointGroup group, Integer footnote) {
        PointKey k = group.key();
        OptionalDouble ceiling = Ceiling.rps(k);
        ConfigurationKey c = k.configuration();
        return Row.builder().id(k.id()).label(k.label()).config(c.label()).app(c.app()).engine(c.engineOrDefault())
                .otherEngine(c.namesEngine()).settings(c.settings()).mode(k.mode()).virtualThreads(c.virtualThreads())
                .processes(c.processes()).workers(c.workers()).threads(c.threads())
                .concurrency(k.level().connections()).load(k.level().label())
                .repetitions(group.repetitions().size()).repetitionIds(group.repetitions().stream().map(PointResult::id).toList())
                .measuredRepetitions(group.measuredRepetitions().size())
                .rps(group.rps()).rpsCv(group.repeatCv()).latency(group.latency())
                .latencyRanges(PercentileRanges.of(group.repetitions(), LatencyFigures.Source.SENT))
                .cpuCores(group.serverCpuCores()).rssBytes(group.serverRssBytes()).pssBytes(group.serverPssBytes())
                .memory(MemoryFigures.of(group.repetitions())).rpsPerCore(group.rpsPerCore()).rpsPerGib(group.rpsPerGib())
                .errorRatio(group.errorRatio()).ceilingRps(ceiling.isPresent() ? ceiling.getAsDouble() : null)
                .injectorCeilingRps(group.injectorCeilingRps()).stability(StabilityFigures.of(group.repetitions()))
                .warmUp(WarmUpFigures.of(group.repetitions())).profiled(group.profiled())
                .flameGraphs(group.flameGraphs()).flags(group.flags()).footnote(footnote)
                .build();
    }

    /** The repetitions as a table shows them: {@code 3}, or {@code 1 of 3} when only one was measured. */
    String repetitionsMeasured() {
        return measuredRepetitions == repetitions ? String.valueOf(repetitions) : measuredRepetitions + " of " + repetitions;
    }

    boolean flagged() {
        return !flags.isEmpty();
    }

    /** Flagged for a reason other than the profiler: a profiled sweep still has a best row. */
    boolean untrusted() {
        return flags.stream().anyMatch(f -> !f.code().equals(org.jvmbench.harness.result.Flag.Code.PROFILED.name()));
    }

    double rpsMedian() {
        return rps == null ? 0 : rps.median();
    }

    /** {@code Row} to fill in by name: a component not set stays null, false or 0. */
    static Builder builder() {
        return new Builder();
    }

    /** {@code Row} built by name; {@link #build} holds it to the record's own rules. */
    static final class Builder {
        private String id;
        private String label;
        private String config;
        private String app;
        private String engine;
        private boolean otherEngine;
        private String settings;
        private String mode;
        private boolean virtualThreads;
        private int processes;
        private Integer workers;
        private Integer threads;
        private int concurrency;
        private String load;
        private int repetitions;
        private List<String> repetitionIds;
        private int measuredRepetitions;
        private Spread rps;
        private Double rpsCv;
        private LatencyFigures latency;
        private PercentileRanges latencyRanges;
        private Spread cpuCores;
        private Spread rssBytes;
        private Spread pssBytes;
        private MemoryFigures memory;
        private Spread rpsPerCore;
        private Spread rpsPerGib;
        private double errorRatio;
        private Double ceilingRps;
        private Double injectorCeilingRps;
        private StabilityFigures stability;
        private WarmUpFigures warmUp;
        private boolean profiled;
        private List<FlameGraphs.Link> flameGraphs;
        private List<PointGroup.RepetitionFlag> flags;
        private Integer footnote;

        private Builder() {
        }

        Builder id(String value) {
            id = value;
            return this;
        }

        Builder label(String value) {
            label = value;
            return this;
        }

        Builder config(String value) {
            config = value;
            return this;
        }

        Builder app(String value) {
            app = value;
            return this;
        }

        Builder engine(String value) {
            engine = value;
            return this;
        }

        Builder otherEngine(boolean value) {
            otherEngine = value;
            return this;
        }

        Builder settings(String value) {
            settings = value;
            return this;
        }

        Builder mode(String value) {
            mode = value;
            return this;
        }

        Builder virtualThreads(boolean value) {
            virtualThreads = value;
            return this;
        }

        Builder processes(int value) {
            processes = value;
            return this;
        }

        Builder workers(Integer value) {
            workers = value;
            return this;
        }

        Builder threads(Integer value) {
            threads = value;
            return this;
        }

        Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        Builder load(String value) {
            load = value;
            return this;
        }

        Builder repetitions(int value) {
            repetitions = value;
            return this;
        }

        Builder repetitionIds(List<String> value) {
            repetitionIds = value;
            return this;
        }

        Builder measuredRepetitions(int value) {
            measuredRepetitions = value;
            return this;
        }

        Builder rps(Spread value) {
            rps = value;
            return this;
        }

        Builder rpsCv(Double value) {
            rpsCv = value;
            return this;
        }

        Builder latency(LatencyFigures value) {
            latency = value;
            return this;
        }

        Builder latencyRanges(PercentileRanges value) {
            latencyRanges = value;
            return this;
        }

        Builder cpuCores(Spread value) {
            cpuCores = value;
            return this;
        }

        Builder rssBytes(Spread value) {
            rssBytes = value;
            return this;
        }

        Builder pssBytes(Spread value) {
            pssBytes = value;
            return this;
        }

        Builder memory(MemoryFigures value) {
            memory = value;
            return this;
        }

        Builder rpsPerCore(Spread value) {
            rpsPerCore = value;
            return this;
        }

        Builder rpsPerGib(Spread value) {
            rpsPerGib = value;
            return this;
        }

        Builder errorRatio(double value) {
            errorRatio = value;
            return this;
        }

        Builder ceilingRps(Double value) {
            ceilingRps = value;
            return this;
        }

        Builder injectorCeilingRps(Double value) {
            injectorCeilingRps = value;
            return this;
        }

        Builder stability(StabilityFigures value) {
            stability = value;
            return this;
        }

        Builder warmUp(WarmUpFigures value) {
            warmUp = value;
            return this;
        }

        Builder profiled(boolean value) {
            profiled = value;
            return this;
        }

        Builder flameGraphs(List<FlameGraphs.Link> value) {
            flameGraphs = value;
            return this;
        }

        Builder flags(List<PointGroup.RepetitionFlag> value) {
            flags = value;
            return this;
        }

        Builder footnote(Integer value) {
            footnote = value;
            return this;
        }

        Row build() {
            return new Row(id, label, config, app, engine, otherEngine, settings, mode, virtualThreads, processes,
                    workers, threads, concurrency, load, repetitions, repetitionIds, measuredRepetitions, rps, rpsCv, latency,
                    latencyRanges, cpuCores, rssBytes, pssBytes, memory, rpsPerCore, rpsPerGib, errorRatio, ceilingRps,
                    injectorCeilingRps, stability, warmUp, profiled, flameGraphs, flags, footnote);
        }
    }
}
