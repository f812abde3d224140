package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The injector as the harness runs it: its own JVM, commands on stdin, stdout into a log file. */
class InjectorProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The launch the README recommends, less the heap size. */
    private static List<String> javaCommand() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", classpath, InjectorMain.class.getName()));
        return command;
    }

    private static void awaitFile(Path file, Process process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("injector still running").isTrue();
            assertThat(Instant.now()).as("waiting for %s", file).isBefore(deadline);
            Thread.onSpinWait();
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aLaunchedInjectorAnswersACommandWithAResultFileAndExitsZeroWhenAsked() throws Exception {
        Path log = dir.resolve("injector.log");
        Path out = dir.resolve("p0001.json");
        String command = """
                {"id":"p0001","baseUrls":["%s"],"paths":["/json"],"model":"CLOSED","users":2,"ratePerSecond":0,"connections":0,"durationMs":1000,"requestTimeoutMs":5000,\
                "resultsDir":"%s","out":"%s","report":false,"log":null}
                """;
        try (CountingServer server = new CountingServer(200)) {
            Process process = new ProcessBuilder(javaCommand())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(command.formatted(server.baseUrl(), dir.resolve("gatling"), out).getBytes(StandardCharsets.UTF_8));
                stdin.flush();

                awaitFile(out, process, Duration.ofSeconds(60));

                JsonNode result = JSON.readTree(out.toFile());
                assertThat(result.get("error").isNull()).as("error: %s", result.get("error")).isTrue();
                assertThat(result.get("ok").asLong()).isPositive().isEqualTo(server.requests("/json"));
                assertThat(server.connections("/json")).isEqualTo(2);

                stdin.write("{\"exit\":true}\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
                assertThat(process.exitValue()).isZero();
            } finally {
                process.destroyForcibly();
            }
        }
        String logText = Files.readString(log);
        assertThat(logText).contains("run p0001 done").contains("Simulation org.jvmbench.loadtests.ClosedLoadSimulation started");
        assertThat(logText).doesNotContain("IllegalAccessException");
    }
}
