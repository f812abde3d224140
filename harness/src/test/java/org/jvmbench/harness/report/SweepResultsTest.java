package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvmbench.harness.report.SweepFixture.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.jvmbench.harness.result.PointResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepResultsTest {

    @Test
    void folderWithOnlyTheSweepFileHasNoPointsYet(@TempDir Path tmp) throws IOException {
        Path dir = SweepFixture.named("just-started", 1).writeTo(tmp.resolve("s"));

        SweepResults run = SweepResults.load(dir);

        assertThat(run.points()).isEmpty();
        assertThat(run.name()).isEqualTo("just-started");
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void truncatedLastLineOfAnInterruptedSweepIsSkippedWithAWarning() throws IOException {
        SweepResults run = SweepResults.load(FixtureSweeps.INTERRUPTED);

        assertThat(run.points()).extracting(PointResult::id).containsExactly(
                "servlet-p1-wdef-tdef-hello-c64-r1", "reactive-p1-wdef-tdef-hello-c64-r1",
                "servlet-p1-wdef-tdef-hello-c64-r2");
        assertThat(run.warnings()).startsWith("no environment.json in the sweep folder",
                "results.jsonl line 4 is incomplete (the sweep stopped while writing it); skipped");
        assertThat(run.environment()).isEmpty();
    }

    @Test
    void aRunWhosePointsRecordNoWarmUpSaysItWasNotMeasuredAtSteadyState() throws IOException {
        assertThat(SweepResults.load(FixtureSweeps.INTERRUPTED).warnings()).last().asString()
                .startsWith("measured before the harness warmed each server until it settled");
        assertThat(SweepResults.load(FixtureSweeps.QUICK).warnings()).noneMatch(w -> w.contains("warmed each server"));
    }

    @Test
    void unreadableLineInTheMiddleIsSkippedAndTheRestRead(@TempDir Path tmp) throws IOException {
        Path dir = twoRuns(tmp);
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        Files.write(dir.resolve("results.jsonl"), List.of(lines.get(0), "{not json", lines.get(1)));

        SweepResults run = SweepResults.load(dir);

        assertThat(run.points()).hasSize(2);
        assertThat(run.warnings()).singleElement().asString()
                .startsWith("results.jsonl line 2 is not a point result");
    }

    @Test
    void runWrittenTwiceByAResumedSweepKeepsTheLaterLine(@TempDir Path tmp) throws IOException {
        Path dir = twoRuns(tmp);
        String first = Files.readAllLines(dir.resolve("results.jsonl")).get(0);
        Files.writeString(dir.resolve("results.jsonl"),
                first.replace("\"windowSeconds\":10.0", "\"windowSeconds\":11.0") + "\n", StandardOpenOption.APPEND);

        SweepResults run = SweepResults.load(dir);

        assertThat(run.points()).hasSize(2);
        assertThat(run.points().get(1).throughput().windowSeconds()).isEqualTo(11.0);
        assertThat(run.warnings()).singleElement().asString()
                .contains("point servlet-p1-w2-t8-hello-c8-r1 twice", "line 3 kept");
    }

    @Test
    void newerSchemaIsReadWithOneWarning(@TempDir Path tmp) throws IOException {
        Path dir = twoRuns(tmp);
        String text = Files.readString(dir.resolve("results.jsonl"))
                .replaceAll("\\{\"schema\":\\d+,", "{\"schema\":99,\"newField\":true,");
        Files.writeString(dir.resolve("results.jsonl"), text);

        SweepResults run = SweepResults.load(dir);

        assertThat(run.points()).hasSize(2);
        assertThat(run.warnings()).containsExactly(
                "results.jsonl has schema 99, newer than this report's " + PointResult.SCHEMA_VERSION
                        + ": fields it does not know are not shown");
    }

    @Test
    void folderWithoutSweepFilesIsRefusedInOneSentence(@TempDir Path tmp) {
        assertThatThrownBy(() -> SweepResults.load(tmp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(tmp + " is not a sweep folder (it has neither sweep.json nor results.jsonl)");
        assertThatThrownBy(() -> SweepResults.load(tmp.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("is not a folder");
    }

    @Test
    void readsTheRecordedSweepThroughTheSweepSchemasRecords() throws IOException {
        SweepResults run = SweepResults.load(FixtureSweeps.INTERRUPTED);

        assertThat(run.sweep().duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(run.sweep().warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(run.sweep().repeat()).isEqualTo(2);
        assertThat(run.sweep().servers()).isNotEmpty();
    }

    @Test
    void anUnreadableSweepFileIsAWarningAndTheReportStillRenders(@TempDir Path tmp) throws IOException {
        Path dir = twoRuns(tmp);
        Files.writeString(dir.resolve("sweep.json"), Files.readString(dir.resolve("sweep.json"))
                .replace("\"repeat\" : 1", "\"repeat\" : \"three\""));

        SweepResults run = SweepResults.load(dir);

        assertThat(run.sweep()).isNull();
        assertThat(run.name()).isEqualTo("two");
        assertThat(run.warnings()).containsExactly(
                "sweep.json cannot be read (repeat: expected a whole number, got text 'three'); its settings are not shown");
        assertThat(Reports.render(dir)).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("sweep.json cannot be read");
    }

    @Test
    void aMissingSweepFileIsAWarning(@TempDir Path tmp) throws IOException {
        Path dir = twoRuns(tmp);
        Files.delete(dir.resolve("sweep.json"));

        SweepResults run = SweepResults.load(dir);

        assertThat(run.sweep()).isNull();
        assertThat(run.warnings()).containsExactly("no sweep.json in the sweep folder");
        assertThat(Reports.render(dir)).isNotEmpty();
    }

    private static Path twoRuns(Path tmp) throws IOException {
        return SweepFixture.named("two", 3).durationSeconds(10).withoutRunFiles()
                .modelled(key("servlet", 2, 8, false, 1, "/hello", 8), 1)
                .modelled(key("reactive", 2, null, false, 1, "/hello", 8), 1)
                .writeTo(tmp.resolve("two"));
    }
}
