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
     * @param oneRepetitionEach   every point ran once: the page says its noise is not known
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
            boolean oneRepetitionEach,
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
            List<RepetitionView> repetitions,
            List<String> missingFiles,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<PairedView> paired,
            String question,
            List<Answer.Line> answer,
            List<Pivot> pivots) {

        /** {@code Page} to fill in by name: a component not set stays null, false or 0. */
        static Builder builder() {
            return new Builder();
        }

        /** {@code Page} built by name; {@link #build} holds it to the record's own rules. */
        static final class Builder {
            private String title;
            private String folder;
            private String description;
            private String headerLine;
            private String versionsLine;
            private String methodNote;
            private boolean oneRepetitionEach;
            private Map<String, String> notes;
            private Map<String, String> sweep;
            private Map<String, String> environment;
            private List<String> warnings;
            private Map<String, String> flagLegend;
            private int points;
            private List<EndpointTable> endpoints;
            private List<OpenTable> open;
            private StartAndWarmUp startAndWarmUp;
            private MachineSummary machine;
            private List<RepetitionView> repetitions;
            private List<String> missingFiles;
            private List<PairedView> paired;
            private String question;
            private List<Answer.Line> answer;
            private List<Pivot> pivots;

            private Builder() {
            }

            Builder title(String value) {
                title = value;
                return this;
            }

            Builder folder(String value) {
                folder = value;
                return this;
            }

            Builder description(String value) {
                description = value;
                return this;
            }

            Builder headerLine(String value) {
                headerLine = value;
                return this;
            }

            Builder versionsLine(String value) {
                versionsLine = value;
                return this;
            }

            Builder methodNote(String value) {
                methodNote = value;
                return this;
            }

            Builder oneRepetitionEach(boolean value) {
                oneRepetitionEach = value;
                return this;
            }

            Builder notes(Map<String, String> value) {
                notes = value;
                return this;
            }

            Builder sweep(Map<String, String> value) {
                sweep = value;
                return this;
            }

            Builder environment(Map<String, String> value) {
                environment = value;
                return this;
            }

            Builder warnings(List<String> value) {
                warnings = value;
                return this;
            }

            Builder flagLegend(Map<String, String> value) {
                flagLegend = value;
                return this;
            }

            Builder points(int value) {
                points = value;
                return this;
            }

            Builder endpoints(List<EndpointTable> value) {
                endpoints = value;
                return this;
            }

            Builder open(List<OpenTable> value) {
                open = value;
                return this;
            }

            Builder startAndWarmUp(StartAndWarmUp value) {
                startAndWarmUp = value;
                return this;
            }

            Builder machine(MachineSummary value) {
                machine = value;
                return this;
            }

            Builder repetitions(List<RepetitionView> value) {
                repetitions = value;
                return this;
            }

            Builder missingFiles(List<String> value) {
                missingFiles = value;
                return this;
            }

            Builder paired(List<PairedView> value) {
                paired = value;
                return this;
            }

            Builder question(String value) {
                question = value;
                return this;
            }

            Builder answer(List<Answer.Line> value) {
                answer = value;
                return this;
            }

            Builder pivots(List<Pivot> value) {
                pivots = value;
                return this;
            }

            Page build() {
                return new Page(title, folder, description, headerLine, versionsLine, methodNote, oneRepetitionEach, notes,
                        sweep, environment, warnings, flagLegend, points, endpoints, open, startAndWarmUp, machine,
                        repetitions, missingFiles, paired, question, answer, pivots);
            }
        }
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
                return PairedView.builder().endpoint(c.endpoint()).load(c.load())
                        .configuration(c.configuration().label()).baseline(c.baseline().label())
                        .rps(c.rps()).baselineRps(c.baselineRps())
                        .rpsRatio(MarkdownSummary.ratio(c.throughput())).p99Ratio(MarkdownSummary.ratio(c.p99()))
                        .forksTimesRounds(c.throughput() == null ? "–" : MarkdownSummary.forksTimesRounds(c.throughput()))
                        .detectable(MarkdownSummary.detectable(c.throughput()))
                        .verdict(c.throughputWords()).p99Verdict(c.p99Words()).better(better).notes(notes.strip())
                        .build();
            }).toList();
        }

        /** {@code PairedView} to fill in by name: a component not set stays null, false or 0. */
        static Builder builder() {
            return new Builder();
        }

        /** {@code PairedView} built by name; {@link #build} holds it to the record's own rules. */
        static final class Builder {
            private String endpoint;
            private String load;
            private String configuration;
            private String baseline;
            private Spread rps;
            private Spread baselineRps;
            private String rpsRatio;
            private String p99Ratio;
            private String forksTimesRounds;
            private String detectable;
            private String verdict;
            private String p99Verdict;
            private Boolean better;
            private String notes;

            private Builder() {
            }

            Builder endpoint(String value) {
                endpoint = value;
                return this;
            }

            Builder load(String value) {
                load = value;
                return this;
            }

            Builder configuration(String value) {
                configuration = value;
                return this;
            }

            Builder baseline(String value) {
                baseline = value;
                return this;
            }

            Builder rps(Spread value) {
                rps = value;
                return this;
            }

            Builder baselineRps(Spread value) {
                baselineRps = value;
                return this;
            }

            Builder rpsRatio(String value) {
                rpsRatio = value;
                return this;
            }

            Builder p99Ratio(String value) {
                p99Ratio = value;
                return this;
            }

            Builder forksTimesRounds(String value) {
                forksTimesRounds = value;
                return this;
            }

            Builder detectable(String value) {
                detectable = value;
                return this;
            }

            Builder verdict(String value) {
                verdict = value;
                return this;
            }

            Builder p99Verdict(String value) {
                p99Verdict = value;
                return this;
            }

            Builder better(Boolean value) {
                better = value;
                return this;
            }

            Builder notes(String value) {
                notes = value;
                return this;
            }

            PairedView build() {
                return new PairedView(endpoint, load, configuration, baseline, rps, baselineRps, rpsRatio, p99Ratio,
                        forksTimesRounds, detectable, verdict, p99Verdict, better, notes);
            }
        }
    }

    /**
     * One repetition of one point, for its detail section.
     *
     * @param open the open load's schedule without its histogram, or null
     */
    record RepetitionView(
            String id,
            String pointId,
            String label,
            String endpoint,
            int repetition,
            int pointRepetitions,
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

        /** {@code RepetitionView} to fill in by name: a component not set stays null, false or 0. */
        static Builder builder() {
            return new Builder();
        }

        /** {@code RepetitionView} built by name; {@link #build} holds it to the record's own rules. */
        static final class Builder {
            private String id;
            private String pointId;
            private String label;
            private String endpoint;
            private int repetition;
            private int pointRepetitions;
            private Instant start;
            private Instant end;
            private Double rps;
            private Long p99Micros;
            private ResourceUsage resources;
            private double errorRatio;
            private List<Flag> flags;
            private SeriesView series;
            private Stability stability;
            private Double windowSeconds;
            private Footprint footprint;
            private WarmUp warmUp;
            private Startup startup;
            private OpenView open;
            private Double calibrationOpsPerSecond;
            private Double injectorCeilingRps;
            private List<Link> flameGraphs;
            private List<Link> files;
            private List<org.jvmbench.harness.result.InjectorShare> injectors;

            private Builder() {
            }

            Builder id(String value) {
                id = value;
                return this;
            }

            Builder pointId(String value) {
                pointId = value;
                return this;
            }

            Builder label(String value) {
                label = value;
                return this;
            }

            Builder endpoint(String value) {
                endpoint = value;
                return this;
            }

            Builder repetition(int value) {
                repetition = value;
                return this;
            }

            Builder pointRepetitions(int value) {
                pointRepetitions = value;
                return this;
            }

            Builder start(Instant value) {
                start = value;
                return this;
            }

            Builder end(Instant value) {
                end = value;
                return this;
            }

            Builder rps(Double value) {
                rps = value;
                return this;
            }

            Builder p99Micros(Long value) {
                p99Micros = value;
                return this;
            }

            Builder resources(ResourceUsage value) {
                resources = value;
                return this;
            }

            Builder errorRatio(double value) {
                errorRatio = value;
                return this;
            }

            Builder flags(List<Flag> value) {
                flags = value;
                return this;
            }

            Builder series(SeriesView value) {
                series = value;
                return this;
            }

            Builder stability(Stability value) {
                stability = value;
                return this;
            }

            Builder windowSeconds(Double value) {
                windowSeconds = value;
                return this;
            }

            Builder footprint(Footprint value) {
                footprint = value;
                return this;
            }

            Builder warmUp(WarmUp value) {
                warmUp = value;
                return this;
            }

            Builder startup(Startup value) {
                startup = value;
                return this;
            }

            Builder open(OpenView value) {
                open = value;
                return this;
            }

            Builder calibrationOpsPerSecond(Double value) {
                calibrationOpsPerSecond = value;
                return this;
            }

            Builder injectorCeilingRps(Double value) {
                injectorCeilingRps = value;
                return this;
            }

            Builder flameGraphs(List<Link> value) {
                flameGraphs = value;
                return this;
            }

            Builder files(List<Link> value) {
                files = value;
                return this;
            }

            Builder injectors(List<org.jvmbench.harness.result.InjectorShare> value) {
                injectors = value;
                return this;
            }

            RepetitionView build() {
                return new RepetitionView(id, pointId, label, endpoint, repetition, pointRepetitions, start, end, rps, p99Micros,
                        resources, errorRatio, flags, series, stability, windowSeconds, footprint, warmUp, startup,
                        open, calibrationOpsPerSecond, injectorCeilingRps, flameGraphs, files, injectors);
            }
        }
    }

    /** What an open repetition offered and how its timetable held; its histograms stay in results.jsonl. */
    record OpenView(double offeredRps, Double capacityRps, int connections, long scheduledRequests, long lateRequests,
                    long maxLateMicros, long queuedRequests, Long intendedP99Micros) {

        static OpenView of(OpenLoad o) {
            return o == null ? null : new OpenView(o.offeredRps(), o.capacityRps(), o.connections(), o.scheduledRequests(),
                    o.lateRequests(), o.maxLateMicros(), o.queuedRequests(),
                    o.intendedLatency() == null ? null : o.intendedLatency().p99Micros());
        }
    }

    /**
     * A repetition's per-second series as the page draws them.
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
        List<RepetitionView> repetitions = new ArrayList<>();
        for (EndpointTable table : tables) {
            for (Row row : table.rows()) {
                addRepetitions(run, byId.get(row.id()), repetitions);
            }
        }
        for (OpenTable table : open) {
            for (OpenTable.OpenRow row : table.rows()) {
                addRepetitions(run, byId.get(row.id()), repetitions);
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (RepetitionView v : repetitions) {
            v.files().stream().filter(l -> !l.exists()).forEach(l -> missing.add(l.path()));
            v.flameGraphs().stream().filter(l -> !l.exists()).forEach(l -> missing.add(l.path()));
        }
        boolean oneRepetitionEach = !groups.isEmpty() && groups.stream().allMatch(g -> g.repetitions().size() == 1);
        return Page.builder().title(run.name()).folder(run.folderName()).description(description.description())
                .headerLine(description.headerLine()).versionsLine(description.versionsLine())
                .methodNote(tables.isEmpty() ? null : MarkdownSummary.methodNote(tables))
                .oneRepetitionEach(oneRepetitionEach).notes(Notes.all()).sweep(description.sweepSettings())
                .environment(RunDescription.flatten(run.environment())).warnings(run.warnings())
                .flagLegend(FlagLegend.all()).points(groups.size()).endpoints(tables).open(open)
                .startAndWarmUp(StartAndWarmUp.of(run)).machine(MachineSummary.of(run)).repetitions(repetitions)
                .missingFiles(List.copyOf(missing)).paired(PairedView.of(PairedTable.of(run)))
                .question(answer.question()).answer(answer.sentences()).pivots(Pivot.of(tables))
                .build();
    }

    private static void addRepetitions(SweepResults run, PointGroup group, List<RepetitionView> views) {
        for (PointResult r : group.repetitions()) {
            views.add(repetitionView(run, r, group.repetitions().size()));
        }
    }

    private static RepetitionView repetitionView(SweepResults run, PointResult r, int repetitionsOfPoint) {
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
        return RepetitionView.builder().id(r.id()).pointId(k.id()).label(k.label()).endpoint(k.endpoint())
                .repetition(r.repetition()).pointRepetitions(repetitionsOfPoint).start(r.start()).end(r.end())
                .rps(r.throughput() == null ? null : r.throughput().rps())
                .p99Micros(r.latency() == null ? null : r.latency().p99Micros())
                .resources(r.resources()).errorRatio(r.throughput() == null ? 0 : r.throughput().errorRatio())
                .flags(r.flags()).series(SeriesView.of(r.series())).stability(r.stability())
                .windowSeconds(r.throughput() == null ? null : r.throughput().windowSeconds())
                .footprint(r.footprint()).warmUp(r.warmUp()).startup(r.startup()).open(OpenView.of(r.open()))
                .calibrationOpsPerSecond(r.calibrationOpsPerSecond()).injectorCeilingRps(r.injectorCeilingRps())
                .flameGraphs(flames).files(links).injectors(r.injectors())
                .build();
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
