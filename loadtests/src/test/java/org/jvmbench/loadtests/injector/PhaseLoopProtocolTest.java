package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.loadtests.recording.RunRecording;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/** The stdin protocol with a stand-in for Gatling: what ends the injector, and what always gets a result file. */
class PhaseLoopProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> ran = new ArrayList<>();

    private final Function<PhaseCommand, PhaseOutcome> fakeRun = command -> {
        ran.add(command.id());
        return new PhaseOutcome(command.id(), 0, RunRecording.empty(), null, null);
    };

    private String command(String id) {
        return """
                {"id":"%s","baseUrls":["http://127.0.0.1:1"],"paths":["/json"],"model":"CLOSED","users":4,"ratePerSecond":0,"connections":0,"durationMs":2000,\
                "requestTimeoutMs":1000,"resultsDir":"%s","out":"%s","report":false,"log":null}""".formatted(
                id, dir.resolve("gatling"), dir.resolve(id + ".json"));
    }

    private int serve(Function<PhaseCommand, PhaseOutcome> runner, String... lines) throws IOException {
        return new PhaseLoop(runner).serve(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    private JsonNode result(String id) throws IOException {
        return JSON.readTree(dir.resolve(id + ".json").toFile());
    }

    @Test
    void endOfInputEndsTheInjectorWithExitCodeZeroAfterRunningEveryCommand() throws IOException {
        int exitCode = serve(fakeRun, command("a"), "", command("b"));

        assertThat(exitCode).isZero();
        assertThat(ran).containsExactly("a", "b");
        assertThat(result("a").get("id").asText()).isEqualTo("a");
        assertThat(result("b").get("id").asText()).isEqualTo("b");
    }

    @Test
    void anAwaitLineIsAnsweredReadyOnStdoutAndRunsNothing() throws IOException {
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream answers = new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8);

        int exitCode = new PhaseLoop(fakeRun, answers).serve(new BufferedReader(new StringReader(
                String.join("\n", PhaseCommand.awaitLine("p1-r1"), command("a")))));

        assertThat(exitCode).isZero();
        assertThat(stdout.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(PhaseCommand.READY_PREFIX + "p1-r1" + System.lineSeparator());
        assertThat(ran).containsExactly("a");
    }

    @Test
    void anExitLineEndsTheInjectorBeforeLaterCommands() throws IOException {
        int exitCode = serve(fakeRun, command("a"), PhaseCommand.EXIT_LINE, command("b"));

        assertThat(exitCode).isZero();
        assertThat(ran).containsExactly("a");
        assertThat(dir.resolve("b.json")).doesNotExist();
    }

    @Test
    void aLineThatIsNotJsonIsSkipped() throws IOException {
        serve(fakeRun, "not json", command("a"));

        assertThat(ran).containsExactly("a");
    }

    @Test
    void anInvalidCommandStillGetsAResultFileThatSaysWhy() throws IOException {
        String invalid = command("bad").replace("\"users\":4", "\"users\":0");

        serve(fakeRun, invalid);

        assertThat(ran).isEmpty();
        JsonNode result = result("bad");
        assertThat(result.get("error").asText()).contains("invalid command").contains("users");
        assertThat(result.get("gatlingExitCode").asInt()).isEqualTo(PhaseResult.RUN_THREW);
        assertThat(result.get("requests").asLong()).isZero();
    }

    @Test
    void aRunThatThrowsStillGetsAResultFileWithTheError() throws IOException {
        serve(command -> {
            throw new IllegalStateException("boom");
        }, command("a"));

        JsonNode result = result("a");
        assertThat(result.get("error").asText()).contains("boom");
        assertThat(result.get("reportDir").isNull()).isTrue();
    }

    @Test
    void aResultThatCannotBeWrittenEndsTheInjectorAtOnceRatherThanKeepTheHarnessWaiting() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("full"), "");
        String unwritable = command("a").replace(dir.resolve("a.json").toString(), notAFolder.resolve("a.json").toString());

        int exitCode = serve(fakeRun, unwritable, command("b"));

        assertThat(exitCode).isEqualTo(PhaseLoop.CANNOT_ANSWER);
        assertThat(ran).containsExactly("a");
    }

    @Test
    void resultFilesAreRenamedIntoPlaceLeavingNoTemporaryFileBehind() throws IOException {
        serve(fakeRun, command("a"));

        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("a.json");
        }
    }
}
