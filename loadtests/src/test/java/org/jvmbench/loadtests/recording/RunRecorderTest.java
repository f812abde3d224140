package org.jvmbench.loadtests.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jvmbench.protocol.Histograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The recorder on a clock the test moves by hand. */
class RunRecorderTest {

    private static final long MS = 1_000_000L;
    // The recorder is made 600 ms into an epoch second: wall-clock seconds and the run's own
    // seconds differ, as they do in real runs.
    private static final long EPOCH_SECOND = 1_700_000_000L;
    private static final long EPOCH_MS = EPOCH_SECOND * 1000 + 600;

    private long now = 5_000 * MS; // nanoTime's origin is arbitrary: start far from zero
    private final RunRecorder recorder = new RunRecorder(Duration.ofMillis(1000), Duration.ofSeconds(5), () -> now,
            Instant.ofEpochMilli(EPOCH_MS));

    private void request(long afterMs, long tookMicros, int status) {
        now += afterMs * MS;
        long sent = recorder.requestSent();
        now += tookMicros * 1_000;
        recorder.responseReceived(sent, status);
    }

    @Test
    void latenciesAreRecordedInMicrosecondsOkOrKoAlike() {
        request(10, 250, 200);
        request(0, 1_500, 500);

        RunRecording recording = recorder.snapshot();
        Histogram latency = recording.latencyMicros();
        assertThat(latency.getTotalCount()).isEqualTo(2);
        assertThat(latency.getMinValue()).isEqualTo(250);
        assertThat(latency.getMaxValue()).isEqualTo(1_500);
        assertThat(recording.ok()).isEqualTo(1);
        assertThat(recording.ko()).isEqualTo(1);
        assertThat(recording.requests()).isEqualTo(2);
    }

    @Test
    void aKoIsNamedByItsStatusOrElseByHowLongItTook() {
        request(0, 100, 503);
        request(0, 100, 503);
        request(0, 1_000_000, 0); // no status after the whole request timeout
        request(0, 20, 0);        // no status, ended early: refused or reset

        assertThat(recorder.snapshot().errors())
                .isEqualTo(Map.of("status_503", 2L, "timeout", 1L, "connection", 1L));
    }

    @Test
    void theWindowRunsFromTheFirstRequestSentToTheLastResponseReceived() {
        request(100, 500, 200);   // sent at +100 ms
        request(2_000, 700, 200); // received at +2100.5 + 0.7 ms

        RunRecording recording = recorder.snapshot();
        assertThat(recording.windowNanos()).isEqualTo(2_000 * MS + 500_000 + 700_000);
        assertThat(recording.windowStartEpochMs()).isEqualTo(EPOCH_MS + 100);
        assertThat(recording.windowEndEpochMs()).isEqualTo(EPOCH_MS + 2_101);
        assertThat(recording.perSecond().startEpochSecond()).isEqualTo(EPOCH_SECOND);
    }

    @Test
    void completionsAreCountedInTheWallClockSecondTheyEndedIn() {
        request(0, 10, 200);        // ends at .600 of the first second
        request(390, 20_000, 200);  // sent at .990, ends at .010 of the next second
        request(0, 10, 200);        // next second
        request(1_500, 10, 200);    // ends at .520 of the third second

        CompletionsPerSecond perSecond = recorder.snapshot().perSecond();
        assertThat(perSecond.startEpochSecond()).isEqualTo(EPOCH_SECOND);
        assertThat(perSecond.counts()).containsExactly(1, 2, 1);
        assertThat(perSecond.total()).isEqualTo(4);
    }

    @Test
    void theFirstAndLastSecondsSayHowMuchOfThemTheWindowCovers() {
        request(100, 10, 200);      // window starts at .700 of the first second
        request(2_000, 250_000, 200); // ends at .950 of the third second

        CompletionsPerSecond perSecond = recorder.snapshot().perSecond();
        assertThat(perSecond.counts()).hasSize(3);
        assertThat(perSecond.firstSecondCoveredMs()).isEqualTo(300);
        assertThat(perSecond.lastSecondCoveredMs()).isEqualTo(950);
    }

    @Test
    void aWindowInsideOneSecondCoversOnlyItsOwnLengthOfIt() {
        request(0, 100_000, 200);   // .600 to .700

        CompletionsPerSecond perSecond = recorder.snapshot().perSecond();
        assertThat(perSecond.counts()).containsExactly(1);
        assertThat(perSecond.firstSecondCoveredMs()).isEqualTo(100);
        assertThat(perSecond.lastSecondCoveredMs()).isEqualTo(100);
    }

    @Test
    void aResponseLaterThanTheExpectedSpanCountsInTheLastSecondKept() {
        request(0, 10, 200);
        request(600_000, 10, 200); // ten minutes in, for a 5 s run

        long[] counts = recorder.snapshot().perSecond().counts();
        assertThat(counts[counts.length - 1]).isEqualTo(1);
        assertThat(counts[0]).isEqualTo(1);
        assertThat(counts.length).isLessThan(60);
    }

    @Test
    void aRunWithoutRequestsHasAnEmptyWindow() {
        RunRecording recording = recorder.snapshot();

        assertThat(recording.requests()).isZero();
        assertThat(recording.windowNanos()).isZero();
        assertThat(recording.perSecond().counts()).isEmpty();
        assertThat(recording.throughputPerSecond()).isZero();
    }

    @Test
    void theEncodedHistogramDecodesToTheSameCounts() {
        request(0, 42, 200);
        request(0, 123_456, 200);

        RunRecording recording = recorder.snapshot();
        Histogram decoded = Histograms.decode(recording.encodedHistogram());

        assertThat(decoded).isEqualTo(recording.latencyMicros());
        assertThat(decoded.getTotalCount()).isEqualTo(2);
        assertThat(decoded.getMinValue()).isEqualTo(42);
    }

    @Test
    void valuesBelow2048MicrosAreExactAndLargerOnesWithinAThousandth() {
        request(0, 2_047, 200);
        request(0, 987_654, 200);

        Histogram latency = recorder.snapshot().latencyMicros();
        assertThat(latency.getMinValue()).isEqualTo(2_047);
        assertThat((double) latency.getMaxValue()).isCloseTo(987_654, org.assertj.core.api.Assertions.withinPercentage(0.1));
    }
}
