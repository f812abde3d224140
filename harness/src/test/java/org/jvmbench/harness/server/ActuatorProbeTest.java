package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.OwnJar;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.settings.Tuning;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.info.JvmCounters;

/**
 * Reading a user's jar through Actuator, fed answers recorded from a real one: the test's own
 * example app (apps/example-own-app, Spring Boot 3.5.16 on Tomcat 10.1.55, Actuator exposing
 * health and metrics) started with {@code --server.tomcat.threads.max=16
 * --server.tomcat.max-connections=500} (and once with {@code --spring.threads.virtual.enabled=true}),
 * three requests to {@code /hello?name=x}, then every path below fetched with curl into
 * {@code src/test/resources/actuator/*.json}.
 */
class ActuatorProbeTest {

    private static final URI BASE = URI.create("http://127.0.0.1:18731");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recorded Actuator: its answers by path and decoded query; anything else is a 404. */
    private static ActuatorProbe.Http recorded(String fixture) throws IOException {
        Map<String, ActuatorProbe.Answer> answers = new HashMap<>();
        try (InputStream in = ActuatorProbeTest.class.getResourceAsStream("/actuator/" + fixture)) {
            JSON.readTree(in).properties().forEach(e -> {
                JsonNode answer = e.getValue();
                answers.put(e.getKey(), new ActuatorProbe.Answer(answer.path("status").asInt(),
                        answer.has("body") ? answer.get("body").toString() : ""));
            });
        }
        return http(answers);
    }

