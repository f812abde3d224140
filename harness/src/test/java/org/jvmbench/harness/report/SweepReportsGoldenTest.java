package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary.md} and {@code results.csv} are read by people and scripts: their shape is
 * locked by golden files (update with {@code -Dreport.golden.update=true}).
 */
class SweepReportsGoldenTest {

    @Test
    void finishedSweepRendersTheGoldenSummaryAndCsv(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.THREADS_IO, tmp.resolve("threads-io"));

        List<Path> written = Reports.render(dir);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("results.csv", "summary.md", "index.html");
        GoldenFile.assertMatches(dir.resolve("summary.md"), "threads-io/summary.md");
        GoldenFile.assertMatches(dir.resolve("results.csv"), "threads-io/results.csv");
    }

    @Test
    void interruptedSweepRendersWhatCompletedAndSaysWhatWasSkipped(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.INTERRUPTED, tmp.resolve("interrupted"));

        Reports.render(dir);

        GoldenFile.assertMatches(dir.resolve("summary.md"), "interrupted/summary.md");
        GoldenFile.assertMatches(dir.resolve("results.csv"), "interrupted/results.csv");
    }

    @Test
    void quickSweepSaysItsPointsRanOnceAndShowsStartWarmUpAndTheMachine(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.QUICK, tmp.resolve("quick"));

        Reports.render(dir);

        GoldenFile.assertMatches(dir.resolve("summary.md"), "quick/summary.md");
        GoldenFile.assertMatches(dir.resolve("results.csv"), "quick/results.csv");
    }

    @Test
    void openLoadSweepShowsLatencyAgainstRateTheClosedGapAndCapacityAtSlo(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.SLO, tmp.resolve("slo"));

        Reports.render(dir);

        GoldenFile.assertMatches(dir.resolve("summary.md"), "slo/summary.md");
    }
}
