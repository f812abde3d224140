package org.jvmbench.reactive.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jvmbench.common.CpuWork;
import org.jvmbench.common.JsonDocument;
import org.jvmbench.common.RequestCounters;
import org.jvmbench.common.UnitRange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(WorkController.class)
@Import(WebConfiguration.class)
class WorkEndpointsTest {

    @Autowired
    WebTestClient client;

    @Autowired
    RequestCounters counters;

    @Test
    void jsonAnswersTheSharedDocument() {
        client.get().uri("/json?items=3").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.checksum").isEqualTo(JsonDocument.generate(3).checksum());
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        client.get().uri("/json?items=many").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        {"error":"bad parameter","parameter":"items","message":"must be an integer in [1, 1000]"}""",
                        true);
        client.get().uri("/io?ms=1001").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("ms");
        client.get().uri("/io?mode=later").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("mode");
        client.get().uri("/cpu?split=65").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("split");
    }

    @Test
    void cpuResultDoesNotDependOnTheSplitAndSplitWorkLeavesTheEventLoop() {
        String expected = CpuWork.format(CpuWork.run(new UnitRange(0, 10)));

        client.get().uri("/cpu?n=10&split=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.result").isEqualTo(expected)
                .jsonPath("$.thread").value(thread -> assertThat((String) thread).startsWith("parallel-"));
    }

    @Test
    void ioWaitsOnATimerAndOffloadSleepsOnBoundedElastic() {
        client.get().uri("/io?ms=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mode").isEqualTo("wait")
                .jsonPath("$.thread").value(thread -> assertThat((String) thread).startsWith("parallel-"));
        client.get().uri("/io?ms=1&mode=offload").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mode").isEqualTo("offload")
                .jsonPath("$.thread").value(thread -> assertThat((String) thread).startsWith("boundedElastic-"));
    }

    @Test
    void unknownPathAnswers404WithTheSharedBody() {
        client.get().uri("/nowhere").exchange()
                .expectStatus().isNotFound()
                .expectBody().json("""
                        {"error":"not found","path":"/nowhere"}""", true);
    }

    @Test
    void requestsAreCountedWhateverTheOutcome() {
        long before = counters.snapshot().get("/mixed") + counters.snapshot().get("/cpu");

        client.get().uri("/mixed").exchange().expectStatus().isOk();
        client.get().uri("/cpu?n=x").exchange().expectStatus().isBadRequest();

        assertThat(counters.snapshot().get("/mixed") + counters.snapshot().get("/cpu")).isEqualTo(before + 2);
    }
}
