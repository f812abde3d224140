package org.jvmbench.harness.report;

import java.util.List;
import java.util.OptionalDouble;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;

/**
 * One line of a results table: one point, all its runs. Serialized as is into the page, so
 * the HTML and the Markdown show the same numbers.
 *
 * @param id          {@link PointKey#id()}
 * @param label       {@link PointKey#label()}, e.g. {@code servlet platform w2 t64 c128}
 * @param config      the server settings without the load, e.g. {@code servlet platform w2 t64}
 * @param repetitions the ids of the runs, for their detail sections
 * @param ceilingRps  {@link Ceiling#rps} or null
 * @param footnote    number of the note that explains this row's flags, or null
 */
record Row(
        String id,
        String label,
        String config,
        String app,
        String mode,
        boolean virtualThreads,
        int processes,
        Integer workers,
        Integer threads,
        int concurrency,
        int runs,
        List<String> repetitions,
        Spread rps,
        LatencyFigures latency,
        Spread cpuCores,
        Spread rssBytes,
        Spread pssBytes,
        Spread rpsPerCore,
        Spread rpsPerGib,
        double errorRatio,
        Double ceilingRps,
        List<PointGroup.RunFlag> flags,
        Integer footnote) {

    static Row of(PointGroup group, Integer footnote) {
        PointKey k = group.key();
        OptionalDouble ceiling = Ceiling.rps(k);
        return new Row(k.id(), k.label(), k.configuration().label(), k.app(), k.mode(), k.virtualThreads(), k.processes(),
                k.workers(), k.threads(), k.concurrency(), group.runs().size(),
                group.runs().stream().map(PointResult::id).toList(),
                group.rps(), group.latency(), group.serverCpuCores(), group.serverRssBytes(), group.serverPssBytes(),
                group.rpsPerCore(), group.rpsPerGib(), group.errorRatio(),
                ceiling.isPresent() ? ceiling.getAsDouble() : null, group.flags(), footnote);
    }

    boolean flagged() {
        return !flags.isEmpty();
    }

    double rpsMedian() {
        return rps == null ? 0 : rps.median();
    }
}
