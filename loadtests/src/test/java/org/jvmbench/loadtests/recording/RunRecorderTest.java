package org.jvmbench.loadtests.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
    private final RunRecorder recorder = new RunRecorder(Duration.ofMillis(1000), Duration.ofSeconds(5), null, () -> now,
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

    // ---- open model: 100 requests due per second for 1 s, so slot k is due at k * 10 ms

    private final RunRecorder openRecorder = new RunRecorder(Duration.ofMillis(1000), Duration.ofSeconds(2),
            new ArrivalSchedule(100, Duration.ofSeconds(1)), () -> now, Instant.ofEpochMilli(EPOCH_MS));

    /** One scheduled request as the hooks make it: claim, then send after {@code sendAfterClaimUs}, answer after {@code tookUs}. */
    private long scheduled(boolean firstOnConnection, long sendAfterClaimUs, long tookUs) {
        long claimed = openRecorder.now();
        long due = openRecorder.claimSlot(claimed);
        now += sendAfterClaimUs * 1_000;
        long sent = openRecorder.scheduledRequestSent(due, claimed, firstOnConnection);
        now += tookUs * 1_000;
        openRecorder.scheduledResponseReceived(due, sent, 200);
        return due;
    }

    /** HdrHistogram reports a value as the top of its bucket (3 significant digits). */
    private static void assertMaxIs(Histogram histogram, long micros) {
        assertThat(histogram.getMaxValue()).isEqualTo(histogram.highestEquivalentValue(micros));
    }

    private Histogram fromDueTime() {
        return openRecorder.snapshot().schedule().intendedLatencyMicros();
    }

    @Test
    void aRequestSentOnTimeHasTheSameLatencyFromItsDueTimeAsFromItsSend() {
        scheduled(true, 0, 5_000);   // slot 0, due when claimed

        RunRecording recording = openRecorder.snapshot();
        assertMaxIs(fromDueTime(), 5_000);
        assertMaxIs(recording.latencyMicros(), 5_000);
        assertThat(recording.schedule().lateRequests()).isZero();
        assertThat(recording.schedule().queuedRequests()).isZero();
    }

    @Test
    void aConnectionThatFreesUpAfterTheDueTimeQueuedTheRequestAndItsWaitCountsFromTheDueTime() {
        scheduled(true, 0, 35_000);   // slot 0 holds the only connection for 35 ms
        scheduled(false, 100, 1_000); // slot 1 was due at 10 ms, claimed at 35 ms, sent at 35.1 ms

        ScheduleKept kept = openRecorder.snapshot().schedule();
        assertThat(kept.queuedRequests()).isEqualTo(1);
        assertThat(kept.lateRequests()).isZero();
        assertThat(kept.maxLateMicros()).isEqualTo(100);
        // slot 1: due at 10 ms, answered at 36.1 ms; slot 0 took 35 ms
        Histogram fromDue = fromDueTime();
        assertThat(fromDue.getMinValue()).isEqualTo(fromDue.lowestEquivalentValue(26_100));
        assertMaxIs(fromDue, 35_000);
        assertMaxIs(openRecorder.snapshot().latencyMicros(), 35_000);
    }

    @Test
    void aSendLaterThanTheThresholdAfterItsDueTimeWithAConnectionFreeIsTheInjectorsLateness() {
        scheduled(true, 0, 2_000);    // slot 0: 0 to 2 ms
        scheduled(false, 11_000, 1_000); // slot 1 due at 10 ms, claimed at 2 ms, sent at 13 ms: 3 ms late

        ScheduleKept kept = openRecorder.snapshot().schedule();
        assertThat(kept.lateRequests()).isEqualTo(1);
        assertThat(kept.maxLateMicros()).isEqualTo(3_000);
        assertThat(kept.queuedRequests()).isZero();
        assertThat(kept.lateThresholdMicros()).isEqualTo(RunRecorder.LATE_THRESHOLD.toNanos() / 1_000);
        assertMaxIs(fromDueTime(), 4_000);
    }

    @Test
    void aSendWithinTheThresholdIsNotLate() {
        scheduled(true, 0, 2_000);
        scheduled(false, 9_000, 1_000); // due at 10 ms, sent at 11 ms: 1 ms after, under the 2 ms threshold

        assertThat(openRecorder.snapshot().schedule().lateRequests()).isZero();
        assertThat(openRecorder.snapshot().schedule().maxLateMicros()).isEqualTo(1_000);
    }

    @Test
    void theFirstRequestOfAConnectionThatStartedLateIsLateNotQueued() {
        scheduled(true, 0, 1_000);     // connection 1 takes slot 0 at 0 ms
        now += 30_000 * 1_000L;        // connection 2 starts at 31 ms and claims slot 1, due at 10 ms
        scheduled(true, 0, 1_000);

        ScheduleKept kept = openRecorder.snapshot().schedule();
        assertThat(kept.lateRequests()).isEqualTo(1);
        assertThat(kept.queuedRequests()).isZero();
        assertThat(kept.maxLateMicros()).isEqualTo(21_000);
    }

    @Test
    void aRequestSentBeforeItsDueTimeCountsFromItsSend() {
        scheduled(true, 0, 1_000);     // slot 0: 0 to 1 ms
        scheduled(false, 8_400, 2_000); // slot 1 due at 10 ms, sent at 9.4 ms: the pause was rounded down

        assertMaxIs(fromDueTime(), 2_000);
        assertThat(openRecorder.snapshot().schedule().lateRequests()).isZero();
    }

    @Test
    void theTimetableEndsWithTheDurationAndSaysHowManyRequestsFellDue() {
        long claimed = openRecorder.now();
        for (int slot = 0; slot < 100; slot++) {
            assertThat(openRecorder.claimSlot(claimed)).isEqualTo(claimed + slot * 10 * MS);
        }
        assertThat(openRecorder.claimSlot(claimed)).isEqualTo(ArrivalSchedule.NO_MORE);
        assertThat(openRecorder.snapshot().schedule().scheduledRequests()).isEqualTo(100);
        assertThat(openRecorder.snapshot().schedule().ratePerSecond()).isEqualTo(100.0);
    }

    @Test
    void eachConnectionCountsOnce() {
        openRecorder.connectionUsed();
        openRecorder.connectionUsed();

        assertThat(openRecorder.snapshot().connectionsUsed()).isEqualTo(2);
    }

    @Test
    void aClosedRunHasNoScheduleAndCannotClaimOne() {
        request(0, 10, 200);

        assertThat(recorder.snapshot().schedule()).isNull();
        assertThatIllegalStateException().isThrownBy(() -> recorder.claimSlot(0));
    }
}
