package org.jvmbench.harness.server;

import org.jvmbench.harness.result.RunFolder;

import org.jvmbench.harness.config.ProjectHome;

import org.jvmbench.protocol.info.InfoBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
        return new ServerSpec(app, processes, workers, threads, virtual, false, "127.0.0.1", port, HeapSize.parse("128m"), Gc.SERIAL, null, List.of());
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
        ServerSpec starving = new ServerSpec(App.SERVLET, 1, 1, 4, false, true, "127.0.0.1", port, HeapSize.parse("128m"), Gc.SERIAL, null, List.of());
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
        ServerSpec bad = new ServerSpec(App.SERVLET, 1, null, null, false, false, "127.0.0.1",
                ServerLauncher.freePorts("127.0.0.1", 1), HeapSize.parse("64m"), Gc.G1, null, List.of("-XX:NoSuchOption"));
        assertThatThrownBy(() -> launcher.start(bad, new RunFolder.ForkFiles(logs)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("exited with code");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
