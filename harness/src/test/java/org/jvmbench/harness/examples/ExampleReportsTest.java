package org.jvmbench.harness.examples;

import org.jvmbench.harness.result.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.report.Reports;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.config.ProjectHome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed example runs (reports/examples/) must say what their results say: their
 * summary pages and exports are exactly what the current report renders from their
 * results.jsonl, and every example carries its environment. The README's figures are quoted
 * from these files.
 */
class ExampleReportsTest {

    private static List<Path> examples() throws IOException {
        Path dir = ProjectHome.locate().reports().resolve("examples");
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve(RunFolder.RESULTS))).sorted().toList();
        }
    }

    @Test
    void everyExampleHasItsResultsEnvironmentAndRenderedPages() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            assertThat(example.resolve("sweep.json")).isRegularFile();
            assertThat(example.resolve("environment.json")).content().contains("cpuModel").contains("jdk").contains("commit");
            assertThat(ResultsLog.read(example.resolve(RunFolder.RESULTS))).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.schema()).isBetween(1, PointResult.SCHEMA_VERSION));
            assertThat(example.resolve("index.html")).isRegularFile();
        }
    }

    /** What {@code ./bench report DIR} rewrites and people read or parse; index.html embeds the same data. */
    private static final List<String> GOLDEN = List.of("summary.md", "results.csv");

    @Test
    void everyExamplesSummaryAndCsvAreWhatTodaysReportRendersFromItsResults(@TempDir Path tmp) throws IOException {
        List<String> stale = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path example : examples()) {
            List<String> files = staleFiles(example, tmp);
            stale.addAll(files);
            if (!files.isEmpty()) {
                names.add(example.getFileName().toString());
            }
        }

        assertThat(stale).withFailMessage(() -> String.join("\n\n", stale) + "\n\nAll of them at once: for e in "
                + String.join(" ", names) + "; do ./bench report reports/examples/$e; done").isEmpty();
    }

    @Test
    void aStaleExampleIsNamedWithItsFirstDifferingLineAndTheCommandThatAcceptsIt(@TempDir Path tmp) throws IOException {
        Path example = copyOf(ProjectHome.locate().reports().resolve("examples/quick-four"), tmp.resolve("examples"), "sweep.json",
                "environment.json", RunFolder.RESULTS, "summary.md", "results.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(example.resolve("summary.md")));
        String line5 = lines.get(4);
        lines.set(4, line5 + " (edited)");
        Files.write(example.resolve("summary.md"), lines);

        List<String> stale = staleFiles(example, tmp.resolve("rendered"));

        assertThat(stale).singleElement().asString()
                .contains("reports/examples/quick-four/summary.md differs from what the report renders from its results.jsonl, "
                        + "first at line 5, column " + (line5.length() + 1) + ":")
                .containsPattern("committed: ….* \\(edited\\)\n  rendered:  ….*\n")
                .contains("./bench report reports/examples/quick-four");
    }

    /**
     * Renders a copy of an example from its results with the code {@code ./bench report} runs and
     * says, per committed file that differs, where it first differs and how to accept the change.
     */
    private static List<String> staleFiles(Path example, Path scratch) throws IOException {
        String name = example.getFileName().toString();
        Path copy = copyOf(example, scratch, "sweep.json", "environment.json", RunFolder.RESULTS);
        Reports.render(copy);
        List<String> stale = new ArrayList<>();
        for (String file : GOLDEN) {
            String committed = Files.readString(example.resolve(file), StandardCharsets.UTF_8);
            String rendered = Files.readString(copy.resolve(file), StandardCharsets.UTF_8);
            firstDifference(committed, rendered).ifPresent(at -> stale.add(
                    "reports/examples/" + name + "/" + file + " differs from what the report renders from its "
                    + RunFolder.RESULTS + ", first at " + at + "\n"
                    + "If the report change is intended, re-render the example and commit what it rewrites "
                    + "(index.html, summary.md, results.csv; no benchmark runs): ./bench report reports/examples/" + name));
        }
        return stale;
    }

    /** The first line two texts differ at, both versions quoted; empty when they are equal. */
    private static Optional<String> firstDifference(String committed, String rendered) {
        if (committed.equals(rendered)) {
            return Optional.empty();
        }
        String[] a = committed.split("\n", -1);
        String[] b = rendered.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        if (line >= a.length || line >= b.length) {
            return Optional.of("line " + (line + 1) + ":\n  committed: " + (line < a.length ? a[line] : "(end of file)")
                    + "\n  rendered:  " + (line < b.length ? b[line] : "(end of file)"));
        }
        int column = 0;
        while (column < a[line].length() && column < b[line].length() && a[line].charAt(column) == b[line].charAt(column)) {
            column++;
        }
        return Optional.of("line " + (line + 1) + ", column " + (column + 1) + ":\n  committed: " + around(a[line], column)
                + "\n  rendered:  " + around(b[line], column));
    }

    /** A long line (a CSV row) cut to the stretch around where it differs. */
    private static String around(String line, int column) {
        int from = Math.max(0, column - 60);
        int to = Math.min(line.length(), from + 160);
        return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
    }

    /** The named files of a run folder, copied into {@code into}/its name, so rendering never touches the committed ones. */
    private static Path copyOf(Path example, Path into, String... files) throws IOException {
        Path copy = Files.createDirectories(into.resolve(example.getFileName()));
        for (String file : files) {
            Files.copy(example.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    @Test
    void theHeadlineRpsOfEveryPointAppearsInItsSummary() throws IOException {
        for (Path example : examples()) {
            String summary = Files.readString(example.resolve("summary.md"));
            List<PointResult> points = ResultsLog.read(example.resolve(RunFolder.RESULTS));
            for (PointResult p : points) {
                boolean singleRepetition = points.stream().filter(o -> o.key().equals(p.key())).count() == 1;
                if (singleRepetition && p.throughput() != null && p.throughput().requests() > 0) {
                    String rps = String.format(Locale.ROOT, "%,d", Math.round(p.throughput().rps()));
                    assertThat(summary).as("%s: %s rps", example.getFileName(), p.id()).contains(rps);
                }
            }
        }
    }

    @Test
    void aSweepThatSetsEnginesAgainstEachOtherNamesEachRowsEngine() throws IOException {
        String summary = Files.readString(ProjectHome.locate().reports().resolve("examples/engines/summary.md"));

        assertThat(summary).contains("| App      | Engine   | Mode ")
                .contains("| servlet  | tomcat   | platform ").contains("| servlet  | jetty    | virtual ")
                .contains("| servlet  | undertow | virtual ").contains("| reactive | netty    | event-loop ");
        assertThat(Files.readString(ProjectHome.locate().reports().resolve("examples/steady/summary.md")))
                .as("one engine per app: no column").doesNotContain("| Engine ");
    }

    @Test
    void aSweepThatSetsAnEnginesOwnKnobOrTheAotCacheNamesItInEachRow() throws IOException {
        String virtual = Files.readString(ProjectHome.locate().reports().resolve("examples/virtual/summary.md"));
        String startup = Files.readString(ProjectHome.locate().reports().resolve("examples/startup/summary.md"));

        assertThat(virtual).contains("| Settings    |").contains("| bp:default  |").contains("| bp:uncached |")
                .as("a row whose forks hung says over how many repetitions its figures are").containsPattern("\\| +1 of 3 \\|");
        assertThat(startup).contains("| +aot     |");
    }
}

