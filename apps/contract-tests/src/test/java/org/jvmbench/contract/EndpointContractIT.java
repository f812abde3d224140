package org.jvmbench.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvmbench.common.CpuWork;
import org.jvmbench.common.UnitRange;
import org.jvmbench.contract.ContractApps.Launch;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.protocol.info.JvmCounters;

/**
 * The endpoint contract, written once and checked against every app jar running as a real
 * process: the servlet app on each engine is compared with the reactive app, so for the same
 * request they must all answer the same status, content type and bytes, but for the fields
 * that name the app or the thread. Every app is launched with its knobs set, so /info is
 * checked against what the launch asked for.
 */
@ExtendWith(ContractApps.class)
class EndpointContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The harness's view of /info: any field the record does not have is a contract break. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Http HTTP = new Http();

    private static int port(Launch launch) {
        return ContractApps.app(launch).port();
    }

    /** Every servlet engine with every one of {@code requests}. */
    private static Stream<Arguments> eachEngineWith(Object... requests) {
        return ContractApps.servletEngines().flatMap(engine -> Stream.of(requests).map(r -> Arguments.of(engine, r)));
    }

    static Stream<Arguments> jsonRequests() {
        return eachEngineWith("/json", "/json?items=1", "/json?items=1000");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonRequests")
    void jsonIsByteIdenticalOnEveryApp(Launch servlet, String request) {
        Http.Reply fromServlet = HTTP.get(port(servlet), request);
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), request);

        assertThat(fromServlet.status()).isEqualTo(200);
        assertThat(fromServlet.contentType()).isEqualTo("application/json");
        assertSameReply(fromServlet, fromReactive);
    }

    static Stream<Arguments> splits() {
        return eachEngineWith(1, 2, 7, 64);
    }

    @ParameterizedTest(name = "{0} split={1}")
    @MethodSource("splits")
    void cpuResultIsTheSameOnEveryAppForEverySplit(Launch servlet, int split) throws Exception {
        String request = "/cpu?n=64&split=" + split;
        Http.Reply fromServlet = HTTP.get(port(servlet), request);
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), request);

        assertThat(fromServlet.status()).isEqualTo(200);
        assertSameReplyApartFromAppAndThread(fromServlet, fromReactive);
        assertThat(JSON.readTree(fromServlet.body()).get("result").asText())
                .isEqualTo(CpuWork.format(CpuWork.run(new UnitRange(0, 64))));
    }

    @ParameterizedTest
    @MethodSource("org.jvmbench.contract.ContractApps#servletEngines")
    void cpuDefaultIsTheDocumentedUnitCount(Launch servlet) throws Exception {
        Http.Reply reply = HTTP.get(port(servlet), "/cpu");

        assertThat(JSON.readTree(reply.body()).get("n").asInt()).isEqualTo(280);
        assertSameReplyApartFromAppAndThread(reply, HTTP.get(port(Launch.REACTIVE), "/cpu"));
    }

    @ParameterizedTest
    @MethodSource("org.jvmbench.contract.ContractApps#servletEngines")
    void mixedIsTheSameOnEveryAppAndWaitsItsEightMilliseconds(Launch servlet) {
        Http.Reply fromServlet = HTTP.get(port(servlet), "/mixed");
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), "/mixed");

        assertThat(fromServlet.status()).isEqualTo(200);
        assertSameReplyApartFromAppAndThread(fromServlet, fromReactive);
        assertThat(fromServlet.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(8));
        assertThat(fromReactive.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(8));
    }

    @ParameterizedTest
    @MethodSource("org.jvmbench.contract.ContractApps#servletEngines")
    void ioWaitsAtLeastTheRequestedTimeOnEveryApp(Launch servlet) throws Exception {
        Http.Reply fromServlet = HTTP.get(port(servlet), "/io?ms=150");
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), "/io?ms=150");

        assertThat(fromServlet.status()).isEqualTo(200);
        assertSameReplyApartFromAppAndThread(fromServlet, fromReactive);
        assertThat(fromServlet.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(fromReactive.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(JSON.readTree(fromServlet.body()).get("app").asText()).isEqualTo("servlet");
        assertThat(JSON.readTree(fromReactive.body()).get("app").asText()).isEqualTo("reactive");
    }

    @ParameterizedTest
    @MethodSource("org.jvmbench.contract.ContractApps#servletEngines")
    void offloadWaitsOnTheReactiveAppAndIsA400OnTheServletApp(Launch servlet) throws Exception {
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), "/io?ms=150&mode=offload");
        Http.Reply fromServlet = HTTP.get(port(servlet), "/io?ms=150&mode=offload");

        assertThat(fromReactive.status()).isEqualTo(200);
        assertThat(fromReactive.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(JSON.readTree(fromReactive.body()).get("thread").asText()).startsWith("boundedElastic-");
        assertThat(fromServlet.status()).isEqualTo(400);
        assertThat(JSON.readTree(fromServlet.body()).get("parameter").asText()).isEqualTo("mode");
    }

    @ParameterizedTest
    @EnumSource(value = Launch.class, names = {"REACTIVE", "REACTIVE_VIRTUAL"})
    void offloadSleepsOnBoundedElasticOnVirtualThreadsOnlyWhenAsked(Launch reactive) throws Exception {
        Http.Reply reply = HTTP.get(port(reactive), "/io?ms=10&mode=offload");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("thread").asText())
                .startsWith(reactive == Launch.REACTIVE_VIRTUAL ? "loomBoundedElastic-" : "boundedElastic-");
        assertThat(JSON.readTree(HTTP.get(port(reactive), "/info").body()).at("/effective/detail/boundedElasticThread")
                .asText()).startsWith(reactive == Launch.REACTIVE_VIRTUAL ? "VirtualThread[" : "Thread[");
    }

    static Stream<Arguments> badParameters() {
        return eachEngineWith(
                "/json?items=ten items", "/json?items=0 items", "/json?items=1001 items", "/json?items= items",
                "/json?items=1&items=2 items", "/io?ms=soon ms", "/io?ms=-1 ms", "/io?ms=1001 ms",
                "/io?mode=later mode", "/cpu?n=lots n", "/cpu?n=0 n", "/cpu?n=2801 n", "/cpu?n=99999999999 n",
                "/cpu?split=half split", "/cpu?split=0 split", "/cpu?split=65 split");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badParameters")
    void badParametersAnswerTheSame400JsonOnEveryApp(Launch servlet, String requestAndParameter) throws Exception {
        String request = requestAndParameter.substring(0, requestAndParameter.indexOf(' '));
        String parameter = requestAndParameter.substring(requestAndParameter.indexOf(' ') + 1);
        Http.Reply fromServlet = HTTP.get(port(servlet), request);
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), request);

        assertThat(fromServlet.status()).isEqualTo(400);
        assertThat(fromServlet.contentType()).isEqualTo("application/json");
        assertSameReply(fromServlet, fromReactive);
        JsonNode body = JSON.readTree(fromServlet.body());
        assertThat(body.get("error").asText()).isEqualTo("bad parameter");
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    static Stream<Arguments> unknownPaths() {
        return eachEngineWith("/", "/nowhere", "/json/extra", "/info.html", "/error");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownPaths")
    void unknownPathsAnswerTheSame404OnEveryApp(Launch servlet, String request) {
        Http.Reply fromServlet = HTTP.get(port(servlet), request);
        Http.Reply fromReactive = HTTP.get(port(Launch.REACTIVE), request);

        assertThat(fromServlet.status()).isEqualTo(404);
        assertThat(fromServlet.contentType()).isEqualTo("application/json");
        assertSameReply(fromServlet, fromReactive);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void infoBindsStrictlyToTheRecordTheHarnessReads(Launch launch) throws Exception {
        AppProcess app = ContractApps.app(launch);
        InfoBody info = STRICT.readValue(HTTP.get(app.port(), "/info").body(), InfoBody.class);

        assertThat(info.app()).isEqualTo(launch.servlet() ? "servlet" : "reactive");
        assertThat(info.engine()).isEqualTo(launch.engine());
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

    @ParameterizedTest
    @EnumSource(Launch.class)
    void infoShowsTheKnobsPassedAtLaunchAsTheRunningEngineHasThem(Launch launch) throws Exception {
        InfoBody info = STRICT.readValue(HTTP.get(port(launch), "/info").body(), InfoBody.class);

        assertThat(info.requested()).isEqualTo(launch.requested);
        assertThat(info.effective()).usingRecursiveComparison().ignoringFields("detail").isEqualTo(launch.effective);
        assertThat(String.valueOf(info.effective().detail().get("handlerThread"))).contains(launch.handlerThread);
        if (launch.effective.extraCpuMicros() > 0) {
            // the spin's calibration, so a run records how many steps a microsecond took on this CPU
            assertThat(((Number) info.effective().detail().get("extraCpuStepsPerMicro")).doubleValue()).isPositive();
        } else {
            assertThat(info.effective().detail()).doesNotContainKey("extraCpuStepsPerMicro");
        }
        if (!launch.servlet()) {
            // The loops counted are the ones serving requests: /info itself ran on one of them.
            assertThat(info.effective().detail().get("handlerOnServerEventLoop")).isEqualTo(true);
        }
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void requestCountersGrowByExactlyTheRequestsSent(Launch launch) throws Exception {
        int port = port(launch);
        Map<String, Long> before = requests(port);
        HTTP.get(port, "/json?items=1");
        HTTP.get(port, "/json?items=0");
        HTTP.get(port, "/json");
        HTTP.get(port, "/cpu?n=1");
        HTTP.get(port, "/cpu?split=x");
        HTTP.get(port, "/io?ms=0");
        HTTP.get(port, "/mixed");
        HTTP.get(port, "/nowhere");
        Map<String, Long> after = requests(port);

        assertThat(after.get("/json") - before.get("/json")).as("/json").isEqualTo(3);
        assertThat(after.get("/cpu") - before.get("/cpu")).as("/cpu").isEqualTo(2);
        assertThat(after.get("/io") - before.get("/io")).as("/io").isEqualTo(1);
        assertThat(after.get("/mixed") - before.get("/mixed")).as("/mixed").isEqualTo(1);
        // The second /info counts itself: counting happens on entry.
        assertThat(after.get("/info") - before.get("/info")).as("/info").isEqualTo(1);
    }

    private static Map<String, Long> requests(int port) throws Exception {
        JsonNode requests = JSON.readTree(HTTP.get(port, "/info").body()).get("requests");
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
