package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.Tuning;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.BufferPool;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.result.RunFolder;

import org.jvmbench.harness.config.ProjectHome;

import org.jvmbench.protocol.info.InfoBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every knob, launched for real: what the running engine reports on /info must be what
 * was asked, not merely what was parsed.
 */
class EffectiveKnobsIT {

    @TempDir
    Path logs;

    private final ServerLauncher launcher = new ServerLauncher(ProjectHome.locate());

    private static ServerSpec spec(App app, Integer workers, Integer threads, boolean virtual, int processes) {
        int port = ServerLauncher.freePorts("127.0.0.1", processes);
        return ServerSpec.of(app).processes(processes).workers(workers).threads(threads).virtualThreads(virtual)
                .bind("127.0.0.1").port(port).heap(HeapSize.parse("128m")).gc(Gc.SERIAL).build();
    }

    @Test
    void servletRunsTheAskedIoThreadsAndWorkerPool() throws Exception {
        try (RunningServer server = launcher.start(spec(App.SERVLET, 2, 6, false, 1), new RunFolder.ForkFiles(logs))) {
            InfoBody info = server.infos(Duration.ofSeconds(5)).getFirst();
            assertThat(info.engine()).isEqualTo("undertow");
            assertThat(info.effective().workers()).isEqualTo(2);
            assertThat(info.effective().threads()).isEqualTo(6);
            assertThat(info.effective().virtualThreads()).isFalse();
        }
    }

    @Test
    void servletHandlesRequestsOnVirtualThreadsWhenAsked() throws Exception {
        try (RunningServer server = launcher.start(spec(App.SERVLET, null, null, true, 1), new RunFolder.ForkFiles(logs))) {
            assertThat(server.infos(Duration.ofSeconds(5)).getFirst().effective().virtualThreads()).isTrue();
        }
    }

    @Test
    void servletRunsInStarvationModeWhenAsked() throws Exception {
        int port = ServerLauncher.freePorts("127.0.0.1", 1);
        ServerSpec starving = ServerSpec.of(App.SERVLET).workers(1).threads(4).starvation(true).bind("127.0.0.1")
                .port(port).heap(HeapSize.parse("128m")).gc(Gc.SERIAL).build();
        try (RunningServer server = launcher.start(starving, new RunFolder.ForkFiles(logs))) {
            InfoBody info = server.infos(Duration.ofSeconds(5)).getFirst();
            assertThat(info.effective().starvation()).isTrue();
            assertThat(info.effective().threads()).isEqualTo(4);
            assertThat(info.requested().starvation()).isTrue();
            assertThat(info.effective().detail().get("cpuSplitExecutor")).isEqualTo("XNIO worker pool (starvation)");
        }
    }

    @Test
    void reactiveRunsTheAskedEventLoopsAndParallelSchedulerOnEveryProcess() throws Exception {
        try (RunningServer server = launcher.start(spec(App.REACTIVE, 3, 2, false, 2), new RunFolder.ForkFiles(logs))) {
            List<InfoBody> infos = server.infos(Duration.ofSeconds(5));
            assertThat(infos).hasSize(2);
            assertThat(infos).allSatisfy(info -> {
                assertThat(info.engine()).isEqualTo("reactor-netty");
                assertThat(info.effective().workers()).isEqualTo(3);
                assertThat(info.effective().threads()).isEqualTo(2);
            });
            assertThat(infos.get(0).pid()).isNotEqualTo(infos.get(1).pid());
            assertThat(server.urls()).extracting(java.net.URI::getPort)
                    .containsExactly(server.spec().port(), server.spec().port() + 1);
        }
    }

    @Test
    void aServerThatCannotStartIsReportedWithItsLogAndLeavesNothingRunning() throws Exception {
        ServerSpec bad = ServerSpec.of(App.SERVLET).bind("127.0.0.1").port(ServerLauncher.freePorts("127.0.0.1", 1))
                .heap(HeapSize.parse("64m")).gc(Gc.G1).jvmArgs(List.of("-XX:NoSuchOption")).build();
        assertThatThrownBy(() -> launcher.start(bad, new RunFolder.ForkFiles(logs)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("exited with code");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    static Stream<Arguments> everyEngineWithItsKnobs() {
        return Stream.of(
                Arguments.of("tomcat", Engine.TOMCAT, null, 16, false, Tuning.of(Map.of(Knob.MIN_THREADS, 4,
                        Knob.MAX_CONNECTIONS, 500, Knob.ACCEPT_COUNT, 50, Knob.MAX_KEEP_ALIVE_REQUESTS, -1))),
                Arguments.of("tomcat on virtual threads", Engine.TOMCAT, null, null, true, Tuning.of(Map.of(Knob.MAX_CONNECTIONS, 300, Knob.ACCEPT_COUNT, 60))),
                Arguments.of("jetty", Engine.JETTY, 2, 12, false, Tuning.of(Map.of(Knob.MIN_THREADS, 4, Knob.MAX_CONNECTIONS, 300, Knob.ACCEPTORS, 1))),
                Arguments.of("jetty on virtual threads", Engine.JETTY, null, 12, true, Tuning.of(Map.of(Knob.MAX_CONNECTIONS, 300, Knob.ACCEPTORS, 1))),
                Arguments.of("undertow on virtual threads, uncached pool", Engine.UNDERTOW, 1, null, true,
                        Tuning.of(Knob.BUFFER_POOL, BufferPool.UNCACHED)),
                Arguments.of("netty, offloads on virtual threads", Engine.NETTY, 1, 1, true,
                        Tuning.of(Knob.ELASTIC_THREADS, 300)));
    }

    /**
     * The harness's side of every engine, end to end: each knob through its property on the
     * command line, read back from the running engine, and compared at launch (a start that
     * returns has passed the comparison); each asked knob must have been read, not skipped.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEngineWithItsKnobs")
    void everyEngineRunsEveryAskedKnobAndReadsItBack(String name, Engine engine, Integer workers, Integer threads, boolean virtual,
                                                     Tuning tuning) throws Exception {
        ServerSpec spec = ServerSpec.of(engine.app()).engine(engine).workers(workers).threads(threads)
                .virtualThreads(virtual).tuning(tuning).bind("127.0.0.1")
                .port(ServerLauncher.freePorts("127.0.0.1", 1)).heap(HeapSize.parse("128m")).gc(Gc.SERIAL).build();
        try (RunningServer server = launcher.start(spec, new RunFolder.ForkFiles(logs))) {
            ReadBack readBack = server.instances().getFirst().readBack();
            assertThat(readBack.mismatches()).isEmpty();
            assertThat(readBack.unverified()).as("our apps read back every knob").isEmpty();
            assertThat(readBack.item(Knob.ENGINE).effective()).isEqualTo(engine.infoName());
            assertThat(readBack.item(Knob.VIRTUAL_THREADS).effective()).isEqualTo(String.valueOf(virtual));
            for (Knob knob : tuning.set()) {
                assertThat(readBack.item(knob).effective()).as(knob.key()).isEqualTo(ReadBack.asked(spec, knob));
            }
            if (threads != null) {
                assertThat(readBack.item(Knob.THREADS).effective()).isEqualTo(String.valueOf(threads));
            }
        }
    }
}
