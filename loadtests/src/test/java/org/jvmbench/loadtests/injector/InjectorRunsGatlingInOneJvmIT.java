package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.loadtests.recording.RunRecording;

/**
 * Real Gatling runs inside this JVM, as the injector makes them, against tiny servers on
 * 127.0.0.1. Loads are a few users for a second or two: the machine is shared.
 */
class InjectorRunsGatlingInOneJvmIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String command(String id, String baseUrl, List<String> paths, int users, long durationMs,
                           long requestTimeoutMs, boolean report) {
        return command(id, List.of(baseUrl), paths, users, durationMs, requestTimeoutMs, report);
    }

    private String command(String id, List<String> baseUrls, List<String> paths, int users, long durationMs,
                           long requestTimeoutMs, boolean report) {
        try {
            return PhaseLoop.JSON.writeValueAsString(PhaseCommand.closed(id, baseUrls, paths, users, durationMs,
                    requestTimeoutMs, dir.resolve("gatling").toString(), dir.resolve(id + ".json").toString(), report, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode run(String commandLine, String id) throws IOException {
        int exitCode = new PhaseLoop().serve(new BufferedReader(new StringReader(commandLine)));
        assertThat(exitCode).isZero();
        Path out = dir.resolve(id + ".json");
        assertThat(out).exists();
        JsonNode result = JSON.readTree(out.toFile());
        assertThat(result.get("id").asText()).isEqualTo(id);
        return result;
    }

    private static Histogram histogram(JsonNode result) {
        return Histograms.decode(result.get("histogramMicros").asText());
    }

    private static Map<String, Long> errors(JsonNode result) {
        return JSON.convertValue(result.get("errors"), JSON.getTypeFactory().constructMapType(Map.class, String.class, Long.class));
    }

    private static long sum(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).sum();
    }

    /** Gatling's event-loop threads are named gatling-N-M. */
    private static List<String> gatlingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("gatling"))
                .toList();
    }

    /** The checks every run must pass: counts add up, histogram and per-second agree with them. */
    private static void assertConsistent(JsonNode result) {
        assertThat(result.get("error").isNull()).as("error: %s", result.get("error")).isTrue();
        assertThat(result.get("gatlingExitCode").asInt()).isZero();
        long requests = result.get("requests").asLong();
        assertThat(requests).isPositive().isEqualTo(result.get("ok").asLong() + result.get("ko").asLong());
        assertThat(histogram(result).getTotalCount()).isEqualTo(requests);
        assertThat(sum(result.get("perSecond"))).isEqualTo(requests);
        assertThat(errors(result).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(result.get("ko").asLong());
        long startMs = result.get("windowStartEpochMs").asLong();
        long endMs = result.get("windowEndEpochMs").asLong();
        assertThat((double) (endMs - startMs)).isCloseTo(result.get("windowNanos").asLong() / 1e6, within(2.0));
        // per-second counts on wall-clock seconds, one entry for every second the window touches
        assertThat(result.get("perSecondStartEpochSecond").asLong()).isEqualTo(startMs / 1000);
        assertThat(result.get("perSecond").size()).isEqualTo((int) (endMs / 1000 - startMs / 1000 + 1));
        assertThat(result.get("firstSecondCoveredMs").asLong()).isBetween(0L, 1000L);
        assertThat(result.get("lastSecondCoveredMs").asLong()).isBetween(0L, 1000L);
    }

    @Test
    void twoRunsInOneJvmCountWhatTheServerSawOverOneConnectionPerUserAndEachGetsItsOwnReport() throws IOException {
        try (CountingServer server = new CountingServer(200)) {
            JsonNode first = run(command("first", server.baseUrl(), List.of("/first"), 4, 2000, 5000, true), "first");
            int threadsAfterFirst = ManagementFactory.getThreadMXBean().getThreadCount();
            assertThat(gatlingThreads()).isEmpty();
            JsonNode second = run(command("second", server.baseUrl(), List.of("/second"), 4, 2000, 5000, true), "second");
            int threadsAfterSecond = ManagementFactory.getThreadMXBean().getThreadCount();
            assertThat(gatlingThreads()).isEmpty();

            for (JsonNode result : List.of(first, second)) {
                assertConsistent(result);
                String path = "/" + result.get("id").asText();
                assertThat(result.get("ok").asLong()).isEqualTo(server.requests(path));
                assertThat(result.get("ko").asLong()).isZero();
                assertThat(server.connections(path)).isEqualTo(4).isEqualTo(result.get("connectionsUsed").asInt());
                assertThat(result.get("schedule").isNull()).isTrue();
                assertThat(result.get("windowNanos").asLong()).isBetween(1_800_000_000L, 3_000_000_000L);
                assertThat(Path.of(result.get("reportDir").asText()).resolve("index.html")).isRegularFile();
            }
            assertThat(first.get("reportDir").asText()).isNotEqualTo(second.get("reportDir").asText());
            // Gatling shuts its event loops down after each run: nothing piles up. (The slack is
            // for Netty's global executor and the JDK server, which come and go on their own.)
            assertThat(threadsAfterSecond).isLessThanOrEqualTo(threadsAfterFirst + 2);
        }
    }

    @Test
    void aWarmUpWithTwoPathsSplitsTheUsersOverThemAndWritesNoReport() throws IOException {
        try (CountingServer server = new CountingServer(200)) {
            JsonNode result = run(command("warmup", server.baseUrl(), List.of("/a", "/b"), 4, 1500, 5000, false), "warmup");

            assertConsistent(result);
            assertThat(server.connections("/a")).isEqualTo(2);
            assertThat(server.connections("/b")).isEqualTo(2);
            assertThat(result.get("ok").asLong()).isEqualTo(server.requests("/a") + server.requests("/b"));
            assertThat(result.get("reportDir").isNull()).isTrue();
        }
    }

    @Test
    void twoBaseUrlsShareTheUsersRoundRobin() throws IOException {
        try (CountingServer one = new CountingServer(200); CountingServer two = new CountingServer(200)) {
            JsonNode result = run(command("spread", List.of(one.baseUrl(), two.baseUrl()), List.of("/json"), 4, 1000, 5000, false), "spread");

            assertConsistent(result);
            assertThat(one.connections("/json")).isEqualTo(2);
            assertThat(two.connections("/json")).isEqualTo(2);
            assertThat(result.get("ok").asLong()).isEqualTo(one.requests("/json") + two.requests("/json"));
        }
    }

    @Test
    void serverErrorsAreKoOfKindStatus500() throws IOException {
        try (CountingServer server = new CountingServer(500)) {
            JsonNode result = run(command("errors", server.baseUrl(), List.of("/json"), 2, 1000, 5000, false), "errors");

            assertConsistent(result);
            assertThat(result.get("ok").asLong()).isZero();
            assertThat(result.get("ko").asLong()).isEqualTo(server.requests("/json"));
            assertThat(errors(result)).containsOnlyKeys("status_500");
        }
    }

    @Test
    void aServerThatNeverAnswersGivesTimeoutsAfterTheRequestTimeout() throws IOException {
        try (SilentServer server = new SilentServer()) {
            JsonNode result = run(command("silent", server.baseUrl(), List.of("/json"), 2, 1500, 500, false), "silent");

            assertConsistent(result);
            assertThat(result.get("ok").asLong()).isZero();
            assertThat(errors(result)).containsOnlyKeys("timeout");
            // Each user: requests at 0, 0.5 and 1.0 s, each timing out 0.5 s later.
            assertThat(result.get("ko").asLong()).isBetween(4L, 8L);
            Histogram latency = histogram(result);
            assertThat(latency.getMinValue()).isGreaterThanOrEqualTo(latency.lowestEquivalentValue(500_000));
            // Timed out, not ended by the run: without the timeout they would never end at all.
            // The slack is for the timer's tick on a busy machine.
            assertThat(latency.getMaxValue()).isLessThan(1_500_000);
        }
    }

    @Test
    void aRefusedConnectionIsKoOfKindConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonNode result = run(command("refused", "http://127.0.0.1:" + closedPort, List.of("/json"), 1, 500, 5000, false), "refused");

        assertConsistent(result);
        assertThat(result.get("ok").asLong()).isZero();
        assertThat(errors(result)).containsOnlyKeys("connection");
    }

    @Test
    void aRunGatlingCannotStartStillGetsAResultFileWithTheError() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "in the way");
        String command = command("broken", "http://127.0.0.1:1", List.of("/json"), 1, 500, 500, false)
                .replace(dir.resolve("gatling").toString(), notADirectory.resolve("gatling").toString());

        JsonNode result = run(command, "broken");

        assertThat(result.get("error").asText()).contains("resultsDir");
        assertThat(result.get("requests").asLong()).isZero();
    }
}
