package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.settings.Tuning;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.BufferPool;
import org.jvmbench.harness.settings.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.info.InfoBody;

/**
 * A server whose /info disagrees with what was asked is refused, not measured under the wrong
 * label: every knob of every engine is compared with its read-back, and the engine itself. The
 * effective values below are the shapes the apps report (apps/README.md, "Knobs"), as seen from
 * the running jars.
 */
class LaunchVerificationTest {

    private static final URI URL = URI.create("http://127.0.0.1:9000");
    private static final HeapSize HEAP = HeapSize.parse("128m");

    private static InfoBody info(String app, String engine, InfoBody.Effective effective) {
        return new InfoBody(app, engine, new InfoBody.Versions("3.5.16", "x", "25"), 1, null, 2, null, effective, Map.of(), 1, null);
    }

    private static InfoBody.Effective effective(Integer workers, Integer threads, boolean virtual, boolean starvation,
                                                Integer minThreads, Integer maxConnections, Integer acceptCount, Integer acceptors,
                                                String bufferPool, Map<String, Object> detail) {
        return new InfoBody.Effective(workers, threads, virtual, starvation, minThreads, maxConnections, acceptCount, acceptors,
                bufferPool, 0, detail);
    }

    private static ServerSpec spec(Engine engine, Integer workers, Integer threads, boolean virtual, boolean starvation, Tuning tuning) {
        return ServerSpec.of(engine.app()).engine(engine).workers(workers).threads(threads).virtualThreads(virtual)
                .starvation(starvation).tuning(tuning).bind("127.0.0.1").port(9000).heap(HEAP).gc(Gc.SERIAL).build();
    }

    private static void runs(ServerSpec spec, InfoBody info, String expected) {
        assertThatThrownBy(() -> ServerLauncher.verify(spec, info, URL))
                .isInstanceOf(ServerStartException.class)
                .hasMessage("the server on http://127.0.0.1:9000 runs " + expected);
    }

    @Test
    void undertowIsCheckedOnItsIoThreadsWorkerPoolBufferPoolAndModes() {
        ServerSpec asked = spec(Engine.UNDERTOW, 1, 4, true, false, Tuning.of(Knob.BUFFER_POOL, BufferPool.UNCACHED));
        InfoBody as = info("servlet", "undertow", effective(1, 4, true, false, null, null, null, null, "uncached", Map.of()));

        assertThatCode(() -> ServerLauncher.verify(asked, as, URL)).doesNotThrowAnyException();
        runs(asked, info("servlet", "undertow", effective(1, 4, true, false, null, null, null, null, "default", Map.of())),
                "bufferPool default instead of uncached");
        runs(asked, info("servlet", "undertow", effective(2, 32, false, false, null, null, null, null, "uncached", Map.of())),
                "workers 2 instead of 1, threads 32 instead of 4, virtualThreads false instead of true");
    }

    @Test
    void tomcatIsCheckedOnItsPoolConnectionsAndBacklog() {
        ServerSpec asked = spec(Engine.TOMCAT, null, 16, false, false, Tuning.of(Map.of(Knob.MIN_THREADS, 4, Knob.MAX_CONNECTIONS, 500, Knob.ACCEPT_COUNT, 50)));

        assertThatCode(() -> ServerLauncher.verify(asked,
                info("servlet", "tomcat", effective(null, 16, false, false, 4, 500, 50, null, null, Map.of())), URL))
                .doesNotThrowAnyException();
        runs(asked, info("servlet", "tomcat", effective(null, 200, false, false, 10, 8192, 100, null, null, Map.of())),
                "threads 200 instead of 16, minThreads 10 instead of 4, maxConnections 8192 instead of 500, acceptCount 100 instead of 50");
    }

    @Test
    void tomcatOnVirtualThreadsReportsNoPoolAndThatIsNoMismatchWhenNoneWasAsked() {
        ServerSpec asked = spec(Engine.TOMCAT, null, null, true, false, Tuning.of(Knob.MAX_CONNECTIONS, 300));
        InfoBody info = info("servlet", "tomcat", effective(null, null, true, false, null, 300, 100, null, null, Map.of()));

        assertThatCode(() -> ServerLauncher.verify(asked, info, URL)).doesNotThrowAnyException();
        assertThat(ReadBack.of(asked, info).item(Knob.THREADS).describe()).isEqualTo("none (engine default)");
    }

    @Test
    void jettyIsCheckedOnSelectorsPoolAcceptorsAndConnections() {
        ServerSpec asked = spec(Engine.JETTY, 2, 9, false, false, Tuning.of(Map.of(Knob.MIN_THREADS, 4, Knob.MAX_CONNECTIONS, 1000, Knob.ACCEPTORS, 1)));

        assertThatCode(() -> ServerLauncher.verify(asked,
                info("servlet", "jetty", effective(2, 9, false, false, 4, 1000, null, 1, null, Map.of())), URL))
                .doesNotThrowAnyException();
        runs(asked, info("servlet", "jetty", effective(1, 200, false, false, 8, -1, null, 2, null, Map.of())),
                "workers 1 instead of 2, threads 200 instead of 9, minThreads 8 instead of 4, maxConnections -1 instead of 1000, "
                        + "acceptors 2 instead of 1");
    }

