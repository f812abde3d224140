package org.jvmbench.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jvmbench.common.CpuWork;
import org.jvmbench.common.UnitRange;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.protocol.info.JvmCounters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The endpoint contract, written once and checked against both jars running side by side as
 * real processes: for the same request both apps must answer the same status, content type
 * and bytes, but for the fields that name the app or the thread. Both are launched with
 * thread knobs set, so /info is checked against what the launch asked for.
 */
@ExtendWith(ContractApps.class)
class BothAppsContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The harness's view of /info: any field the record does not have is a contract break. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Http HTTP = new Http();

    private static AppProcess servlet;
    private static AppProcess reactive;

    @BeforeAll
    static void bothApps() {
        servlet = ContractApps.app(ContractApps.Launch.SERVLET_UNDERTOW);
        reactive = ContractApps.app(ContractApps.Launch.REACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/json", "/json?items=1", "/json?items=1000"})
    void jsonIsByteIdenticalOnBothApps(String request) {
        Http.Reply fromServlet = HTTP.get(servlet.port(), request);
        Http.Reply fromReactive = HTTP.get(reactive.port(), request);

        assertThat(fromServlet.status()).isEqualTo(200);
        assertThat(fromServlet.contentType()).isEqualTo("application/json");
        assertSameReply(fromServlet, fromReactive);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64})
    void cpuResultIsTheSameOnBothAppsForEverySplit(int split) throws Exception {
        String request = "/cpu?n=64&split=" + split;
        Http.Reply fromServlet = HTTP.get(servlet.port(), request);
        Http.Reply fromReactive = HTTP.get(reactive.port(), request);

        assertThat(fromServlet.status()).isEqualTo(200);
        assertSameReplyApartFromAppAndThread(fromServlet, fromReactive);
        assertThat(JSON.readTree(fromServlet.body()).get("result").asText())
                .isEqualTo(CpuWork.format(CpuWork.run(new UnitRange(0, 64))));
    }

    @Test
    void cpuDefaultIsTheDocumentedUnitCount() throws Exception {
        Http.Reply reply = HTTP.get(servlet.port(), "/cpu");

        assertThat(JSON.readTree(reply.body()).get("n").asInt()).isEqualTo(280);
        assertSameReplyApartFromAppAndThread(reply, HTTP.get(reactive.port(), "/cpu"));
    }

    @Test
    void mixedIsTheSameOnBothAppsAndWaitsItsEightMilliseconds() {
        Http.Reply fromServlet = HTTP.get(servlet.port(), "/mixed");
        Http.Reply fromReactive = HTTP.get(reactive.port(), "/mixed");

        assertThat(fromServlet.status()).isEqualTo(200);
        assertSameReplyApartFromAppAndThread(fromServlet, fromReactive);
        assertThat(fromServlet.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(8));
        assertThat(fromReactive.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(8));
    }

    @Test
    void ioWaitsAtLeastTheRequestedTimeOnBothApps() throws Exception {
        Http.Reply fromServlet = HTTP.get(servlet.port(), "/io?ms=150");
        Http.Reply fromReactive = HTTP.get(reactive.port(), "/io?ms=150");

        assertThat(fromServlet.status()).isEqualTo(200);
        assertSameReplyApartFromAppAndThread(fromServlet, fromReactive);
        assertThat(fromServlet.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(fromReactive.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(JSON.readTree(fromServlet.body()).get("app").asText()).isEqualTo("servlet");
        assertThat(JSON.readTree(fromReactive.body()).get("app").asText()).isEqualTo("reactive");
    }

    @Test
    void offloadWaitsOnTheReactiveAppAndIsA400OnTheServletApp() throws Exception {
        Http.Reply fromReactive = HTTP.get(reactive.port(), "/io?ms=150&mode=offload");
        Http.Reply fromServlet = HTTP.get(servlet.port(), "/io?ms=150&mode=offload");

        assertThat(fromReactive.status()).isEqualTo(200);
        assertThat(fromReactive.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(JSON.readTree(fromReactive.body()).get("thread").asText()).startsWith("boundedElastic-");
        assertThat(fromServlet.status()).isEqualTo(400);
        assertThat(JSON.readTree(fromServlet.body()).get("parameter").asText()).isEqualTo("mode");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/json?items=ten,   items",
        "/json?items=0,     items",
        "/json?items=1001,  items",
        "/json?items=,      items",
        "/json?items=1&items=2, items",
        "/io?ms=soon,       ms",
        "/io?ms=-1,         ms",
        "/io?ms=1001,       ms",
        "/io?mode=later,    mode",
        "/cpu?n=lots,       n",
        "/cpu?n=0,          n",
        "/cpu?n=2801,       n",
        "/cpu?n=99999999999, n",
        "/cpu?split=half,   split",
        "/cpu?split=0,      split",
        "/cpu?split=65,     split",
    })
    void badParametersAnswerTheSame400JsonOnBothApps(String request, String parameter) throws Exception {
        Http.Reply fromServlet = HTTP.get(servlet.port(), request);
        Http.Reply fromReactive = HTTP.get(reactive.port(), request);

        assertThat(fromServlet.status()).isEqualTo(400);
        assertThat(fromServlet.contentType()).isEqualTo("application/json");
        assertSameReply(fromServlet, fromReactive);
        JsonNode body = JSON.readTree(fromServlet.body());
        assertThat(body.get("error").asText()).isEqualTo("bad parameter");
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nowhere", "/json/extra", "/info.html"})
    void unknownPathsAnswerTheSame404OnBothApps(String request) {
        Http.Reply fromServlet = HTTP.get(servlet.port(), request);
        Http.Reply fromReactive = HTTP.get(reactive.port(), request);

        assertThat(fromServlet.status()).isEqualTo(404);
        assertSameReply(fromServlet, fromReactive);
    }

    @Test
    void infoBindsStrictlyToTheRecordTheHarnessReads() throws Exception {
        for (AppProcess app : List.of(servlet, reactive)) {
            InfoBody info = STRICT.readValue(HTTP.get(app.port(), "/info").body(), InfoBody.class);

            assertThat(info.versions().springBoot()).isEqualTo("3.5.16");
            assertThat(info.versions().engine()).isNotBlank().isNotEqualTo("unknown");
            assertThat(info.versions().java()).isEqualTo(System.getProperty("java.version"));
            assertThat(info.pid()).isEqualTo(app.pid());
            assertThat(info.jvm().inputArguments()).contains("-Xmx512m");
            assertThat(info.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(info.requests()).containsOnlyKeys("/json", "/io", "/cpu", "/mixed", "/info");
            assertThat(info.uptimeMs()).isPositive();
            assertThat(info.counters().startEpochMs()).isPositive();
            assertThat(info.counters().compilationMs()).isPositive();
            assertThat(info.counters().collectors()).extracting(JvmCounters.Collector::name).isNotEmpty();
            assertThat(info.counters().memory().heapMaxBytes()).isEqualTo(512L * 1024 * 1024);
            assertThat(info.counters().threads()).isPositive();
        }
    }

    @Test
    void servletInfoShowsTheUndertowThreadsPassedAtLaunch() throws Exception {
        JsonNode info = JSON.readTree(HTTP.get(servlet.port(), "/info").body());

        assertThat(info.get("app").asText()).isEqualTo("servlet");
        assertThat(info.get("engine").asText()).isEqualTo("undertow");
        assertThat(info.get("requested").toString())
                .isEqualTo("{\"workers\":3,\"threads\":5,\"virtualThreads\":null,\"starvation\":null}");
        JsonNode effective = info.get("effective");
        assertThat(effective.get("workers").asInt()).isEqualTo(3);
        assertThat(effective.get("threads").asInt()).isEqualTo(5);
        assertThat(effective.get("virtualThreads").asBoolean()).isFalse();
        assertThat(effective.get("starvation").asBoolean()).isFalse();
        assertThat(effective.get("detail").get("handlerThread").asText()).contains("XNIO-1 task-");
    }

    @Test
    void reactiveInfoShowsTheEventLoopsAndParallelThreadsPassedAtLaunch() throws Exception {
        JsonNode info = JSON.readTree(HTTP.get(reactive.port(), "/info").body());

        assertThat(info.get("app").asText()).isEqualTo("reactive");
        assertThat(info.get("engine").asText()).isEqualTo("reactor-netty");
        assertThat(info.get("requested").toString())
                .isEqualTo("{\"workers\":3,\"threads\":2,\"virtualThreads\":null,\"starvation\":null}");
        JsonNode effective = info.get("effective");
        assertThat(effective.get("workers").asInt()).isEqualTo(3);
        assertThat(effective.get("threads").asInt()).isEqualTo(2);
        assertThat(effective.get("virtualThreads").asBoolean()).isFalse();
        assertThat(effective.get("starvation").asBoolean()).isFalse();
        // The loops counted are the ones serving requests: /info itself ran on one of them.
        assertThat(effective.get("detail").get("handlerOnServerEventLoop").asBoolean()).isTrue();
    }

    @Test
    void requestCountersGrowByExactlyTheRequestsSent() throws Exception {
        for (AppProcess app : List.of(servlet, reactive)) {
            Map<String, Long> before = requests(app);
            HTTP.get(app.port(), "/json?items=1");
            HTTP.get(app.port(), "/json?items=0");
            HTTP.get(app.port(), "/json");
            HTTP.get(app.port(), "/cpu?n=1");
            HTTP.get(app.port(), "/cpu?split=x");
            HTTP.get(app.port(), "/io?ms=0");
            HTTP.get(app.port(), "/mixed");
            HTTP.get(app.port(), "/nowhere");
            Map<String, Long> after = requests(app);

            assertThat(after.get("/json") - before.get("/json")).as("/json").isEqualTo(3);
            assertThat(after.get("/cpu") - before.get("/cpu")).as("/cpu").isEqualTo(2);
            assertThat(after.get("/io") - before.get("/io")).as("/io").isEqualTo(1);
            assertThat(after.get("/mixed") - before.get("/mixed")).as("/mixed").isEqualTo(1);
            // The second /info counts itself: counting happens on entry.
            assertThat(after.get("/info") - before.get("/info")).as("/info").isEqualTo(1);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Long> requests(AppProcess app) throws Exception {
        JsonNode requests = JSON.readTree(HTTP.get(app.port(), "/info").body()).get("requests");
        return JSON.convertValue(requests, JSON.getTypeFactory().constructMapType(Map.class, String.class, Long.class));
    }

    private static void assertSameReply(Http.Reply fromServlet, Http.Reply fromReactive) {
        assertThat(fromReactive.status()).as("status").isEqualTo(fromServlet.status());
        assertThat(fromReactive.contentType()).as("content type").isEqualTo(fromServlet.contentType());
        assertThat(fromReactive.body()).as("body").isEqualTo(fromServlet.body());
    }

    private static void assertSameReplyApartFromAppAndThread(Http.Reply fromServlet, Http.Reply fromReactive) {
        assertThat(fromReactive.status()).as("status").isEqualTo(fromServlet.status());
        assertThat(fromReactive.contentType()).as("content type").isEqualTo(fromServlet.contentType());
        assertThat(withoutAppAndThread(fromReactive.body())).as("body").isEqualTo(withoutAppAndThread(fromServlet.body()));
    }

    /** Blanks the two fields that must differ, keeping every other byte for comparison. */
    private static String withoutAppAndThread(String body) {
        return body.replaceAll("\"app\":\"[^\"]*\"", "\"app\":\"?\"")
                .replaceAll("\"thread\":\"[^\"]*\"", "\"thread\":\"?\"");
    }
}