    private static ActuatorProbe.Http http(Map<String, ActuatorProbe.Answer> answers) {
        return (uri, timeout) -> {
            String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8));
            return answers.getOrDefault(key, new ActuatorProbe.Answer(404, ""));
        };
    }

    private static ServerSpec jar(Engine engine, Integer threads, boolean virtual, Tuning tuning) {
        return ServerSpec.of(engine.app()).engine(engine).ownJar(new OwnJar(Path.of("own.jar"), "/actuator/health", null))
                .threads(threads).virtualThreads(virtual).tuning(tuning).bind("127.0.0.1").port(9000)
                .heap(HeapSize.parse("256m")).gc(Gc.G1).build();
    }

    @Test
    void readsTomcatsThreadsAndConnectionsBackAndSaysWhatItCannotRead() throws Exception {
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", recorded("tomcat-threads-16.json"));
        ServerSpec spec = jar(Engine.TOMCAT, 16, false, Tuning.of(Map.of(Knob.MIN_THREADS, 4, Knob.MAX_CONNECTIONS, 500)));

        ReadBack readBack = probe.readBack(spec, probe.ready(BASE, TIMEOUT), BASE, TIMEOUT);

        assertThat(readBack.mismatches()).isEmpty();
        assertThat(readBack.described()).containsExactly(
                Map.entry("engine", "tomcat (asked tomcat, read from Actuator metric names)"),
                Map.entry("threads", "16 (asked 16, read from Actuator tomcat.threads.config.max)"),
                Map.entry("minThreads", "4 requested, not verified (Actuator has no metric for Tomcat min spare threads)"),
                Map.entry("maxConnections", "500 (asked 500, read from Actuator tomcat.connections.config.max)"),
                Map.entry("acceptCount", "engine default, not verified (Actuator has no metric for Tomcat accept backlog)"),
                Map.entry("maxKeepAliveRequests", "engine default, not verified (Actuator has no metric for Tomcat requests per connection)"),
                Map.entry("virtualThreads", "off requested, not verified (Actuator has no metric for requests on virtual threads)"));
    }

    @Test
    void aThreadCountOtherThanAskedIsAMismatch() throws Exception {
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", recorded("tomcat-threads-16.json"));
        ServerSpec spec = jar(Engine.TOMCAT, 32, false, Tuning.NONE);

        ReadBack readBack = probe.readBack(spec, probe.ready(BASE, TIMEOUT), BASE, TIMEOUT);

        assertThat(readBack.mismatches()).containsExactly("threads 16 instead of 32");
        assertThatThrownBy(() -> ServerLauncher.verify(readBack, BASE))
                .hasMessage("the server on http://127.0.0.1:18731 runs threads 16 instead of 32");
    }

    @Test
    void aJarOnAnotherEngineThanDeclaredIsCaughtByItsMetricNames() throws Exception {
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", recorded("tomcat-threads-16.json"));

        ReadBack readBack = probe.readBack(jar(Engine.JETTY, null, false, Tuning.NONE), probe.ready(BASE, TIMEOUT), BASE, TIMEOUT);

        assertThat(readBack.mismatches()).containsExactly("engine tomcat instead of jetty");
    }

    @Test
    void tomcatOnVirtualThreadsReportsNoPool() throws Exception {
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", recorded("tomcat-virtual.json"));

        ReadBack readBack = probe.readBack(jar(Engine.TOMCAT, null, true, Tuning.NONE), probe.ready(BASE, TIMEOUT), BASE, TIMEOUT);

        assertThat(readBack.item(Knob.THREADS).describe()).isEqualTo("none (engine default, read from Actuator tomcat.threads.config.max)");
        assertThat(readBack.mismatches()).isEmpty();
    }

    @Test
    void readsTheJvmsCountersAndTheRequestsOfAnEndpointByItsPath() throws Exception {
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", recorded("tomcat-threads-16.json"));

        ServerReading reading = probe.read(BASE, List.of("/hello?name=x", "/missing"), TIMEOUT);

        assertThat(reading.info()).isNull();
        assertThat(reading.notCounted()).isNull();
        assertThat(reading.requestsFor("/hello?name=x")).isEqualTo(OptionalLong.of(3));
        assertThat(reading.requestsFor("/missing")).as("no request has reached it: no uri tag").isEmpty();
        JvmCounters counters = reading.counters();
        assertThat(counters.compilationMs()).isEqualTo(24_831);
        assertThat(counters.startEpochMs()).isEqualTo(1_796_104_671_385L);
        assertThat(counters.threads()).isEqualTo(22);
        assertThat(counters.gcCount()).isEqualTo(2);
        assertThat(counters.gcTimeMs()).isEqualTo(17);
        assertThat(counters.memory()).as("Actuator has no heap-after-GC figure").isNull();
    }

    @Test
    void countsBetweenTwoReadingsOrSaysWhyThereAreNone() {
        ServerReading before = new ServerReading(null, null, Map.of(), null);
        ServerReading after = new ServerReading(null, null, Map.of("/hello", 120L), null);
        ServerReading later = new ServerReading(null, null, Map.of("/hello", 150L), null);

        assertThat(ServerReading.servedBetween(List.of(before), List.of(after), "/hello")).isEqualTo(OptionalLong.of(120));
        assertThat(ServerReading.servedBetween(List.of(after), List.of(later), "/hello")).isEqualTo(OptionalLong.of(30));
        assertThat(ServerReading.servedBetween(List.of(after), List.of(before), "/users/42")).isEmpty();
        assertThat(ServerReading.why(List.of(after), List.of(later), "/users/42?x=1"))
                .startsWith("server request counts unavailable: Actuator's http.server.requests has no uri tag for /users/42 ");
        ServerReading uncounted = new ServerReading(null, null, Map.of(), "the jar records no http.server.requests in Actuator");
        assertThat(ServerReading.servedBetween(List.of(uncounted), List.of(uncounted), "/hello")).isEmpty();
        assertThat(ServerReading.why(List.of(uncounted), List.of(uncounted), "/hello")).isEqualTo(
                "server request counts unavailable: the jar records no http.server.requests in Actuator; client and server counts not reconciled");
        assertThat(ServerReading.why(List.of(), List.of(), "/hello"))
                .isEqualTo("server request counts unavailable: the server did not answer its counters before the point");
    }

    @Test
    void aJarWithoutMetricsIsReadyButNothingOfItIsVerifiedOrCounted() throws Exception {
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", http(Map.of(
                "/actuator/health", new ActuatorProbe.Answer(200, "{\"status\":\"UP\"}"))));
        ServerSpec spec = jar(Engine.UNDERTOW, 8, false, Tuning.NONE);

        ServerReading first = probe.ready(BASE, TIMEOUT);
        ReadBack readBack = probe.readBack(spec, first, BASE, TIMEOUT);

        assertThat(first.counters()).isNull();
        assertThat(first.notCounted()).startsWith("the jar exposes no Actuator metrics (/actuator/metrics answered 404;");
        assertThat(readBack.unverified()).extracting(ReadBack.Item::knob)
                .containsExactly(Knob.ENGINE, Knob.WORKERS, Knob.THREADS, Knob.VIRTUAL_THREADS);
        assertThat(readBack.item(Knob.THREADS).describe()).startsWith("8 requested, not verified (the jar exposes no Actuator metrics");
        assertThat(readBack.mismatches()).isEmpty();
    }

    @Test
    void jettysPoolIsReadFromItsOwnMetricsAndNotOnVirtualThreads() throws Exception {
        String names = "{\"names\":[\"http.server.requests\",\"jetty.threads.config.max\",\"jetty.threads.config.min\",\"jetty.threads.current\"]}";
        ActuatorProbe probe = new ActuatorProbe("/actuator/health", http(Map.of(
                "/actuator/health", new ActuatorProbe.Answer(200, "{}"),
                "/actuator/metrics", new ActuatorProbe.Answer(200, names),
                "/actuator/metrics/jetty.threads.config.max", new ActuatorProbe.Answer(200,
                        "{\"name\":\"jetty.threads.config.max\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":50.0}]}"),
                "/actuator/metrics/jetty.threads.config.min", new ActuatorProbe.Answer(200,
                        "{\"name\":\"jetty.threads.config.min\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":8.0}]}"))));

        ReadBack platform = probe.readBack(jar(Engine.JETTY, 50, false, Tuning.NONE), probe.ready(BASE, TIMEOUT), BASE, TIMEOUT);
        assertThat(platform.item(Knob.THREADS).describe()).isEqualTo("50 (asked 50, read from Actuator jetty.threads.config.max)");
        assertThat(platform.item(Knob.MIN_THREADS).describe()).isEqualTo("8 (engine default, read from Actuator jetty.threads.config.min)");
        assertThat(platform.item(Knob.ENGINE).effective()).isEqualTo("jetty");

        ActuatorProbe virtual = new ActuatorProbe("/actuator/health", http(Map.of(
                "/actuator/health", new ActuatorProbe.Answer(200, "{}"),
                "/actuator/metrics", new ActuatorProbe.Answer(200, "{\"names\":[\"jetty.threads.current\"]}"))));
        ReadBack onVirtual = virtual.readBack(jar(Engine.JETTY, 50, true, Tuning.NONE), virtual.ready(BASE, TIMEOUT), BASE, TIMEOUT);
        assertThat(onVirtual.item(Knob.THREADS).describe())
                .isEqualTo("50 requested, not verified (Jetty's virtual-thread pool reports no jetty.threads.config.max)");
    }

    @Test
    void isReadyOnlyWhenItsReadinessPathAnswers200() throws Exception {
        ActuatorProbe nowhere = new ActuatorProbe("/nowhere", recorded("tomcat-threads-16.json"));

        assertThatThrownBy(() -> nowhere.ready(BASE, TIMEOUT))
                .isInstanceOfSatisfying(ServerProbe.NotReady.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("/nowhere answered 404");
        ActuatorProbe refused = new ActuatorProbe("/actuator/health", (uri, timeout) -> {
            throw new java.net.ConnectException("refused");
        });
        assertThatThrownBy(() -> refused.ready(BASE, TIMEOUT))
                .isInstanceOfSatisfying(ServerProbe.NotReady.class, e -> assertThat(e.status()).isZero());
    }
}
