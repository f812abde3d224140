package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseCommand;

/**
 * The open model through the injector, against servers whose behaviour is known: one that stalls
 * on a fixed cycle, one with a fixed service time. Loads stay small (a few hundred requests per
 * second for a few seconds): the machine is shared, and what is tested is when requests go out,
 * not how many the injector can send.
 */
class OpenModelIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MS = 1_000;

    @TempDir
    Path dir;

    private JsonNode run(PhaseCommand command) throws IOException {
        String line = PhaseLoop.JSON.writeValueAsString(command);
        assertThat(new PhaseLoop().serve(new BufferedReader(new StringReader(line)))).isZero();
        JsonNode result = JSON.readTree(Path.of(command.out()).toFile());
        assertThat(result.get("error").isNull()).as("error: %s", result.get("error")).isTrue();
        assertThat(result.get("gatlingExitCode").asInt()).isZero();
        return result;
    }

    private PhaseCommand closed(String id, String baseUrl, int users, long durationMs) {
        return PhaseCommand.closed(id, List.of(baseUrl), List.of("/json"), users, durationMs, 5_000,
                dir.resolve("gatling").toString(), dir.resolve(id + ".json").toString(), false, null);
    }

    private PhaseCommand open(String id, String baseUrl, double rate, int connections, long durationMs) {
        return PhaseCommand.open(id, List.of(baseUrl), List.of("/json"), rate, connections, durationMs, 5_000,
                dir.resolve("gatling").toString(), dir.resolve(id + ".json").toString(), false, null);
    }

    /**
     * A short open run before the one measured: the first Gatling runs in a JVM are slow while
     * Gatling, Netty and the JDK server are loaded and compiled (the harness warms its injector
     * the same way), and a cold injector sends late.
     */
    private void warmUp(String baseUrl) throws IOException {
        run(closed("warm-up-closed", baseUrl, 4, 1_500));
        run(open("warm-up-open", baseUrl, 100, 8, 2_000));
    }

    private static Histogram serviceTime(JsonNode result) {
        return Histograms.decode(result.get("histogramMicros").asText());
    }

    private static Histogram fromDueTime(JsonNode result) {
        return Histograms.decode(result.at("/schedule/intendedHistogramMicros").asText());
    }

    private static long sum(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).sum();
    }

    @Test
    void theScheduledRequestsGoOutOverNoMoreConnectionsThanThePool() throws IOException {
        try (CountingServer server = new CountingServer(200)) {
            warmUp(server.baseUrl());
            server.reset();
            JsonNode result = run(open("pool", server.baseUrl(), 400, 3, 2_000));

            // 400 per second for 2 s: slots 0..799, every one sent against a server that keeps up
            assertThat(result.at("/schedule/scheduledRequests").asLong()).isEqualTo(800);
            assertThat(result.get("requests").asLong()).isEqualTo(800).isEqualTo(server.requests("/json"));
            assertThat(result.get("ok").asLong()).isEqualTo(800);
            assertThat(sum(result.get("perSecond"))).isEqualTo(800);
            assertThat(server.connections("/json")).isBetween(1, 3).isEqualTo(result.get("connectionsUsed").asInt());
            assertThat(fromDueTime(result).getTotalCount()).isEqualTo(800);
            // the rate is the timetable's, not the server's: 800 requests take about 2 s
            assertThat(result.get("windowNanos").asLong()).isBetween(1_900_000_000L, 2_600_000_000L);
            assertThat(result.at("/schedule/ratePerSecond").asDouble()).isEqualTo(400.0);
        }
    }

    /**
     * Issue 9's acceptance test. The server stops answering for 1 s every 5 s. Closed, 4 users
     * each wait out the stall with one request and then send thousands that are answered at once:
     * the stall is a handful of requests out of thousands, far beyond p99. Open, requests keep
     * falling due during the stall, 20 % of the run's, and each waits until it ends: from its due
     * time, a request due at the stall's start waits 1 s, one due 5 % into it 0.95 s, so the p99
     * of a 6 s run (the top 1 % of its requests, the first 6 % of the stall's) is 0.94 s at the
     * least, and more with the time to answer the backlog. It is asserted at 0.9 s, and the
     * longest wait at 0.95 s: exactly 1 s would need the injector to send within 50 ms of the
     * stall's start a request due 5 % into it.
     */
    @Test
    void aStallTheClosedModelHidesIsInTheOpenModelsLatencyFromDueTime() throws IOException {
        try (StallingServer server = new StallingServer(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1))) {
            JsonNode closed = run(closed("closed", server.baseUrl(), 4, 6_000));
            long stalledInClosed = server.stalledRequests();
            server.restartCycle();
            JsonNode open = run(open("open", server.baseUrl(), 200, 16, 6_000));

            Histogram closedLatency = serviceTime(closed);
            assertThat(stalledInClosed).as("the stall happened in the closed run").isBetween(1L, 4L);
            assertThat(closedLatency.getMaxValue()).as("closed max").isGreaterThan(900 * MS);
            assertThat(closedLatency.getValueAtPercentile(99)).as("closed p99").isLessThan(100 * MS);

            Histogram fromDue = fromDueTime(open);
            assertThat(server.stalledRequests()).as("the stall happened in the open run").isPositive();
            assertThat(open.get("requests").asLong()).isEqualTo(open.at("/schedule/scheduledRequests").asLong());
            assertThat(fromDue.getValueAtPercentile(99)).as("open p99 from due time").isGreaterThanOrEqualTo(900 * MS);
            assertThat(fromDue.getMaxValue()).as("open max from due time").isGreaterThanOrEqualTo(950 * MS);
            // the pool of 16 was held by the stall; the requests behind it waited for a connection
            assertThat(open.at("/schedule/queuedRequests").asLong()).isGreaterThan(100);
            assertThat(open.get("connectionsUsed").asInt()).isEqualTo(16);
        }
    }

    /**
     * Issue 9: at half the capacity of a server whose every answer takes 20 ms, requests due every
     * 10 ms never wait for one another, so the latency from the due time is the service time plus
     * the client's and the JDK server's own few hundred microseconds. Tolerance, documented in
     * loadtests/README.md: median within 3 ms of the 20 ms, p99 within 30 ms (here the server
     * shares the JVM and two shared cores with the injector: a GC or another process's burst
     * adds milliseconds to a few requests; 23-40 ms measured in runs that kept their schedule), and no more than 2 % of the
     * requests late, the share above which a point is flagged INJECTOR_LATE.
     *
     * <p>Other processes' builds share these two cores and can starve the injector for tens of
     * milliseconds; the injector then reports its late sends, as it should, and the point would
     * be flagged. So the measured run is tried up to three times, and the first that kept its
     * schedule is held to the tolerance; three late runs fail the test.
     */
    @Test
    void atHalfCapacityTheLatencyFromDueTimeIsTheServiceTime() throws IOException {
        try (FixedServiceTimeServer server = new FixedServiceTimeServer(4, Duration.ofMillis(20))) {
            warmUp(server.baseUrl());
            double rate = server.capacityPerSecond() / 2;
            JsonNode result = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                result = run(open("half-" + attempt, server.baseUrl(), rate, 8, 6_000));
                if (result.at("/schedule/lateRequests").asLong() <= result.get("requests").asLong() * 2 / 100) {
                    break;
                }
            }

            Histogram fromDue = fromDueTime(result);
            long requests = result.get("requests").asLong();
            assertThat(requests).isEqualTo(600).isEqualTo(result.at("/schedule/scheduledRequests").asLong());
            assertThat(fromDue.getMinValue()).isGreaterThanOrEqualTo(20 * MS);
            assertThat(fromDue.getValueAtPercentile(50)).isBetween(20 * MS, 23 * MS);
            assertThat(fromDue.getValueAtPercentile(99)).isBetween(20 * MS, 50 * MS);
            assertThat(result.at("/schedule/lateRequests").asLong()).as("late sends in the best of three runs")
                    .isLessThanOrEqualTo(requests * 2 / 100);
            assertThat(result.at("/schedule/queuedRequests").asLong()).isLessThanOrEqualTo(requests / 100);
        }
    }
}
