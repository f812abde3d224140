package org.jvmbench.loadtests.injector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import org.jvmbench.loadtests.ClosedLoadSimulation;
import org.jvmbench.loadtests.OpenLoadSimulation;
import org.jvmbench.loadtests.SimulationParameters;
import org.jvmbench.loadtests.recording.RecorderHandOff;
import org.jvmbench.loadtests.recording.RunRecorder;
import org.jvmbench.loadtests.recording.RunRecording;
import org.jvmbench.protocol.phase.LoadModel;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * Runs one phase as one Gatling run inside this JVM. Gatling's {@code fromArgs} returns an exit
 * code instead of exiting, shuts down its own event loops and actors, and loads the simulation
 * class through the JVM's class loader, so the JIT's work on Gatling, Netty and the simulation
 * carries over from one run to the next.
 */
final class GatlingPhase {

    private GatlingPhase() {
    }

    static PhaseOutcome run(PhaseCommand command) {
        Path resultsDir = Path.of(command.resultsDir());
        Set<Path> foldersBefore;
        try {
            Files.createDirectories(resultsDir);
            foldersBefore = runFolders(resultsDir);
        } catch (IOException e) {
            return PhaseOutcome.failed(command.id(), "cannot use resultsDir " + resultsDir + ": " + e);
        }

        RecorderHandOff.clear();
        setSimulationParameters(command);
        int exitCode;
        String error = null;
        try {
            exitCode = Gatling$.MODULE$.fromArgs(gatlingArgs(command));
            if (exitCode != 0) {
                error = "Gatling exited with code " + exitCode;
            }
        } catch (Throwable t) {
            exitCode = PhaseResult.RUN_THREW;
            error = describe(t);
        } finally {
            // Gatling stops Logback at the end of every run; the next run and our own log need it back.
            Logging.restartIfStopped();
        }

        Optional<RunRecorder> recorder = RecorderHandOff.take();
        if (recorder.isEmpty() && error == null) {
            error = "the simulation never started, so nothing was recorded";
        }
        RunRecording recording = recorder.map(RunRecorder::snapshot).orElseGet(RunRecording::empty);
        Path reportDir = command.report() ? newReportFolder(resultsDir, foldersBefore) : null;
        if (command.report() && reportDir == null && error == null) {
            error = "Gatling wrote no HTML report under " + resultsDir;
        }
        return new PhaseOutcome(command.id(), exitCode, recording, reportDir, error);
    }

    /** Each model has a simulation of its own, so each reads top to bottom as Gatling's demos do. */
    static String simulationClass(LoadModel model) {
        return switch (model) {
            case CLOSED -> ClosedLoadSimulation.class.getName();
            case OPEN -> OpenLoadSimulation.class.getName();
        };
    }

    private static void setSimulationParameters(PhaseCommand command) {
        System.setProperty(SimulationParameters.BASE_URLS, String.join(",", command.baseUrls()));
        System.setProperty(SimulationParameters.PATHS, String.join(",", command.paths()));
        System.setProperty(SimulationParameters.USERS, Integer.toString(command.users()));
        // Double.toString: exact, and always a form Double.parseDouble reads back.
        System.setProperty(SimulationParameters.RATE, Double.toString(command.ratePerSecond()));
        System.setProperty(SimulationParameters.CONNECTIONS, Integer.toString(command.connections()));
        System.setProperty(SimulationParameters.DURATION, SimulationParameters.millis(command.durationMs()));
        System.setProperty(SimulationParameters.REQUEST_TIMEOUT,
                SimulationParameters.millis(command.requestTimeoutMs()));
    }

    private static String[] gatlingArgs(PhaseCommand command) {
        List<String> args = new ArrayList<>(List.of(
                "-s", simulationClass(command.model()),
                "-rf", command.resultsDir(),
                "-rd", command.id(),
                "-l", "jvmbench-injector"));
        if (!command.report()) {
            args.add("-nr");
        }
        return args.toArray(String[]::new);
    }

    private static Set<Path> runFolders(Path resultsDir) throws IOException {
        try (Stream<Path> entries = Files.list(resultsDir)) {
            return entries.filter(Files::isDirectory).collect(HashSet::new, Set::add, Set::addAll);
        }
    }

    /** Gatling names its run folder itself; ours is the one that was not there before. */
    private static Path newReportFolder(Path resultsDir, Set<Path> before) {
        try {
            return runFolders(resultsDir).stream()
                    .filter(folder -> !before.contains(folder))
                    .filter(folder -> Files.isRegularFile(folder.resolve("index.html")))
                    .findFirst()
                    .map(Path::toAbsolutePath)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.toString());
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }
}
