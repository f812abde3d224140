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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jvmbench.common.CpuWork;
import org.jvmbench.common.UnitRange;

/**
 * Starvation mode on the servlet app, on each engine, with a request pool of two threads: four
 * concurrent /cpu?split=2 requests block both on subtasks queued behind them on that same
 * pool. On platform threads nothing can ever run those subtasks and the server hangs; with
 * virtual threads the subtasks get threads of their own and everything completes. The mode is
 * engine-independent code; only the pool differs.
 */
class StarvationModeIT {

    /** Each engine's smallest request pool, and how /info names it. */
    enum Pool {
        UNDERTOW("servlet-undertow", 2, List.of("--server.undertow.threads.worker=2"), "XNIO worker pool (starvation)"),
        TOMCAT("servlet-tomcat", 2, List.of("--server.tomcat.threads.max=2"), "Tomcat executor (starvation)"),
        // Jetty's acceptor and selector take two of its pool's threads for good: two are left.
        JETTY("servlet-jetty", 4, List.of("--server.jetty.threads.max=4", "--server.jetty.threads.min=4",
                "--server.jetty.threads.acceptors=1", "--server.jetty.threads.selectors=1"), "Jetty thread pool (starvation)");

        final String module;
        final int threads;
        final List<String> arguments;
        final String executor;

        Pool(String module, int threads, List<String> arguments, String executor) {
            this.module = module;
            this.threads = threads;
            this.arguments = arguments;
            this.executor = executor;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Http HTTP = new Http();

    // The largest n, so each subtask runs for tens of milliseconds: wider than the spread
    // between four requests sent at once, so both request threads are sure to be blocked together.
    private static final String SPLIT_REQUEST = "/cpu?n=2800&split=2";
    private static final int CONCURRENT_REQUESTS = 4;
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(Pool.class)
    void platformThreadsHangWhereVirtualThreadsComplete(Pool pool) throws Exception {
        List<String> starving = new ArrayList<>(pool.arguments);
        starving.add("--bench.starvation=true");
        List<String> virtualArguments = new ArrayList<>(starving);
        virtualArguments.add("--spring.threads.virtual.enabled=true");
        // The platform app is hung by the end; close() falls back to killing it.
        try (AppProcess platform = AppProcess.start("starvation-platform-" + pool.module, pool.module, List.of(), starving);
             AppProcess virtual = AppProcess.start("starvation-virtual-" + pool.module, pool.module, List.of(), virtualArguments)) {
            platform.awaitReady(HTTP);
            virtual.awaitReady(HTTP);

            platformRequestThreadsHang(pool, platform);
            virtualThreadsComplete(virtual);
        }
    }

    private static void platformRequestThreadsHang(Pool pool, AppProcess platform) throws Exception {
        JsonNode effective = JSON.readTree(HTTP.get(platform.port(), "/info").body()).get("effective");
        assertThat(effective.get("threads").asInt()).isEqualTo(pool.threads);
        assertThat(effective.get("virtualThreads").asBoolean()).isFalse();
        assertThat(effective.get("starvation").asBoolean()).isTrue();
        assertThat(effective.get("detail").get("cpuSplitExecutor").asText()).isEqualTo(pool.executor);

        List<CompletableFuture<Http.Reply>> replies = sendConcurrently(platform, HANG_TIMEOUT);

        for (CompletableFuture<Http.Reply> reply : replies) {
            assertThat(reply).failsWithin(HANG_TIMEOUT.multipliedBy(3))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(HttpTimeoutException.class);
        }
        // Not merely slow: with no request thread free, even the cheapest request gets no answer.
        assertThat(HTTP.getAsync(platform.port(), "/json?items=1", HANG_TIMEOUT))
                .failsWithin(HANG_TIMEOUT.multipliedBy(3))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(HttpTimeoutException.class);
    }

    private static void virtualThreadsComplete(AppProcess virtual) throws Exception {
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
