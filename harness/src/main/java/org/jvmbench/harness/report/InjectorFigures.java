package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import org.jvmbench.harness.result.InjectorShare;
import org.jvmbench.harness.result.PointResult;

/**
 * The repetitions driven from several injector hosts, each with its merged figures and every injector's
 * own beside them: how much of the load each sent, its CPU, and when it started. Empty for a
 * sweep on one machine.
 *
 * @param repetitions one entry per repetition with injector shares, in the order of the results
 */
record InjectorFigures(List<RepetitionShares> repetitions) {

    /**
     * @param id       the repetition's id
     * @param requests the merged count: the sum of the injectors'
     * @param rps      the merged throughput, or null
     * @param served   the server's count over the window, or null when it has none
     * @param shares   each injector's part
     */
    record RepetitionShares(String id, long requests, Double rps, Long served, List<InjectorShare> shares) {
    }

    static InjectorFigures of(SweepResults run) {
        List<RepetitionShares> repetitions = new ArrayList<>();
        for (PointResult p : run.points()) {
            if (p.injectors() == null || p.injectors().isEmpty()) {
                continue;
            }
            repetitions.add(new RepetitionShares(p.id(), p.throughput() == null ? 0 : p.throughput().requests(),
                    p.throughput() == null ? null : p.throughput().rps(), p.counts() == null ? null : p.counts().serverRequests(),
                    p.injectors()));
        }
        return new InjectorFigures(List.copyOf(repetitions));
    }

    boolean isEmpty() {
        return repetitions.isEmpty();
    }

    /** The Markdown section: one table, the merged row of each repetition above its injectors' rows. */
    String markdown() {
        StringBuilder md = new StringBuilder("## Injectors\n\n");
        md.append("Points driven from several injector hosts: the merged figures (counts summed, latency from the added "
                + "histograms) and each injector's own. Share: of the merged requests. CPU: cores its JVM used over its phase, "
                + "of the CPUs it may use. Start: its first request after the earliest injector's, clock offsets taken out.\n\n");
        MarkdownTable t = new MarkdownTable().left("Repetition").left("Injector").right("Load").right("Requests").right("Share")
                .right("CPU").right("Start ms").left("Failure");
        for (RepetitionShares r : repetitions) {
            t.row(List.of(r.id(), "merged" + (r.served() == null ? "" : " (server counted " + Units.whole(r.served()) + ")"),
                    String.valueOf(r.shares().stream().mapToInt(InjectorShare::load).sum()), Units.whole(r.requests()), "", "", "", ""));
            for (InjectorShare s : r.shares()) {
                t.row(List.of("", s.host(), String.valueOf(s.load()), Units.whole(s.requests()),
                        r.requests() > 0 ? Units.share(s.requests() / (double) r.requests()) : "",
                        s.cpuCores() == null ? "" : Units.cores(s.cpuCores()) + " of " + s.cpus()
                                + (s.saturation() == null ? "" : " (" + Units.percent(s.saturation()) + ")"),
                        s.failure() != null ? "" : String.valueOf(s.startLagMs()), s.failure() == null ? "" : s.failure()));
            }
        }
        return md.append(t.render()).append('\n').toString();
    }
}
