package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jvmbench.harness.config.Defaults;

/**
 * {@code summary.md}: the tables of the page as Markdown, ready to paste into a post. A header
 * states machine, JDK and durations; a legend explains the flags; every flagged row has a
 * numbered note with the reasons.
 *
 * <p>Longer than 300 lines because it mirrors every section of {@code index.html} in one
 * place, a method per section; split, the sections' order would live in two files.
 */
final class MarkdownSummary implements ReportFormat<SweepResults> {

    static final String FILE = "summary.md";

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public Path write(SweepResults run, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(run), StandardCharsets.UTF_8);
        return file;
    }

    String render(SweepResults run) {
        RunDescription description = new RunDescription(run);
        List<PointGroup> groups = run.groups();
        List<EndpointTable> tables = EndpointTable.of(groups, 1);
        List<OpenTable> open = OpenTable.of(groups, 1 + EndpointTable.notesIn(tables),
                run.sweep() == null ? null : run.sweep().slo());
        StringBuilder md = new StringBuilder();
        md.append("# ").append(run.name()).append("\n\n");
        appendAnswer(md, Answer.of(run));
        String text = description.description();
        if (text != null) {
            md.append(text.strip()).append("\n\n");
        }
        String header = description.headerLine();
        if (!header.isEmpty()) {
            md.append(header).append("  \n");
        }
        String versions = description.versionsLine();
        if (versions != null) {
            md.append(versions).append("  \n");
        }
        md.append(run.points().size()).append(run.points().size() == 1 ? " repetition" : " repetitions").append(" of ")
                .append(groups.size()).append(" points completed.\n\n");

        if (groups.isEmpty()) {
            md.append("No point has completed yet.\n\n");
        } else {
            if (groups.stream().allMatch(g -> g.repetitions().size() == 1)) {
                md.append("**").append(Notes.ONE_REPETITION_EACH).append("**\n\n");
            }
            if (!tables.isEmpty()) {
                md.append(methodNote(tables)).append("\n\n");
            }
        }
        appendPaired(md, PairedTable.of(run), run.sweep() == null ? null : run.sweep().paired());
        appendPivots(md, Pivot.of(tables));
        for (EndpointTable table : tables) {
            appendTable(md, table);
        }
        for (OpenTable table : open) {
            appendOpenTable(md, table);
        }
        InjectorFigures injectors = InjectorFigures.of(run);
        if (!injectors.isEmpty()) {
            md.append(injectors.markdown());
        }
        if (!groups.isEmpty()) {
            appendStart(md, StartAndWarmUp.of(run));
            appendMachine(md, MachineSummary.of(run));
        }
        if (tables.stream().anyMatch(t -> !t.footnotes().isEmpty()) || open.stream().anyMatch(t -> !t.footnotes().isEmpty())) {
            md.append("Flags: ");
            md.append(FlagLegend.all().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` " + e.getValue())
                    .collect(Collectors.joining("; ")));
            md.append(".\n\n");
        }
        if (!run.warnings().isEmpty()) {
            md.append("Warnings:\n\n");
            run.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** The sweep's question, then each answer with our recommendation under it: what a reader came for. */
    static void appendAnswer(StringBuilder md, Answer answer) {
        if (answer.question() != null) {
            md.append("**Question:** ").append(answer.question()).append("\n\n");
        }
        for (Answer.Line a : answer.sentences()) {
            md.append("**Answer:** ").append(a.sentence());
            if (a.recommendation() != null) {
                md.append("  \n").append(a.recommendation());
            }
            md.append("\n\n");
        }
    }

    /** The seeds' shape: RPS with one axis down and threads across, per endpoint, load and what is held equal. */
    static void appendPivots(StringBuilder md, List<Pivot> pivots) {
        if (pivots.isEmpty()) {
            return;
        }
        md.append("## ").append(pivots.stream().map(Pivot::rowAxis).distinct().map(a -> a.substring(0, 1).toUpperCase(Locale.ROOT)
                + a.substring(1)).collect(Collectors.joining(", "))).append(" × threads\n\n")
                .append("RPS, median (min–max) of the repetitions; ⚑ a flagged point (its note is in the table below); – not run.\n\n");
        for (Pivot p : pivots) {
            md.append("### ").append(p.endpoint()).append(" at ").append(p.load()).append(", ").append(p.group()).append("\n\n");
            MarkdownTable t = new MarkdownTable().right(p.rowAxis() + " \\ threads");
            p.columns().forEach(c -> t.right(String.valueOf(c)));
            for (Pivot.PivotRow row : p.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(String.valueOf(row.value()));
                for (Pivot.Cell c : row.cells()) {
                    cells.add(c == null ? "–" : spread(c.rps(), Units::whole) + (c.flagged() ? " ⚑" : ""));
                }
                t.row(cells);
            }
            md.append(t.render()).append('\n');
        }
    }

    /** Says where each number comes from, as the table cells cannot. */
    static String methodNote(List<EndpointTable> tables) {
        List<Row> rows = tables.stream().flatMap(t -> t.rows().stream()).toList();
        boolean repeats = rows.stream().anyMatch(r -> r.repetitions() > 1);
        Set<LatencyFigures.Method> methods = EnumSet.noneOf(LatencyFigures.Method.class);
        rows.stream().filter(r -> r.latency() != null && r.repetitions() > 1).forEach(r -> methods.add(r.latency().method()));
        StringBuilder note = new StringBuilder();
        if (repeats) {
            note.append("RPS, CPU and memory: median (min–max) of the repetitions. ").append(Notes.REPEAT_CV).append(" Latency: ")
                    .append(methods.stream().map(LatencyFigures.Method::description).collect(Collectors.joining("; ")))
                    .append(" (percentiles are never averaged). ");
        }
        note.append("Latency in ms as the client saw it (request sent to response read, Gatling's own per-request work included); CPU in cores the server used "
                + "(1.00 = one core busy); RSS in MiB summed over server processes (it counts pages the JVMs share once per process); PSS in MiB, the same sum with shared pages split between the processes; Errors = failed / all requests.");
        if (tables.stream().anyMatch(t -> t.waitMillis() != null)) {
            note.append(" Ceiling: the most RPS a fixed wait allows, requests in flight / wait, where requests "
                    + "in flight are threads x processes for platform threads and the connections otherwise.");
        }
        if (rows.stream().anyMatch(r -> r.injectorCeilingRps() != null)) {
            note.append(" Injector ceiling: what the same load generator reached at this load against a minimal server "
                    + "answering the same bytes; a point near it measures the client, not the server.");
        }
        if (rows.stream().anyMatch(r -> r.stability() != null)) {
            note.append(' ').append(Notes.STABILITY);
        }
        if (rows.stream().anyMatch(r -> r.warmUp() != null)) {
            note.append(' ').append(Notes.WARM_UP);
        }
        return note.toString();
    }

    private static void appendTable(StringBuilder md, EndpointTable table) {
        md.append("## ").append(table.endpoint()).append("\n\n");
        if (!table.headline().isEmpty()) {
            md.append("Highest median of each: ");
            List<String> parts = new ArrayList<>();
            for (EndpointTable.HeadlineEntry h : table.headline()) {
                String entry = (h.ofBest() >= 1 ? "**" + h.label() + "**" : h.label())
                        + " " + Units.whole(h.rps()) + " RPS"
                        + (h.ofBest() >= 1 ? "" : " (" + Units.share(h.ofBest()) + " of the highest)")
                        + (h.flagged() ? " (flagged)" : "");
                parts.add(entry);
            }
            md.append(String.join(" · ", parts)).append("\n\n");
        }
        boolean repeats = table.repeats();
        boolean ceiling = table.waitMillis() != null;
        boolean injectorCeiling = table.rows().stream().anyMatch(r -> r.injectorCeilingRps() != null);
        boolean stability = table.rows().stream().anyMatch(r -> r.stability() != null);
        boolean warmUp = table.rows().stream().anyMatch(r -> r.warmUp() != null);
        // a sweep that runs an app on another engine than its default names every row's engine
        boolean engines = table.rows().stream().anyMatch(Row::otherEngine);
        // and one that sets an engine's own knob or the AOT cache names it, or its rows would read alike
        boolean settings = table.rows().stream().anyMatch(r -> !r.settings().isEmpty());
        MarkdownTable t = new MarkdownTable().left("App");
        if (engines) {
            t.left("Engine");
        }
        t.left("Mode").right("Processes").right("Workers").right("Threads");
        if (settings) {
            t.left("Settings");
        }
        t.right("Concurrency");
        if (repeats) {
            t.right("Repetitions");
        }
        t.right("RPS");
        if (repeats) {
            t.right("CV repetitions");
        }
        if (ceiling) {
            t.right("Ceiling");
        }
        if (injectorCeiling) {
            t.right("Injector ceiling");
        }
        t.right("Mean ms").right("p99 ms").right("Max ms").right("Errors").right("CPU cores").right("RSS MiB")
                .right("PSS MiB");
        if (stability) {
            t.left("Stability");
        }
        if (warmUp) {
            t.right("Warm-up");
        }
        t.left("Flags");
        for (Row row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.app()));
            if (engines) {
                cells.add(row.engine());
            }
            cells.addAll(List.of(row.mode(), String.valueOf(row.processes()), orDefault(row.workers()), orDefault(row.threads())));
            if (settings) {
                cells.add(row.settings());
            }
            cells.add(String.valueOf(row.concurrency()));
            if (repeats) {
                cells.add(row.repetitionsMeasured());
            }
            cells.add(spread(row.rps(), Units::whole));
            if (repeats) {
                cells.add(row.rpsCv() == null ? "" : Units.percent(row.rpsCv()));
            }
            if (ceiling) {
                cells.add(row.ceilingRps() == null ? "" : Units.whole(row.ceilingRps()));
            }
            if (injectorCeiling) {
                cells.add(row.injectorCeilingRps() == null ? "" : Units.whole(row.injectorCeilingRps()));
            }
            LatencyFigures l = row.latency();
            cells.add(l == null ? "" : Units.millis(l.figures().meanMicros()));
            cells.add(l == null ? "" : Units.millis(l.figures().p99Micros()));
            cells.add(l == null ? "" : Units.millis(l.figures().maxMicros()));
            cells.add(errors(row.errorRatio()));
            cells.add(spread(row.cpuCores(), Units::cores));
            cells.add(spread(row.rssBytes(), Units::mib));
            cells.add(spread(row.pssBytes(), Units::mib));
            if (stability) {
                cells.add(row.stability() == null ? "" : row.stability().text());
            }
            if (warmUp) {
                cells.add(row.warmUp() == null ? "" : row.warmUp().text());
            }
            cells.add(flagCell(row.footnote(), row.flags()));
            t.row(cells);
        }
        md.append(t.render()).append('\n');
        appendNotes(md, table.footnotes());
        if (table.rows().stream().anyMatch(r -> r.memory().hasFootprint())) {
            md.append("Memory of each point, MiB (").append(repeats ? "median of the repetitions; " : "")
                    .append("PSS is the footprint, heap after GC the live data):\n\n");
            MarkdownTable m = new MarkdownTable().left("Point").right("PSS").right("Heap after GC").right("RSS")
                    .right("Heap committed").right("Non-heap used").right("Non-heap committed").right("Threads");
            for (Row row : table.rows()) {
                MemoryFigures f = row.memory();
                m.row(List.of(row.label(), median(f.pssBytes(), Units::mib), median(f.heapUsedAfterGcBytes(), Units::mib),
                        median(f.rssBytes(), Units::mib), median(f.heapCommittedBytes(), Units::mib),
                        median(f.nonHeapUsedBytes(), Units::mib), median(f.nonHeapCommittedBytes(), Units::mib),
                        median(f.liveThreads(), Units::whole)));
            }
            md.append(m.render()).append('\n').append(Notes.MEMORY).append("\n\n");
        }
    }

    /** The paired design's comparisons against the baseline, with their intervals: the run's answer. */
    static void appendPaired(StringBuilder md, PairedTable paired, org.jvmbench.harness.plan.Paired settings) {
        if (paired.isEmpty()) {
            return;
        }
        md.append("## Paired comparison\n\n");
        md.append("Each configuration against the baseline, measured in the same rounds: round by round, the ratio of the two "
                + "servers' slices (same fork, same load, taken in turn in a random order); per fork pair the median over its "
                + "rounds, and the median of those, with a ").append(Units.plain(Defaults.PAIRED_CONFIDENCE * 100))
                .append(" % interval by Student's t over the fork pairs (JVMs differ from fork to fork: one fork pair names no winner)");
        if (settings != null) {
            md.append("; ").append(settings.rounds()).append(" rounds of ")
                    .append(org.jvmbench.harness.plan.DurationText.format(settings.slice())).append(" slices");
            if (settings.maxAlive() != null) {
                md.append("; at most ").append(settings.maxAlive()).append(" server JVMs alive at once (a repetition that "
                        + "needs more repetitions in blocks that each keep the baseline's fork alive)");
            }
        }
        md.append(". A winner is named only when the interval leaves out no change; an interval within ±")
                .append(Units.plain(Defaults.PAIRED_THRESHOLD * 100)).append(" % reads as no difference. "
                + "RPS: each fork's median slice, their median over the forks (and range: the machine moves between forks). "
                + "Detects: the smallest RPS difference this run could detect, the one a run with as many fork pairs and the "
                + "same spread between them finds in four runs of five (none from one fork pair).\n\n");
        md.append("| Endpoint | Load | Configuration | RPS | Baseline RPS | RPS ratio (95 % CI) | p99 ratio (95 % CI) | Forks × rounds "
                + "| Detects | Verdict |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (PairedTable.Comparison c : paired.rows()) {
            md.append("| ").append(c.endpoint()).append(" | ").append(c.load()).append(" | ").append(c.configuration().label())
                    .append(" | ").append(spread(c.rps(), Units::whole)).append(" | ").append(spread(c.baselineRps(), Units::whole))
                    .append(" (").append(c.baseline().label()).append(")")
                    .append(" | ").append(ratio(c.throughput())).append(" | ").append(ratio(c.p99()))
                    .append(" | ").append(c.throughput() == null ? "–" : forksTimesRounds(c.throughput()))
                    .append(" | ").append(detectable(c.throughput()))
                    .append(" | ").append(c.throughputWords()).append("; ").append(c.p99Words());
            if (c.leftOut() > 0) {
                md.append("; ").append(c.leftOut()).append(c.leftOut() == 1 ? " round" : " rounds").append(" without a ratio");
            }
            if (c.flaggedSlices() > 0) {
                md.append("; ").append(c.flaggedSlices()).append(c.flaggedSlices() == 1 ? " round" : " rounds")
                        .append(" with a flagged slice");
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    /** {@code 2 × 12}: fork pairs and rounds in each; the total when forks kept different counts. */
    static String forksTimesRounds(org.jvmbench.harness.stats.RatioInterval interval) {
        int forks = interval.forkPairs();
        return interval.rounds() % forks == 0 ? forks + " × " + interval.rounds() / forks : forks + " forks, " + interval.rounds() + " rounds";
    }

    /** The smallest difference the run could detect ({@code 4.1 %}), or a dash from one fork pair. */
    static String detectable(org.jvmbench.harness.stats.RatioInterval interval) {
        return interval == null || Double.isNaN(interval.detectable()) ? "–" : Units.percent(interval.detectable());
    }

    static String ratio(org.jvmbench.harness.stats.RatioInterval interval) {
        if (interval == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", interval.median(), interval.low(), interval.high());
    }

    private static void appendNotes(StringBuilder md, List<EndpointTable.Footnote> footnotes) {
        for (EndpointTable.Footnote note : footnotes) {
            md.append("[").append(note.number()).append("] ").append(note.label()).append(": ")
                    .append(String.join("; ", note.reasons())).append("  \n");
        }
        if (!footnotes.isEmpty()) {
            md.append('\n');
        }
    }

    private static void appendOpenTable(StringBuilder md, OpenTable table) {
        md.append("## ").append(table.endpoint()).append(" at fixed rates (open load)\n\n");
        md.append(Notes.OPEN).append("\n\n");
        boolean repeats = table.rows().stream().anyMatch(r -> r.repetitions() > 1);
        MarkdownTable t = new MarkdownTable().left("Configuration").left("Load");
        if (repeats) {
            t.right("Repetitions");
        }
        t.right("Offered rps").right("Kept RPS").right("Service p50 ms").right("Service p99 ms")
                .right("Intended p50 ms").right("Intended p90 ms").right("Intended p99 ms").right("Intended p99.9 ms")
                .right("Intended max ms");
        if (table.slo() != null) {
            t.right("SLO p" + Units.plain(table.percentile()) + " ms");
        }
        t.right("Late").right("Errors").right("CPU cores").left("Flags");
        for (OpenTable.OpenRow r : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.config(), r.load()));
            if (repeats) {
                cells.add(String.valueOf(r.repetitions()));
            }
            LatencyFigures s = r.service();
            LatencyFigures i = r.intended();
            cells.add(Units.whole(r.offered()));
            cells.add(spread(r.keptRps(), Units::whole));
            cells.add(s == null ? "" : Units.millis(s.figures().p50Micros()));
            cells.add(s == null ? "" : Units.millis(s.figures().p99Micros()));
            cells.add(i == null ? "" : Units.millis(i.figures().p50Micros()));
            cells.add(i == null ? "" : Units.millis(i.figures().p90Micros()));
            cells.add(i == null ? "" : Units.millis(i.figures().p99Micros()));
            cells.add(i == null ? "" : Units.millis(i.figures().p999Micros()));
            cells.add(i == null ? "" : Units.millis(i.figures().maxMicros()));
            if (table.slo() != null) {
                cells.add(r.sloMicros() == null ? "" : Units.millis(r.sloMicros()));
            }
            cells.add(errors(r.lateShare()));
            cells.add(errors(r.errorRatio()));
            cells.add(spread(r.cpuCores(), Units::cores));
            cells.add(flagCell(r.footnote(), r.flags()));
            t.row(cells);
        }
        md.append(t.render()).append('\n');
        appendNotes(md, table.footnotes());

        md.append("Closed against open, p99 ms: the closed loop's own figure, and the open point at the rate nearest "
                + "to its throughput, from its actual send (service time) and from its intended send time.\n\n");
        MarkdownTable gap = new MarkdownTable().left("Configuration").left("Closed load").right("Closed RPS")
                .right("Closed p99").left("Open load").right("Offered rps").right("Service p99").right("Intended p99");
        for (OpenTable.ClosedVsOpen g : table.closedVsOpen()) {
            gap.row(List.of(g.config(), g.closedLoad() == null ? "capacity probe" : g.closedLoad(),
                    g.closedRps() == null ? "" : Units.whole(g.closedRps()),
                    g.closedP99Micros() == null ? "" : Units.millis(g.closedP99Micros()), g.openLoad(),
                    Units.whole(g.offeredRps()), g.serviceP99Micros() == null ? "" : Units.millis(g.serviceP99Micros()),
                    g.intendedP99Micros() == null ? "" : Units.millis(g.intendedP99Micros())));
        }
        md.append(gap.render()).append('\n');

        if (table.slo() == null) {
            md.append("No `slo` in the sweep, so no capacity at SLO: set e.g. `slo: {percentile: 99, latency: 50ms}`.\n\n");
            return;
        }
        md.append("Capacity at SLO (").append(table.slo()).append(", latency from intended send time):\n\n");
        MarkdownTable c = new MarkdownTable().left("Configuration").left("Outcome").right("Capacity rps")
                .right("p" + Units.plain(table.percentile()) + " ms").right("CPU cores").right("PSS MiB").right("Of best")
                .left("Past the target at");
        for (OpenTable.CapacityRow r : table.capacity()) {
            c.row(List.of(r.config() + (r.flagged() ? " ⚑" : ""), r.outcome(),
                    r.capacityRps() == null ? "" : Units.whole(r.capacityRps()),
                    r.percentileMicros() == null ? "" : Units.millis(r.percentileMicros()),
                    spread(r.cpuCores(), Units::cores), spread(r.pssBytes(), Units::mib),
                    r.ofBest() == null ? "" : Units.share(r.ofBest()), r.brokenAt() == null ? "" : r.brokenAt()));
        }
        md.append(c.render()).append('\n').append(Notes.CAPACITY).append("\n\n");
    }

    private static void appendStart(StringBuilder md, StartAndWarmUp start) {
        md.append("## Start and warm-up\n\n");
        if (!start.recorded()) {
            md.append("Not recorded: these results were written before the harness recorded how each configuration "
                    + "started and warmed up.\n\n");
            return;
        }
        md.append(Notes.START).append("\n\n");
        boolean several = start.configurations().stream().anyMatch(c -> c.processes() > 1);
        MarkdownTable t = new MarkdownTable().left("Configuration").right("Forks").right("First answer s");
        if (several) {
            t.right("Summed s");
        }
        t.right("RSS MiB then").right("Time to peak s");
        for (StartAndWarmUp.ConfigurationStart c : start.configurations()) {
            List<String> cells = new ArrayList<>(List.of(c.config(), String.valueOf(c.forks()),
                    spread(c.firstAnswerSeconds(), Units::seconds)));
            if (several) {
                cells.add(c.processes() > 1 ? spread(c.firstAnswerSecondsSum(), Units::seconds) : "");
            }
            cells.add(spread(c.rssBytesAtFirstAnswer(), Units::mib));
            cells.add(spread(c.timeToPeakSeconds(), Units::seconds));
            t.row(cells);
        }
        md.append(t.render()).append('\n');
        MarkdownTable w = new MarkdownTable().left("Configuration").left("Endpoint").right("Users").right("Warm-up s")
                .right("Requests").left("Settled").right("Since start s");
        for (StartAndWarmUp.ConfigurationStart c : start.configurations()) {
            for (StartAndWarmUp.EndpointWarmUp e : c.endpoints()) {
                WarmUpFigures f = e.figures();
                w.row(List.of(c.config(), e.endpoint(), String.valueOf(f.users()), spread(f.seconds(), Units::seconds),
                        spread(f.requests(), Units::whole),
                        f.settledText(),
                        spread(f.sinceStartSeconds(), Units::seconds)));
            }
        }
        md.append(w.render()).append('\n');
    }

    /** " on CPUs 0", or on several hosts " on bench@10.0.0.2:22, CPUs 2-3": the machine is named when it is not this one. */
    private static String calibrationPlace(MachineSummary machine) {
        String cpus = machine.calibrationCpus();
        if (machine.calibrationHost() == null) {
            return cpus == null ? "" : " on CPUs " + cpus;
        }
        return " on " + machine.calibrationHost() + (cpus == null ? "" : ", CPUs " + cpus);
    }

    private static void appendMachine(StringBuilder md, MachineSummary machine) {
        md.append("## The machine\n\n");
        if (machine.calibrations().isEmpty()) {
            md.append("Calibration: not recorded.\n\n");
        } else {
            md.append("Calibration").append(calibrationPlace(machine))
                    .append(": ").append(machine.calibrations().stream()
                            .map(c -> c.when() + " " + (c.opsPerSecond() == null ? "not measured" : Units.whole(c.opsPerSecond()) + " ops/s"))
                            .collect(Collectors.joining(", ")));
            if (machine.drift() != null) {
                md.append("; drift ").append(Units.signedPercent(machine.drift()));
            }
            md.append(machine.workload() == null ? "" : " (" + machine.workload() + ")").append(". ")
                    .append(Notes.CALIBRATION).append("\n\n");
        }
        if (!machine.cpuSets().isEmpty()) {
            MarkdownTable t = new MarkdownTable().left("CPUs").right("Other processes, cores").right("Peak")
                    .right("Steal, cores");
            for (MachineSummary.CpuSetLoad s : machine.cpuSets()) {
                t.row(List.of(s.name(), spread(s.otherCores(), Units::cores),
                        s.otherPeak() == null ? "" : Units.cores(s.otherPeak()),
                        s.stealCores() == null ? "not recorded" : spread(s.stealCores(), Units::cores)));
            }
            md.append("Other processes and the hypervisor during the points (median (min–max) of the repetitions' means; peak: "
                    + "the highest second). ").append(machine.flaggedRepetitions()).append(" of ").append(machine.repetitions())
                    .append(" repetitions flagged NOISY_NEIGHBOUR or CPU_STEAL.\n\n");
            md.append(t.render()).append('\n');
        }
        if (machine.ceilingSource() != null) {
            md.append("Injector ceilings: ").append(machine.ceilingSource()).append(".\n\n");
        }
        if (machine.timeSpent() != null) {
            md.append("Time spent: ").append(machine.timeSpent()).append(".\n\n");
        }
    }

    private static String median(Spread s, java.util.function.DoubleFunction<String> format) {
        return s == null ? "" : format.apply(s.median());
    }

    static String spread(Spread s, java.util.function.DoubleFunction<String> format) {
        if (s == null) {
            return "";
        }
        if (s.count() < 2) {
            return format.apply(s.median());
        }
        return format.apply(s.median()) + " (" + format.apply(s.min()) + "–" + format.apply(s.max()) + ")";
    }

    static String errors(double ratio) {
        if (ratio == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, ratio < 0.0001 ? "%.4f %%" : "%.2f %%", ratio * 100);
    }

    private static String flagCell(Integer footnote, List<PointGroup.RepetitionFlag> flags) {
        if (footnote == null) {
            return "";
        }
        String codes = flags.stream().map(PointGroup.RepetitionFlag::code).distinct().collect(Collectors.joining(", "));
        return "[" + footnote + "] " + codes;
    }

    private static String orDefault(Integer value) {
        return value == null ? "default" : value.toString();
    }
}
