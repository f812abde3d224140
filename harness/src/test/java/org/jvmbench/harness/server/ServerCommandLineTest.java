package org.jvmbench.harness.server;

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
        return new ServerSpec(app, 1, workers, threads, virtual, starvation, "127.0.0.1", 9000, HeapSize.parse("256m"), Gc.G1, CpuSet.parse("0"), List.of("-Dx=y"));
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
            ServerSpec spec = new ServerSpec(engine.app(), engine, null, 1, null, null, false, false,
                    new Tuning(null, null, null, null, null, null, 50), false, "127.0.0.1", 9000, HeapSize.parse("256m"), Gc.G1,
                    null, List.of());
            List<String> cmd = ServerCommandLine.of(spec, 0, "java", JAR);
            assertThat(cmd.subList(cmd.indexOf("-jar"), cmd.size())).as("%s", engine).contains("--bench.extra-cpu-micros=50");
        }
        ServerSpec none = new ServerSpec(App.REACTIVE, null, null, 1, null, null, false, false,
                new Tuning(null, null, null, null, null, null, 0), false, "127.0.0.1", 9000, HeapSize.parse("256m"), Gc.G1,
                null, List.of());
        assertThat(ServerCommandLine.of(none, 0, "java", JAR)).noneMatch(a -> a.contains("extra-cpu"));
    }

    @Test
    void starvationKeepsItsPlaceWhenThePortChanges() {
        ServerSpec spec = spec(App.SERVLET, 1, 4, true, true);
        assertThat(spec.withPort(9100)).isEqualTo(new ServerSpec(App.SERVLET, 1, 1, 4, true, true, "127.0.0.1", 9100,
                HeapSize.parse("256m"), Gc.G1, CpuSet.parse("0"), List.of("-Dx=y")));
    }

    @Test
    void processNumberShiftsThePort() {
        assertThat(ServerCommandLine.of(spec(App.REACTIVE, 1, 1, false), 2, "java", JAR)).contains("--server.port=9002");
    }

    @Test
    void noPinningWithoutCpus() {
        ServerSpec unpinned = new ServerSpec(App.SERVLET, 1, null, null, false, false, "127.0.0.1", 9000, HeapSize.parse("256m"), Gc.SERIAL, null, List.of());
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
