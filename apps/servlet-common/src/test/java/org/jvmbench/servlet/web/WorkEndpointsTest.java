package org.jvmbench.servlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.jvmbench.common.CpuWork;
import org.jvmbench.common.JsonDocument;
import org.jvmbench.common.RequestCounters;
import org.jvmbench.common.UnitRange;
import org.jvmbench.servlet.split.CpuSplitExecutors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(WorkController.class)
@Import({WebConfiguration.class, WorkEndpointsTest.SplitPool.class})
class WorkEndpointsTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class SplitPool {
        @Bean
        CpuSplitExecutors cpuSplitExecutors() {
            return new CpuSplitExecutors(ForkJoinPool.commonPool(), false, () -> {
                throw new AssertionError("no engine pool in a slice test");
            }, "none");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RequestCounters counters;

    @Test
    void jsonAnswersTheSharedDocument() {
        assertThat(mvc.get().uri("/json?items=3"))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .extractingPath("$.checksum").isEqualTo(JsonDocument.generate(3).checksum());
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        assertThat(mvc.get().uri("/json?items=many"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"error":"bad parameter","parameter":"items","message":"must be an integer in [1, 1000]"}""");
        assertThat(mvc.get().uri("/io?ms=-1")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("ms");
        assertThat(mvc.get().uri("/cpu?n=2801")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("n");
        assertThat(mvc.get().uri("/cpu?split=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("split");
    }

    @Test
    void offloadIsNotApplicableOnTheServletApp() {
        assertThat(mvc.get().uri("/io?ms=0&mode=offload"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("mode");
    }

    @Test
    void cpuResultDoesNotDependOnTheSplit() {
        String expected = CpuWork.format(CpuWork.run(new UnitRange(0, 10)));

        assertThat(mvc.get().uri("/cpu?n=10&split=3"))
                .hasStatusOk()
                .bodyJson().extractingPath("$.result").isEqualTo(expected);
    }

    @Test
    void ioAnswersWithTheWaitAndTheThreadThatWaited() {
        assertThat(mvc.get().uri("/io?ms=1"))
                .hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"waitedMs":1,"mode":"wait","app":"servlet"}""");
    }

    @Test
    void unknownPathAnswers404WithTheSharedBody() {
        assertThat(mvc.get().uri("/nowhere"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().isStrictlyEqualTo("""
                        {"error":"not found","path":"/nowhere"}""");
    }

    @Test
    void requestsAreCountedWhateverTheOutcome() {
        long before = counters.snapshot().get("/mixed") + counters.snapshot().get("/json");

        assertThat(mvc.get().uri("/mixed")).hasStatusOk();
        assertThat(mvc.get().uri("/json?items=0")).hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(counters.snapshot().get("/mixed") + counters.snapshot().get("/json")).isEqualTo(before + 2);
    }
}
