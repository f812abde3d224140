package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.stats.MannWhitney;

/** {@code compare.md}: one table per endpoint, each side's figures and its change against the first. */
final class ComparisonMarkdown implements ReportFormat<Comparison> {

    @Override
    public String fileName() {
        return Comparison.MARKDOWN_FILE;
    }

    @Override
    public Path write(Comparison comparison, Path dir) throws IOException {
        Path file = dir.resolve(fileName());
        Files.writeString(file, render(comparison), StandardCharsets.UTF_8);
        return file;
    }

    String render(Comparison c) {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison: ")
                .append(String.join(" vs ", c.sides().stream().map(Comparison.Side::folder).toList()))
                .append("\n\n");
        MarkdownTable sides = new MarkdownTable().left("Side").left("Folder").left("Sweep").right("Points")
                .right("Repetitions").left("Machine, JDK, durations");
        for (Comparison.Side s : c.sides()) {
            sides.row(List.of(s.label(), s.folder(), s.name(), String.valueOf(s.points()), String.valueOf(s.repetitions()),
                    s.headerLine()));
        }
        md.append(sides.render()).append('\n');
        md.append(methodNote(c)).append("\n\n");

        String base = c.sides().get(0).label();
        for (Comparison.EndpointPoints e : c.endpoints()) {
            md.append("## ").append(e.endpoint()).append("\n\n");
            MarkdownTable t = new MarkdownTable().left("Point");
            for (String metric : List.of("RPS", "p99 ms", "CPU cores", "RSS MiB")) {
                for (Comparison.Side s : c.sides()) {
                    t.right(s.label() + " " + metric);
                    if (!s.label().equals(base)) {
                        t.left(s.label() + " vs " + base);
                    }
                }
            }
            for (Comparison.ComparedPoint p : e.points()) {
                List<String> cells = new ArrayList<>();
                cells.add(p.settings());
                metric(cells, p, cell -> MarkdownSummary.spread(cell.rps(), Units::whole) + flagMark(cell),
                        Comparison.Cell::rpsChange);
                metric(cells, p, cell -> cell.p99Micros() == null ? "" : Units.millis(cell.p99Micros()),
                        Comparison.Cell::p99Change);
                metric(cells, p, cell -> MarkdownSummary.spread(cell.cpuCores(), Units::cores),
                        Comparison.Cell::cpuChange);
                metric(cells, p, cell -> MarkdownSummary.spread(cell.rssBytes(), Units::mib),
                        Comparison.Cell::rssChange);
                t.row(cells);
            }
            md.append(t.render()).append('\n');
        }
        if (c.endpoints().isEmpty()) {
            md.append("No point is in more than one folder: nothing to compare.\n\n");
        }
        if (!c.partial().isEmpty()) {
            md.append("## Not in every folder\n\n");
            MarkdownTable t = new MarkdownTable().left("Endpoint").left("Point").left("In").left("Missing from");
            for (Comparison.Partial p : c.partial()) {
                t.row(List.of(p.endpoint(), p.settings(), String.join(", ", p.in()), String.join(", ", p.missingFrom())));
            }
            md.append(t.render()).append('\n');
        }
        List<String> notes = new ArrayList<>(c.notes());
        for (Comparison.Side s : c.sides()) {
            s.warnings().forEach(w -> notes.add(s.label() + ": " + w));
        }
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    static String methodNote(Comparison c) {
        return "Points matched on " + String.join(", ", c.matchedOn())
                + (c.ignored().isEmpty() ? "" : " (ignoring " + String.join(", ", c.ignored()) + ")")
                + ". Changes are against " + c.sides().get(0).label() + ". A side whose repetitions carry a flag is "
                + "not judged (⚑ and its codes stand beside its figures), nor a profiled side against an unprofiled "
                + "one. A change under " + Units.plain(c.threshold() * 100) + " % counts as no change. Above it, the "
                + "repetitions decide: with fewer than " + Defaults.COMPARE_MIN_REPETITIONS + " repetitions a side, "
                + "\"not enough repetitions\"; otherwise a two-sided Mann–Whitney test of the repetitions' values, "
                + "\"significant\" at p ≤ " + Units.plain(Defaults.COMPARE_ALPHA) + ", \"inconclusive: all "
                + "repetitions apart\" when every repetition of one side is beyond every repetition of the other but "
                + "so few repetitions cannot give a smaller p (" + smallestPs() + "), \"may be noise\" otherwise; "
                + "only \"significant\" names a side better. RPS, CPU and RSS: median (min–max) of the repetitions; "
                + "p99: the repetitions' histograms merged, tested on each repetition's p99."
                + (c.sides().stream().anyMatch(Comparison.Side::profiled)
                ? " Profiled sides (" + String.join(", ", c.sides().stream().filter(Comparison.Side::profiled)
                .map(Comparison.Side::label).toList()) + ") ran with a profiler attached: their figures include its cost."
                : "");
    }

    /** The smallest two-sided p of equal run counts, which says how many runs a difference needs. */
    static String smallestPs() {
        List<String> parts = new ArrayList<>();
        for (int n = Defaults.COMPARE_MIN_REPETITIONS; n <= 5; n++) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
                b[i] = n + i;
            }
            parts.add(n + " vs " + n + ": " + Units.pValue(MannWhitney.test(a, b).smallestP()));
        }
        return String.join("; ", parts);
    }

    static String flagMark(Comparison.Cell cell) {
        return cell.flags().isEmpty() ? "" : " ⚑ " + String.join(", ", cell.flags());
    }

    private static void metric(List<String> cells, Comparison.ComparedPoint p,
                               Function<Comparison.Cell, String> value,
                               Function<Comparison.Cell, Comparison.Change> change) {
        for (int i = 0; i < p.cells().size(); i++) {
            Comparison.Cell cell = p.cells().get(i);
            cells.add(cell == null ? "—" : value.apply(cell));
            if (i > 0) {
                cells.add(cell == null ? "" : change(change.apply(cell)));
            }
        }
    }

    static String change(Comparison.Change change) {
        if (change == null) {
            return "";
        }
        return Units.change(change.ratio()) + " (" + change.text() + ")";
    }

}
