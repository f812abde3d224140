package org.jvmbench.harness.report;

import java.util.List;
import java.util.OptionalDouble;
import org.jvmbench.harness.result.LoadLevel;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;

/**
 * One line of a results table: one point, all its runs. Serialized as is into the page, so
 * the HTML and the Markdown show the same numbers.
 *
 * @param id                 {@link PointKey#id()}
 * @param label              {@link PointKey#label()}, e.g. {@code servlet platform w2 t64 c128}
 * @param config             the server settings without the load, e.g. {@code servlet platform w2 t64}
 * @param load               {@link LoadLevel#label()}, e.g. {@code c128}
 * @param repetitions        the ids of the runs, for their detail sections
 * @param measuredRuns       how many of the runs have a measured window: the figures' medians and spreads are over these
 * @param rpsCv              RPS's coefficient of variation across the runs, null with one run
 * @param ceilingRps         {@link Ceiling#rps} or null
 * @param injectorCeilingRps what the same injector reached against a minimal server at this load, or null
 * @param engine             the server engine, the app's default when the point does not name one
 * @param otherEngine        the point names an engine other than its app's default (or a user's jar)
 * @param settings           the engine's own knobs and the AOT cache, e.g. {@code bp:uncached}; empty when none is set
 * @param stability          the worst run's steadiness, or null when not recorded
 * @param warmUp             the warm-up before the point, over its forks, or null when not recorded
 * @param profiled           a profiler was attached during a run
 * @param flameGraphs        the runs' flame graphs
 * @param latencyRanges      the runs' own percentiles, their median and range, for the charts' error bars; null with one run
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
        int runs,
        List<String> repetitions,
        int measuredRuns,
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
        List<PointGroup.RunFlag> flags,
        Integer footnote) {

    static Row of(PointGroup group, Integer footnote) {
        PointKey k = group.key();
        OptionalDouble ceiling = Ceiling.rps(k);
        return new Row(k.id(), k.label(), k.configuration().label(), k.configuration().app(), k.configuration().engineOrDefault(),
                k.configuration().namesEngine(), k.configuration().settings(), k.mode(), k.configuration().virtualThreads(),
                k.configuration().processes(), k.configuration().workers(), k.configuration().threads(), k.level().connections(), k.level().label(), group.repetitions().size(),
                group.repetitions().stream().map(PointResult::id).toList(), group.measuredRepetitions().size(),
                group.rps(), group.repeatCv(), group.latency(),
                PercentileRanges.of(group.repetitions(), LatencyFigures.Source.SENT), group.serverCpuCores(), group.serverRssBytes(),
                group.serverPssBytes(), MemoryFigures.of(group.repetitions()), group.rpsPerCore(), group.rpsPerGib(),
                group.errorRatio(), ceiling.isPresent() ? ceiling.getAsDouble() : null, group.injectorCeilingRps(),
                StabilityFigures.of(group.repetitions()), WarmUpFigures.of(group.repetitions()), group.profiled(),
                group.flameGraphs(), group.flags(), footnote);
    }

    /** The runs as a table shows them: {@code 3}, or {@code 1 of 3} when only one was measured. */
    String runsMeasured() {
        return measuredRuns == runs ? String.valueOf(runs) : measuredRuns + " of " + runs;
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
}
