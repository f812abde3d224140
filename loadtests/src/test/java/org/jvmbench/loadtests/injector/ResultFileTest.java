package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvmbench.protocol.Histograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.jvmbench.loadtests.recording.CompletionsPerSecond;
import org.jvmbench.loadtests.recording.RunRecording;
import org.jvmbench.loadtests.recording.ScheduleKept;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * The result file's shape is the harness's contract: golden files lock it. The histogram is
 * compared decoded, since the compressed bytes depend on the JDK's zlib.
 */
class ResultFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunRecording recording() {
        Histogram latency = new Histogram(3);
        latency.recordValue(250);
        latency.recordValue(1_500);
        latency.recordValue(1_000_000);
        return new RunRecording(1, 2, Map.of("timeout", 1L, "status_500", 1L),
                1_700_000_000_400L, 1_700_000_002_401L, 2_001_000_000L, latency,
                new CompletionsPerSecond(1_700_000_000L, 600, 401, new long[] {1, 1, 1}), 2, null);
    }

    private static RunRecording openRecording() {
        Histogram service = new Histogram(3);
        service.recordValue(900);
        service.recordValue(1_100);
        Histogram fromDue = new Histogram(3);
        fromDue.recordValue(900);
        fromDue.recordValue(26_100);
        return new RunRecording(2, 0, Map.of(), 1_700_000_000_400L, 1_700_000_000_437L, 37_000_000L, service,
                new CompletionsPerSecond(1_700_000_000L, 37, 37, new long[] {2}), 1,
                new ScheduleKept(62.5, 3, fromDue, 2_000, 0, 100, 1));
    }

    private static ObjectNode golden(String name) throws IOException {
        try (InputStream in = ResultFileTest.class.getResourceAsStream("/golden/" + name)) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Histogram takeHistogram(ObjectNode json) {
        return Histograms.decode(json.remove("histogramMicros").asText());
    }

    private static Histogram takeIntendedHistogram(ObjectNode json) {
        return Histograms.decode(((ObjectNode) json.get("schedule")).remove("intendedHistogramMicros").asText());
    }

    private static List<String> fieldNames(ObjectNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aFinishedRunMatchesTheGoldenFileFieldForFieldAndInOrder() throws IOException {
        PhaseResult result = new PhaseOutcome("p0003", 0, recording(), Path.of("/abs/point/gatling/run-1"), null).toResult();
        ObjectNode actual = (ObjectNode) JSON.readTree(ResultFile.toJson(result));
        ObjectNode expected = golden("result-finished.json");

        assertThat(fieldNames(actual)).containsExactlyElementsOf(fieldNames(expected));
        assertThat(takeHistogram(actual)).isEqualTo(takeHistogram(expected));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anOpenModelRunMatchesTheGoldenFileWithItsSchedule() throws IOException {
        PhaseResult result = new PhaseOutcome("p0005", 0, openRecording(), null, null).toResult();
        ObjectNode actual = (ObjectNode) JSON.readTree(ResultFile.toJson(result));
        ObjectNode expected = golden("result-open.json");

        assertThat(fieldNames(actual)).containsExactlyElementsOf(fieldNames(expected));
        assertThat(fieldNames((ObjectNode) actual.get("schedule"))).containsExactlyElementsOf(fieldNames((ObjectNode) expected.get("schedule")));
        assertThat(takeHistogram(actual)).isEqualTo(takeHistogram(expected));
        assertThat(takeIntendedHistogram(actual)).isEqualTo(takeIntendedHistogram(expected));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aFailedRunMatchesTheGoldenFile() throws IOException {
        PhaseResult result = PhaseOutcome.failed("p0004", "invalid command: 'users' must be a positive whole number").toResult();
        ObjectNode actual = (ObjectNode) JSON.readTree(ResultFile.toJson(result));
        ObjectNode expected = golden("result-failed.json");

        // An empty window is stamped with the time of failure, so those fields are checked apart.
        long start = actual.get("windowStartEpochMs").asLong();
        assertThat(start).isPositive().isEqualTo(actual.get("windowEndEpochMs").asLong());
        assertThat(actual.get("perSecondStartEpochSecond").asLong()).isEqualTo(start / 1000);
        assertThat(takeHistogram(actual).getTotalCount()).isZero();
        takeHistogram(expected);
        actual.remove(List.of("windowStartEpochMs", "windowEndEpochMs", "perSecondStartEpochSecond"));
        assertThat(actual).isEqualTo(expected);
    }
}
