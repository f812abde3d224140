package org.jvmbench.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
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
 * Open-model load like {@code wrk2 -R rate -c connections -d duration}: requests fall due on a
 * fixed timetable, {@code rate} per second, whatever the server does, and go out over a pool of
 * {@code connections} keep-alive connections. A request due while every connection is busy waits
 * for the first to free up, and its latency counts from when it fell due, so a stalled server
 * shows in the percentiles instead of slowing the load down (no coordinated omission).
 *
 * <p>Why not Gatling's own open injection ({@code constantUsersPerSec(rate)}, one request per
 * user, {@code shareConnections()}): Gatling 3.15 opens a new connection whenever a user finds no
 * idle one, with no limit ({@code maxConnectionsPerHost} only bounds the resources a user fetches
 * in parallel), so the pool could not be bounded, and it tells a session nothing of the moment
 * it was meant to start. See loadtests/README.md, "The open model".
 *
 * <pre>
 * ./mvnw -pl loadtests -am verify -Pgatling -DskipTests -Dgatling.simulationClass=org.jvmbench.loadtests.OpenLoadSimulation \
 *     -DbaseUrls=http://127.0.0.1:8080 -Dpaths=/json -Drate=2000 -Dconnections=64 -Dduration=30
 * </pre>
 */
public class OpenLoadSimulation extends Simulation {

    // Parameters: system properties with defaults (see SimulationParameters). Instance fields,
    // not static ones: the injector runs this class many times in one JVM with new values.
    private final List<String> baseUrls = SimulationParameters.list(SimulationParameters.BASE_URLS, "http://127.0.0.1:8080");
    private final List<String> paths = SimulationParameters.list(SimulationParameters.PATHS, "/");
    private final double rate = SimulationParameters.positiveNumber(SimulationParameters.RATE, "100");
    private final int connections = SimulationParameters.positiveInt(SimulationParameters.CONNECTIONS, 64);
    private final Duration duration = SimulationParameters.duration(SimulationParameters.DURATION, "30s");
    private final Duration requestTimeout = SimulationParameters.duration(SimulationParameters.REQUEST_TIMEOUT, "10s");

    // Our own recording, with the timetable, handed out for the injector.
    private final RunRecorder recorder = RecorderHandOff.publish(RunRecorder.open(requestTimeout, duration, rate));

    // Protocol: as the closed model's. No shareConnections(): each user is one connection of the
    // pool, kept alive for the whole run, and baseUrls gives each one server, round-robin.
    private final HttpProtocolBuilder protocol = http
            .baseUrls(baseUrls)
            .disableWarmUp()
            .disableCaching();

    // Scenario: each user (connection) takes the next due request of the shared timetable, waits
    // for its time, sends it, and takes the next as soon as the response is in, until no request
    // falls due within the duration. The circular feeder hands connection i paths[i % n]. The
    // status is saved before it is checked, so that a KO still tells which status it got.
    private final ScenarioBuilder onSchedule = scenario("open load")
            .feed(listFeeder(paths.stream().map(path -> Map.<String, Object>of("path", path)).toList()).circular())
            .exec(RecordingHooks.onSchedule(recorder, exec(http("GET #{path}")
                    .get("#{path}")
                    .requestTimeout(requestTimeout)
                    .check(status().saveAs(RecordingHooks.STATUS), status().is(200)))));

    // All connections at once; the timetable, not the injection profile, sets the rate. No
    // assertions: errors are data for the harness, not a reason to fail the run.
    {
        setUp(onSchedule.injectOpen(atOnceUsers(connections))).protocols(protocol);
    }

    @Override
    public void after() {
        System.out.println("[OpenLoadSimulation] " + recorder.snapshot().summary());
    }
}
