package org.jvmbench.loadtests.injector;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.jvmbench.loadtests.recording.CompletionsPerSecond;
import org.jvmbench.loadtests.recording.RunRecording;
import org.jvmbench.loadtests.recording.ScheduleKept;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * The outcome of one phase as the injector holds it: Gatling's exit code, our own recording,
 * where Gatling put its report, and why the phase failed if it did. {@link #toResult()} is
 * what goes on the wire.
 *
 * @param gatlingExitCode what Gatling returned, or {@link PhaseResult#RUN_THREW} if it threw instead
 * @param reportDir       the Gatling run folder holding index.html, or null without a report
 * @param error           null if the phase itself worked (KOs are not failures)
 */
record PhaseOutcome(String id, int gatlingExitCode, RunRecording recording, Path reportDir, String error) {

    PhaseOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recording, "recording");
    }

    static PhaseOutcome failed(String id, String error) {
        return new PhaseOutcome(id, PhaseResult.RUN_THREW, RunRecording.empty(), null, error);
    }

    PhaseResult toResult() {
        CompletionsPerSecond perSecond = recording.perSecond();
        return new PhaseResult(id, gatlingExitCode, recording.requests(), recording.ok(), recording.ko(),
                recording.errors(), recording.windowStartEpochMs(), recording.windowEndEpochMs(), recording.windowNanos(),
                recording.encodedHistogram(),
                perSecond.startEpochSecond(), perSecond.firstSecondCoveredMs(), perSecond.lastSecondCoveredMs(),
                Arrays.stream(perSecond.counts()).boxed().toList(),
                recording.connectionsUsed(), schedule(recording.schedule()),
                reportDir == null ? null : reportDir.toAbsolutePath().toString(), error);
    }

    private static PhaseResult.Schedule schedule(ScheduleKept kept) {
        if (kept == null) {
            return null;
        }
        return new PhaseResult.Schedule(kept.ratePerSecond(), kept.scheduledRequests(),
                Histograms.encode(kept.intendedLatencyMicros()), kept.lateThresholdMicros(), kept.lateRequests(),
                kept.maxLateMicros(), kept.queuedRequests());
    }
}
