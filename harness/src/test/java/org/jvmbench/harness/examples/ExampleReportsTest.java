package org.jvmbench.harness.examples;

import org.jvmbench.harness.result.RunFolder;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.report.Reports;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.config.ProjectHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void summaryAndCsvAreWhatTheResultsRenderTo(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        for (Path example : examples()) {
            Path copy = Files.createDirectories(tmp.resolve(example.getFileName()));
            for (String file : List.of("sweep.json", "environment.json", RunFolder.RESULTS)) {
                Files.copy(example.resolve(file), copy.resolve(file));
            }
            Reports.render(copy);
            for (String file : List.of("summary.md", "results.csv")) {
                assertThat(copy.resolve(file)).as("%s/%s re-rendered", example.getFileName(), file)
                        .hasSameTextualContentAs(example.resolve(file));
            }
        }
    }

    @Test
    void theHeadlineRpsOfEveryPointAppearsInItsSummary() throws IOException {
        for (Path example : examples()) {
            String summary = Files.readString(example.resolve("summary.md"));
            List<PointResult> points = ResultsLog.read(example.resolve(RunFolder.RESULTS));
            for (PointResult p : points) {
                boolean singleRun = points.stream().filter(o -> o.key().equals(p.key())).count() == 1;
                if (singleRun && p.throughput() != null && p.throughput().requests() > 0) {
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
                .as("a row whose forks hung says over how many runs its figures are").contains("| 1 of 3 |");
        assertThat(startup).contains("| +aot     |");
    }
}

