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

/**
 * {@code summary.md}: the tables of the page as Markdown, ready to paste into a post. A header
 * states machine, JDK and durations; a legend explains the flags; every flagged row has a
 * numbered note with the reasons.
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
        List<EndpointTable> tables = EndpointTable.of(run.groups());
        StringBuilder md = new StringBuilder();
        md.append("# ").append(run.name()).append("\n\n");
        String text = new RunDescription(run).description();
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
        md.append(run.points().size()).append(run.points().size() == 1 ? " run" : " runs").append(" of ")
                .append(tables.stream().mapToInt(t -> t.rows().size()).sum()).append(" points completed.\n\n");

        if (tables.isEmpty()) {
            md.append("No point has completed yet.\n\n");
        } else {
            md.append(methodNote(tables)).append("\n\n");
        }
        for (EndpointTable table : tables) {
            appendTable(md, table);
        }
        if (tables.stream().anyMatch(t -> !t.footnotes().isEmpty())) {
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

    /** Says where each number comes from, as the table cells cannot. */
    static String methodNote(List<EndpointTable> tables) {
        boolean repeats = tables.stream().flatMap(t -> t.rows().stream()).anyMatch(r -> r.runs() > 1);
        Set<LatencyFigures.Method> methods = EnumSet.noneOf(LatencyFigures.Method.class);
        tables.stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.latency() != null && r.runs() > 1)
                .forEach(r -> methods.add(r.latency().method()));
        StringBuilder note = new StringBuilder();
        if (repeats) {
            note.append("RPS, CPU and RSS: median (min–max) of the runs. Latency: ")
                    .append(methods.stream().map(LatencyFigures.Method::description).collect(Collectors.joining("; ")))
                    .append(" (percentiles are never averaged). ");
        }
        note.append("Latency in ms as the client saw it (request sent to response read, Gatling's own per-request work included); CPU in cores the server used "
                + "(1.00 = one core busy); RSS in MiB summed over server processes (it counts pages the JVMs share once per process); PSS in MiB, the same sum with shared pages split between the processes; Errors = failed / all requests.");
        if (tables.stream().anyMatch(t -> t.waitMillis() != null)) {
            note.append(" Ceiling: the most RPS a fixed wait allows, requests in flight / wait, where requests "
                    + "in flight are threads x processes for platform threads and the connections otherwise.");
        }
        return note.toString();
    }

    private static void appendTable(StringBuilder md, EndpointTable table) {
        md.append("## ").append(table.endpoint()).append("\n\n");
        if (!table.headline().isEmpty()) {
            md.append("Best of each: ");
            List<String> parts = new ArrayList<>();
            for (EndpointTable.HeadlineEntry h : table.headline()) {
                String entry = (h.ofBest() >= 1 ? "**" + h.label() + "**" : h.label())
                        + " " + Units.whole(h.rps()) + " RPS"
                        + (h.ofBest() >= 1 ? "" : " (" + Units.share(h.ofBest()) + " of best)")
                        + (h.flagged() ? " (flagged)" : "");
                parts.add(entry);
            }
            md.append(String.join(" · ", parts)).append("\n\n");
        }
        boolean repeats = table.rows().stream().anyMatch(r -> r.runs() > 1);
        boolean ceiling = table.waitMillis() != null;
        MarkdownTable t = new MarkdownTable()
                .left("App").left("Mode").right("Processes").right("Workers").right("Threads")
                .right("Concurrency");
        if (repeats) {
            t.right("Runs");
        }
        t.right("RPS");
        if (ceiling) {
            t.right("Ceiling");
        }
        t.right("Mean ms").right("p99 ms").right("Max ms").right("Errors").right("CPU cores").right("RSS MiB")
                .right("PSS MiB").left("Flags");
        for (Row row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.app(), row.mode(), String.valueOf(row.processes()),
                    orDefault(row.workers()), orDefault(row.threads()), String.valueOf(row.concurrency())));
            if (repeats) {
                cells.add(String.valueOf(row.runs()));
            }
            cells.add(spread(row.rps(), Units::whole));
            if (ceiling) {
                cells.add(row.ceilingRps() == null ? "" : Units.whole(row.ceilingRps()));
            }
            LatencyFigures l = row.latency();
            cells.add(l == null ? "" : Units.millis(l.meanMicros()));
            cells.add(l == null ? "" : Units.millis(l.p99Micros()));
            cells.add(l == null ? "" : Units.millis(l.maxMicros()));
            cells.add(errors(row.errorRatio()));
            cells.add(spread(row.cpuCores(), Units::cores));
            cells.add(spread(row.rssBytes(), Units::mib));
            cells.add(spread(row.pssBytes(), Units::mib));
            cells.add(flagCell(row));
            t.row(cells);
        }
        md.append(t.render()).append('\n');
        for (EndpointTable.Footnote note : table.footnotes()) {
            md.append("[").append(note.number()).append("] ").append(note.label()).append(": ")
                    .append(String.join("; ", note.reasons())).append("  \n");
        }
        if (!table.footnotes().isEmpty()) {
            md.append('\n');
        }
    }

    static String spread(Spread s, java.util.function.DoubleFunction<String> format) {
        if (s == null) {
            return "";
        }
        if (s.runs() < 2) {
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

    private static String flagCell(Row row) {
        if (row.footnote() == null) {
            return "";
        }
        String codes = row.flags().stream().map(PointGroup.RunFlag::code).distinct().collect(Collectors.joining(", "));
        return "[" + row.footnote() + "] " + codes;
    }

    private static String orDefault(Integer value) {
        return value == null ? "default" : value.toString();
    }
}
