package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Footprint;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.WarmUp;

/**
 * {@code index.html}: the page a person opens first. It opens on the headline and the tables,
 * each row carrying its stability, its warm-up and its flags where a reader looks; then open
 * loads, start and warm-up, the machine, the runs over time, and what was run, folded away.
 * The numbers are computed here, in the same tables the Markdown uses; the page's script only
 * lays them out and draws them.
 */
final class HtmlReport implements ReportFormat<SweepResults> {

    static final String FILE = "index.html";

    /** Files of a point the page links to, by their key in {@link PointResult#files()}; flame graphs come on top. */
    private static final Map<String, String> LINKED_FILES = linkedFiles();

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public Path write(SweepResults run, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, HtmlTemplate.render("index.html", run.name() + " — jvm-server-bench", page(run)),
                StandardCharsets.UTF_8);
        return file;
    }

    /**
     * @param oneRunEach   every point ran once: the page says its noise is not known
     * @param notes        what each kind of figure means, one sentence each, for the page's notes
     * @param missingFiles files the points link that are not in the folder
     */
    record Page(
            String title,
            String folder,
            String description,
            String headerLine,
            String versionsLine,
            String methodNote,
            boolean oneRunEach,
            Map<String, String> notes,
            Map<String, String> sweep,
            Map<String, String> environment,
            List<String> warnings,
            Map<String, String> flagLegend,
            int points,
            List<EndpointTable> endpoints,
            List<OpenTable> open,
            StartAndWarmUp startAndWarmUp,
            MachineSummary machine,
            List<RepetitionView> runs,
            List<String> missingFiles,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<PairedView> paired,
            String question,
            List<Answer.Line> answer,
            List<Pivot> pivots) {
    }



    /**
     * One paired comparison as the page shows it, every figure already in words.
     *
     * @param better whether B won (true), lost (false), or neither was named (null)
     */
    record PairedView(String endpoint, String load, String configuration, String baseline, Spread rps, Spread baselineRps,
                      String rpsRatio, String p99Ratio, String forksTimesRounds, String detectable, String verdict, String p99Verdict,
                      Boolean better, String notes) {

        static List<PairedView> of(PairedTable table) {
            return table.rows().stream().map(c -> {
                var d = c.throughputDifference();
                Boolean better = d == null || !d.winnerNamed() ? null
                        : d.outcome() == org.jvmbench.harness.stats.Difference.Outcome.B_BETTER;
                String notes = (c.leftOut() > 0 ? c.leftOut() + " rounds without a ratio. " : "")
                        + (c.flaggedSlices() > 0 ? c.flaggedSlices() + " rounds with a flagged slice." : "");
                return new PairedView(c.endpoint(), c.load(), c.configuration().label(), c.baseline().label(), c.rps(),
                        c.baselineRps(), MarkdownSummary.ratio(c.throughput()), MarkdownSummary.ratio(c.p99()),
                        c.throughput() == null ? "–" : MarkdownSummary.forksTimesRounds(c.throughput()),
                        MarkdownSummary.detectable(c.throughput()), c.throughputWords(),
                        c.p99Words(), better, notes.strip());
            }).toList();
        }
    }

    /**
     * One run of one point, for its detail section.
     *
     * @param open the open load's schedule without its histogram, or null
     */
    record RepetitionView(
            String id,
            String pointId,
            String label,
            String endpoint,
            int repetition,
            int runs,
            Instant start,
            Instant end,
            Double rps,
            Long p99Micros,
            ResourceUsage resources,
            double errorRatio,
            List<Flag> flags,
            SeriesView series,
            Stability stability,
            Double windowSeconds,
            Footprint footprint,
            WarmUp warmUp,
            Startup startup,
            OpenView open,
            Double calibrationOpsPerSecond,
            Double injectorCeilingRps,
            List<Link> flameGraphs,
            List<Link> files,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<org.jvmbench.harness.result.InjectorShare> injectors) {
    }

    /** What an open run offered and how its timetable held; its histograms stay in results.jsonl. */
    record OpenView(double offeredRps, Double capacityRps, int connections, long scheduledRequests, long lateRequests,
                    long maxLateMicros, long queuedRequests, Long intendedP99Micros) {

        static OpenView of(OpenLoad o) {
            return o == null ? null : new OpenView(o.offeredRps(), o.capacityRps(), o.connections(), o.scheduledRequests(),
                    o.lateRequests(), o.maxLateMicros(), o.queuedRequests(),
                    o.intendedLatency() == null ? null : o.intendedLatency().p99Micros());
        }
    }

    /**
     * A run's per-second series as the page draws them.
     *
     * @param startEpochSecond the wall-clock second of index 0, null for results written before the series were aligned
     * @param note             what to know before reading them, or null
     */
    record SeriesView(Long startEpochSecond, List<Double> rps, List<Double> serverCpuCores, List<Long> serverRssBytes,
                      List<Double> injectorCpuCores, List<Double> otherCpuCores, String note) {

        /**
         * Series written before they were aligned on wall-clock seconds counted the window's
         * seconds from its start, the last one partial: it is left out rather than drawn as a dip.
         */
        static SeriesView of(Series s) {
            if (s == null) {
                return null;
            }
            if (s.startEpochSecond() != null) {
                return new SeriesView(s.startEpochSecond(), s.rps(), s.serverCpuCores(), s.serverRssBytes(),
                        s.injectorCpuCores(), s.otherCpuCores(), null);
            }
            List<Double> rps = s.rps() == null || s.rps().isEmpty() ? s.rps() : s.rps().subList(0, s.rps().size() - 1);
            return new SeriesView(null, rps, s.serverCpuCores(), s.serverRssBytes(), s.injectorCpuCores(), s.otherCpuCores(),
                    "recorded before series were aligned on wall-clock seconds: seconds count from the window's start, "
                            + "and its last, partial second is left out");
        }
    }

    /** @param exists whether the file was there when the page was written */
    record Link(String label, String path, boolean exists) {
    }

    static Page page(SweepResults run) {
        List<PointGroup> groups = run.groups();
        List<EndpointTable> tables = EndpointTable.of(groups, 1);
        List<OpenTable> open = OpenTable.of(groups, 1 + EndpointTable.notesIn(tables),
                run.sweep() == null ? null : run.sweep().slo());
        RunDescription description = new RunDescription(run);
        Answer answer = Answer.of(run);
        Map<String, PointGroup> byId = new LinkedHashMap<>();
        groups.forEach(g -> byId.put(g.key().id(), g));
        List<RepetitionView> runs = new ArrayList<>();
        for (EndpointTable table : tables) {
            for (Row row : table.rows()) {
                addRuns(run, byId.get(row.id()), runs);
            }
        }
        for (OpenTable table : open) {
            for (OpenTable.OpenRow row : table.rows()) {
                addRuns(run, byId.get(row.id()), runs);
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (RepetitionView v : runs) {
            v.files().stream().filter(l -> !l.exists()).forEach(l -> missing.add(l.path()));
            v.flameGraphs().stream().filter(l -> !l.exists()).forEach(l -> missing.add(l.path()));
        }
        boolean oneRunEach = !groups.isEmpty() && groups.stream().allMatch(g -> g.repetitions().size() == 1);
        return new Page(run.name(), run.folderName(), description.description(),
                description.headerLine(), description.versionsLine(),
                tables.isEmpty() ? null : MarkdownSummary.methodNote(tables),
                oneRunEach, Notes.all(), description.sweepSettings(), RunDescription.flatten(run.environment()),
                run.warnings(), FlagLegend.all(), groups.size(), tables, open, StartAndWarmUp.of(run),
                MachineSummary.of(run), runs, List.copyOf(missing), PairedView.of(PairedTable.of(run)), answer.question(),
                answer.sentences(), Pivot.of(tables));
    }

    private static void addRuns(SweepResults run, PointGroup group, List<RepetitionView> runs) {
        for (PointResult r : group.repetitions()) {
            runs.add(runView(run, r, group.repetitions().size()));
        }
    }

    private static RepetitionView runView(SweepResults run, PointResult r, int runsOfPoint) {
        PointKey k = r.key();
        List<Link> links = new ArrayList<>();
        if (r.files() != null) {
            LINKED_FILES.forEach((key, label) -> {
                String path = r.files().get(key);
                if (path != null) {
                    links.add(link(run, label, path));
                }
            });
        }
        List<Link> flames = FlameGraphs.of(r).stream().map(f -> link(run, f.label(), f.path())).toList();
        return new RepetitionView(r.id(), k.id(), k.label(), k.endpoint(), r.repetition(), runsOfPoint, r.start(), r.end(),
                r.throughput() == null ? null : r.throughput().rps(),
                r.latency() == null ? null : r.latency().p99Micros(),
                r.resources(), r.throughput() == null ? 0 : r.throughput().errorRatio(), r.flags(),
                SeriesView.of(r.series()), r.stability(), r.throughput() == null ? null : r.throughput().windowSeconds(),
                r.footprint(), r.warmUp(), r.startup(), OpenView.of(r.open()), r.calibrationOpsPerSecond(),
                r.injectorCeilingRps(), flames, links, r.injectors());
    }

    private static Link link(SweepResults run, String label, String path) {
        String p = path.replace('\\', '/');
        return new Link(label, p, Files.exists(run.dir().resolve(path)));
    }

    private static Map<String, String> linkedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("gatlingReport", "Gatling report");
        files.put("gatlingLog", "gatling.log");
        files.put("samples", "samples.csv");
        files.put("serverLog", "server log");
        return files;
    }
}
