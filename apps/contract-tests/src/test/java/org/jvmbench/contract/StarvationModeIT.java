package org.jvmbench.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jvmbench.common.CpuWork;
import org.jvmbench.common.UnitRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starvation mode on the servlet app, with a worker pool of two: four concurrent
 * /cpu?split=2 requests block both workers on subtasks queued behind them on that same pool.
 * On platform threads nothing can ever run those subtasks and the server hangs; with virtual
 * threads the subtasks get threads of their own and everything completes.
 */
class StarvationModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Http HTTP = new Http();

    // The largest n, so each subtask runs for tens of milliseconds: wider than the spread
    // between four requests sent at once, so both workers are sure to be blocked together.
    private static final String SPLIT_REQUEST = "/cpu?n=2800&split=2";
    private static final int CONCURRENT_REQUESTS = 4;
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(60);

    private static AppProcess platform;
    private static AppProcess virtual;

    @BeforeAll
    static void launchTwoServletAppsWithTwoWorkers() {
        platform = AppProcess.start("starvation-platform", "servlet-undertow", List.of(),
                List.of("--server.undertow.threads.worker=2", "--bench.starvation=true"));
        virtual = AppProcess.start("starvation-virtual", "servlet-undertow", List.of(),
                List.of("--server.undertow.threads.worker=2", "--bench.starvation=true",
                        "--spring.threads.virtual.enabled=true"));
        platform.awaitReady(HTTP);
        virtual.awaitReady(HTTP);
    }

    @AfterAll
    static void stopBoth() {
        // The platform app is hung by now; close() falls back to killing it.
        if (platform != null) {
            platform.close();
        }
        if (virtual != null) {
            virtual.close();
        }
    }

    @Test
    void platformWorkersHangWhenEveryWorkerWaitsOnItsOwnPool() throws Exception {
        JsonNode effective = JSON.readTree(HTTP.get(platform.port(), "/info").body()).get("effective");
        assertThat(effective.get("threads").asInt()).isEqualTo(2);
        assertThat(effective.get("virtualThreads").asBoolean()).isFalse();
        assertThat(effective.get("starvation").asBoolean()).isTrue();

        List<CompletableFuture<Http.Reply>> replies = sendConcurrently(platform, HANG_TIMEOUT);

        for (CompletableFuture<Http.Reply> reply : replies) {
            assertThat(reply).failsWithin(HANG_TIMEOUT.multipliedBy(3))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(HttpTimeoutException.class);
        }
        // Not merely slow: with no worker free, even the cheapest request gets no answer.
        assertThat(HTTP.getAsync(platform.port(), "/json?items=1", HANG_TIMEOUT))
                .failsWithin(HANG_TIMEOUT.multipliedBy(3))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void virtualThreadsCompleteTheSameLoad() throws Exception {
        JsonNode info = JSON.readTree(HTTP.get(virtual.port(), "/info").body());
        assertThat(info.get("requested").get("virtualThreads").asBoolean()).isTrue();
        JsonNode effective = info.get("effective");
        assertThat(effective.get("virtualThreads").asBoolean()).isTrue();
        assertThat(effective.get("starvation").asBoolean()).isTrue();
        assertThat(effective.get("detail").get("cpuSplitExecutor").asText()).isEqualTo("new virtual threads");

        List<CompletableFuture<Http.Reply>> replies = sendConcurrently(virtual, COMPLETION_TIMEOUT);

        String expected = CpuWork.format(CpuWork.run(new UnitRange(0, 2800)));
        for (CompletableFuture<Http.Reply> reply : replies) {
            Http.Reply done = reply.get();
            assertThat(done.status()).isEqualTo(200);
            assertThat(JSON.readTree(done.body()).get("result").asText()).isEqualTo(expected);
        }
    }

    private static List<CompletableFuture<Http.Reply>> sendConcurrently(AppProcess app, Duration timeout) {
        List<CompletableFuture<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            replies.add(HTTP.getAsync(app.port(), SPLIT_REQUEST, timeout));
        }
        return replies;
    }
}