    @Test
    void jettyOnVirtualThreadsStillCapsTasksAtThreads() {
        ServerSpec asked = spec(Engine.JETTY, null, 12, true, false, Tuning.NONE);

        assertThatCode(() -> ServerLauncher.verify(asked,
                info("servlet", "jetty", effective(1, 12, true, false, null, -1, null, 1, null, Map.of())), URL))
                .doesNotThrowAnyException();
        runs(asked, info("servlet", "jetty", effective(1, 200, true, false, null, -1, null, 1, null, Map.of())),
                "threads 200 instead of 12");
    }

    @Test
    void nettyIsCheckedOnItsLoopsSchedulersAndOffloadsOnVirtualThreads() {
        ServerSpec asked = spec(Engine.NETTY, 1, 2, true, false, Tuning.of(Knob.ELASTIC_THREADS, 300));
        Map<String, Object> detail = Map.of("boundedElasticCapacity", 300);

        assertThatCode(() -> ServerLauncher.verify(asked,
                info("reactive", "reactor-netty", effective(1, 2, true, false, null, null, null, null, null, detail)), URL))
                .doesNotThrowAnyException();
        runs(asked, info("reactive", "reactor-netty", effective(1, 2, false, false, null, null, null, null, null,
                        Map.of("boundedElasticCapacity", 20))),
                "elasticThreads 20 instead of 300, virtualThreads false instead of true");
        runs(asked, info("reactive", "reactor-netty", effective(1, 2, true, false, null, null, null, null, null, Map.of())),
                "elasticThreads none instead of 300");
    }

    @Test
    void theStarvationModeIsAlwaysCompared() {
        ServerSpec starving = spec(Engine.UNDERTOW, 1, 4, false, true, Tuning.NONE);
        ServerSpec plain = spec(Engine.UNDERTOW, 1, 4, false, false, Tuning.NONE);
        InfoBody notStarving = info("servlet", "undertow", effective(1, 4, false, false, null, null, null, null, "default", Map.of()));

        runs(starving, notStarving, "starvation false instead of true");
        runs(plain, info("servlet", "undertow", effective(1, 4, false, true, null, null, null, null, "default", Map.of())),
                "starvation true instead of false");
        assertThatCode(() -> ServerLauncher.verify(plain, notStarving, URL)).doesNotThrowAnyException();
    }

    @Test
    void anotherAppOrEngineThanAskedIsRefused() {
        ServerSpec tomcat = spec(Engine.TOMCAT, null, null, false, false, Tuning.NONE);

        runs(tomcat, info("servlet", "undertow", effective(null, null, false, false, null, null, null, null, null, Map.of())),
                "engine undertow instead of tomcat");
        runs(spec(Engine.NETTY, null, null, false, false, Tuning.NONE),
                info("servlet", "reactor-netty", effective(4, 2, false, false, null, null, null, null, null, Map.of())),
                "app servlet instead of reactive");
    }

    @Test
    void knobsLeftAtTheEngineDefaultAreShownAsReadNotCompared() {
        ServerSpec defaults = spec(Engine.TOMCAT, null, null, false, false, Tuning.NONE);
        InfoBody info = info("servlet", "tomcat", effective(null, 200, false, false, 10, 8192, 100, null, null,
                Map.of("maxKeepAliveRequests", 100)));

        assertThatCode(() -> ServerLauncher.verify(defaults, info, URL)).doesNotThrowAnyException();
        assertThat(ReadBack.of(defaults, info).described()).containsExactly(
                Map.entry("app", "servlet (asked servlet)"),
                Map.entry("engine", "tomcat (asked tomcat)"),
                Map.entry("threads", "200 (engine default)"),
                Map.entry("minThreads", "10 (engine default)"),
                Map.entry("maxConnections", "8192 (engine default)"),
                Map.entry("acceptCount", "100 (engine default)"),
                Map.entry("maxKeepAliveRequests", "100 (engine default)"),
                Map.entry("extraCpuMicros", "0 (asked 0)"),
                Map.entry("virtualThreads", "off (asked off)"),
                Map.entry("starvation", "off (asked off)"));
    }

    @Test
    void theExtraCpuIsAlwaysComparedOnEitherApp() {
        ServerSpec slowed = spec(Engine.UNDERTOW, 1, 4, false, false, Tuning.of(Knob.EXTRA_CPU_MICROS, 50));
        ServerSpec plain = spec(Engine.NETTY, 1, 2, false, false, Tuning.NONE);
        Map<String, Object> detail = Map.of("boundedElasticCapacity", 20);

        assertThatCode(() -> ServerLauncher.verify(slowed, info("servlet", "undertow",
                effectiveWithExtraCpu(1, 4, 50, Map.of())), URL)).doesNotThrowAnyException();
        runs(slowed, info("servlet", "undertow", effectiveWithExtraCpu(1, 4, 0, Map.of())), "extraCpuMicros 0 instead of 50");
        runs(plain, info("reactive", "reactor-netty", effectiveWithExtraCpu(1, 2, 50, detail)), "extraCpuMicros 50 instead of 0");
        assertThat(ReadBack.of(slowed, info("servlet", "undertow", effectiveWithExtraCpu(1, 4, 50, Map.of())))
                .item(Knob.EXTRA_CPU_MICROS).describe()).isEqualTo("50 (asked 50)");
    }

    private static InfoBody.Effective effectiveWithExtraCpu(int workers, int threads, int extraCpuMicros, Map<String, Object> detail) {
        return new InfoBody.Effective(workers, threads, false, false, null, null, null, null, null, extraCpuMicros, detail);
    }
}
