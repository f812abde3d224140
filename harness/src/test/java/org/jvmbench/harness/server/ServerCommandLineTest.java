package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Tuning;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.settings.App;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandLineTest {

    private static final Path JAR = Path.of("app.jar");

    private static ServerSpec spec(App app, Integer workers, Integer threads, boolean virtual) {
        return spec(app, workers, threads, virtual, false);
    }

    private static ServerSpec spec(App app, Integer workers, Integer threads, boolean virtual, boolean starvation) {
        return ServerSpec.of(app).workers(workers).threads(threads).virtualThreads(virtual).starvation(starvation)
                .bind("127.0.0.1").port(9000).heap(HeapSize.parse("256m")).gc(Gc.G1).cpus(CpuSet.parse("0"))
                .jvmArgs(List.of("-Dx=y")).build();
    }

    @Test
    void servletKnobsBecomeUndertowProperties() {
        List<String> cmd = ServerCommandLine.of(spec(App.SERVLET, 2, 16, true), 0, "java", JAR);
        assertThat(cmd).startsWith("taskset", "-c", "0", "java", "-Xms256m", "-Xmx256m", "-XX:+UseG1GC");
        assertThat(cmd).contains("--server.undertow.threads.io=2", "--server.undertow.threads.worker=16",
                "--spring.threads.virtual.enabled=true", "--server.port=9000", "--server.address=127.0.0.1");
        assertThat(cmd).noneMatch(a -> a.startsWith("-Dreactor"));
        assertThat(cmd.indexOf("-Dx=y")).isLessThan(cmd.indexOf("-jar"));
    }

    @Test
    void reactiveKnobsBecomeSystemPropertiesBecauseReactorNettyReadsNothingElse() {
        List<String> cmd = ServerCommandLine.of(spec(App.REACTIVE, 3, 4, false), 0, "java", JAR);
        assertThat(cmd.subList(0, cmd.indexOf("-jar")))
                .contains("-Dreactor.netty.ioWorkerCount=3", "-Dreactor.schedulers.defaultPoolSize=4");
        assertThat(cmd).noneMatch(a -> a.startsWith("--server.undertow"));
    }

    @Test
    void engineDefaultsAreLeftAloneWhenNoCountIsGiven() {
        List<String> cmd = ServerCommandLine.of(spec(App.SERVLET, null, null, false), 0, "java", JAR);
        assertThat(cmd).noneMatch(a -> a.contains("threads"));
    }

    @Test
    void starvationBecomesTheServletAppsOwnSpringArgument() {
        List<String> cmd = ServerCommandLine.of(spec(App.SERVLET, 1, 4, false, true), 0, "java", JAR);
        assertThat(cmd.subList(cmd.indexOf("-jar"), cmd.size())).contains("--bench.starvation=true");
        assertThat(ServerCommandLine.of(spec(App.SERVLET, 1, 4, false), 0, "java", JAR)).noneMatch(a -> a.contains("starvation"));
    }

    @Test
    void theExtraCpuBecomesOurAppsOwnSpringArgumentOnEveryEngineAndZeroAddsNothing() {
        for (Engine engine : Engine.values()) {
            ServerSpec spec = ServerSpec.of(engine.app()).engine(engine).tuning(Tuning.of(Knob.EXTRA_CPU_MICROS, 50))
                    .bind("127.0.0.1").port(9000).heap(HeapSize.parse("256m")).gc(Gc.G1).build();
            List<String> cmd = ServerCommandLine.of(spec, 0, "java", JAR);
            assertThat(cmd.subList(cmd.indexOf("-jar"), cmd.size())).as("%s", engine).contains("--bench.extra-cpu-micros=50");
        }
        ServerSpec none = ServerSpec.of(App.REACTIVE).tuning(Tuning.of(Knob.EXTRA_CPU_MICROS, 0)).bind("127.0.0.1")
                .port(9000).heap(HeapSize.parse("256m")).gc(Gc.G1).build();
        assertThat(ServerCommandLine.of(none, 0, "java", JAR)).noneMatch(a -> a.contains("extra-cpu"));
    }

    @Test
    void starvationKeepsItsPlaceWhenThePortChanges() {
        ServerSpec spec = spec(App.SERVLET, 1, 4, true, true);
        assertThat(spec.withPort(9100)).isEqualTo(ServerSpec.of(App.SERVLET).workers(1).threads(4)
                .virtualThreads(true).starvation(true).bind("127.0.0.1").port(9100).heap(HeapSize.parse("256m"))
                .gc(Gc.G1).cpus(CpuSet.parse("0")).jvmArgs(List.of("-Dx=y")).build());
    }

    @Test
    void processNumberShiftsThePort() {
        assertThat(ServerCommandLine.of(spec(App.REACTIVE, 1, 1, false), 2, "java", JAR)).contains("--server.port=9002");
    }

    @Test
    void noPinningWithoutCpus() {
        ServerSpec unpinned = ServerSpec.of(App.SERVLET).bind("127.0.0.1").port(9000).heap(HeapSize.parse("256m"))
                .gc(Gc.SERIAL).build();
        assertThat(ServerCommandLine.of(unpinned, 0, "java", JAR)).startsWith("java").contains("-XX:+UseSerialGC");
    }

    @Test
    void namesEveryCollectorByItsFlag() {
        assertThat(ServerCommandLine.gcFlag(Gc.G1)).isEqualTo("-XX:+UseG1GC");
        assertThat(ServerCommandLine.gcFlag(Gc.PARALLEL)).isEqualTo("-XX:+UseParallelGC");
        assertThat(ServerCommandLine.gcFlag(Gc.SERIAL)).isEqualTo("-XX:+UseSerialGC");
        assertThat(ServerCommandLine.gcFlag(Gc.Z)).isEqualTo("-XX:+UseZGC");
    }
}
