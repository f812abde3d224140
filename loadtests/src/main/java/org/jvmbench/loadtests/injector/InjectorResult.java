package org.jvmbench.loadtests.injector;

import java.nio.file.Path;
import java.util.Objects;

import org.jvmbench.loadtests.recording.RunRecording;

/**
 * The outcome of one command: Gatling's exit code, our own recording, where Gatling put its
 * report, and why the run failed if it did.
 *
 * @param gatlingExitCode what Gatling returned, or {@link #RUN_THREW} if it threw instead
 * @param reportDir       the Gatling run folder holding index.html, or null without a report
 * @param error           null if the run itself worked (KOs are not run errors)
 */
public record InjectorResult(String id, int gatlingExitCode, RunRecording recording, Path reportDir, String error) {

    /** Stands for an exit code when Gatling threw instead of returning one. */
    public static final int RUN_THREW = -1;

    public InjectorResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recording, "recording");
    }

    static InjectorResult failed(String id, String error) {
        return new InjectorResult(id, RUN_THREW, RunRecording.empty(), null, error);
    }
}
