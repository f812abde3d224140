package org.jvmbench.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.jvmbench.loadtests.recording.RecorderHandOff;
import org.jvmbench.loadtests.recording.RecordingHooks;
import org.jvmbench.loadtests.recording.RunRecorder;

/**
 * Closed-model load like {@code wrk -c users -d duration}: all users start at once, and each
 * sends requests back to back over its own keep-alive connection until the duration is up.
 * Besides Gatling's own report, every request is timed into a {@link RunRecorder} (microseconds,
 * HdrHistogram), which the injector writes out after the run.
 *
 * <pre>
 * ./mvnw -B -ntp -pl loadtests -am verify -Pgatling -DskipTests -Dgatling.simulationClass=org.jvmbench.loadtests.ClosedLoadSimulation \
 *     -DbaseUrls=http://127.0.0.1:8080 -Dpaths=/json -Dusers=64 -Dduration=30
 * </pre>
 */
public class ClosedLoadSimulation extends Simulation {

    // Parameters: system properties with defaults (see SimulationParameters). Instance fields,
    // not static ones: the injector runs this class many times in one JVM with new values.
    private final List<String> baseUrls = SimulationParameters.list(SimulationParameters.BASE_URLS, "http://127.0.0.1:8080");
    private final List<String> paths = SimulationParameters.list(SimulationParameters.PATHS, "/");
    private final int users = SimulationParameters.positiveInt(SimulationParameters.USERS, 64);
    private final Duration duration = SimulationParameters.duration(SimulationParameters.DURATION, "30s");
    private final Duration requestTimeout = SimulationParameters.duration(SimulationParameters.REQUEST_TIMEOUT, "10s");

    // Our own recording, handed out for the injector.
    private final RunRecorder recorder =
            RecorderHandOff.publish(new RunRecorder(requestTimeout, duration.plus(requestTimeout)));

    // Protocol: no shareConnections(), so each user keeps one connection of its own for its whole
    // life, and baseUrls gives each user one server, round-robin. No warm-up request to
    // gatling.io, no caching of responses: every request reaches the server.
    private final HttpProtocolBuilder protocol = http
            .baseUrls(baseUrls)
            .disableWarmUp()
            .disableCaching();

    // Scenario: the circular feeder hands user i paths[i % n], and each user counts as one
    // connection for the record. The loop does not exit as soon as
    // the duration is up (exitASAP = false): a request already sent completes and is recorded,
    // so the server's count and ours agree. The status is saved before it is checked, so that a
    // KO still tells which status it got.
    private final ScenarioBuilder closedLoop = scenario("closed loop")
            .feed(listFeeder(paths.stream().map(path -> Map.<String, Object>of("path", path)).toList()).circular())
            .exec(RecordingHooks.connectionOfItsOwn(recorder))
            .during(duration, false).on(
                    RecordingHooks.around(recorder, exec(http("GET #{path}")
                            .get("#{path}")
                            .requestTimeout(requestTimeout)
                            .check(status().saveAs(RecordingHooks.STATUS), status().is(200)))));

    // No assertions: errors are data for the harness, not a reason to fail the run.
    {
        setUp(closedLoop.injectOpen(atOnceUsers(users))).protocols(protocol);
    }

    @Override
    public void after() {
        System.out.println("[ClosedLoadSimulation] " + recorder.snapshot().summary());
    }
}
