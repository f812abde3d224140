package org.jvmbench.harness.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.jvmbench.harness.environment.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ServerSpec owns the server settings' rules: one sentence each, naming the knob, for serve and sweeps alike. */
class ServerSpecTest {

    private static final HeapSize HEAP = HeapSize.parse("256m");
    private static final Machine MACHINE = new Machine(2, 8L << 30, 20_000, 32_768);

    private static ServerSpec spec(App app, int processes, Integer workers, Integer threads, boolean virtual, boolean starvation,
                                   int port, HeapSize heap, List<String> jvmArgs) {
        return ServerSpec.of(app).processes(processes).workers(workers).threads(threads).virtualThreads(virtual)
                .starvation(starvation).bind("127.0.0.1").port(port).heap(heap).gc(Gc.G1).jvmArgs(jvmArgs).build();
    }

    private static ServerSpec withArgs(String... jvmArgs) {
        return spec(App.SERVLET, 1, null, null, false, false, 9000, HEAP, List.of(jvmArgs));
    }

    @Test
    void refusesKnobsThatDoNotApplyToTheReactiveApp() {
        assertThatThrownBy(() -> spec(App.REACTIVE, 1, 1, 1, false, true, 9000, HEAP, List.of()))
                .hasMessage("--starvation: does not apply to the reactive app (its split work never blocks a thread)");
    }

    @Test
    void refusesCountsBelowOne() {
        assertThatThrownBy(() -> spec(App.SERVLET, 0, null, null, false, false, 9000, HEAP, List.of()))
                .hasMessage("--processes: must be at least 1, got 0");
        assertThatThrownBy(() -> spec(App.SERVLET, 1, 0, null, false, false, 9000, HEAP, List.of()))
                .hasMessage("--workers: must be at least 1, got 0");
        KnobException threads = catchThrowableOfType(KnobException.class,
                () -> spec(App.SERVLET, 1, null, -3, false, false, 9000, HEAP, List.of()));
        assertThat(threads.knob()).isEqualTo(Knob.THREADS);
        assertThat(threads.value()).isEqualTo(-3);
        assertThat(threads.problem(k -> k.key())).isEqualTo("must be at least 1, got -3");
    }

    @Test
    void saysWhichPortIsOutOfRangeWhenProcessesRunPastTheLast() {
        assertThatThrownBy(() -> spec(App.SERVLET, 2, null, null, false, false, 65535, HEAP, List.of()))
                .hasMessage("--port: 65535 with 2 processes needs ports 65535-65536, and the last, 65536, is out of range "
                        + "(ports end at 65535)");
        assertThatThrownBy(() -> spec(App.SERVLET, 1, null, null, false, false, 70000, HEAP, List.of()))
                .hasMessage("--port: must be 1-65535, got 70000");
        assertThat(spec(App.SERVLET, 2, null, null, false, false, 65534, HEAP, List.of()).port()).isEqualTo(65534);
        assertThat(spec(App.SERVLET, 1, null, null, false, false, 0, HEAP, List.of()).port()).as("chosen later").isZero();
    }

    @Test
    void refusesAHeapTheAppsCannotServeWith() {
        assertThatThrownBy(() -> spec(App.SERVLET, 1, null, null, false, false, 9000, HeapSize.parse("16m"), List.of()))
                .hasMessageStartingWith("--heap: 16m is below 32m, the smallest heap the apps serve with");
        assertThat(spec(App.SERVLET, 1, null, null, false, false, 9000, HeapSize.parse("32m"), List.of()).heap())
                .isEqualTo(HeapSize.parse("32m"));
    }

    @Test
    void refusesJvmArgumentsThatSetWhatAKnobOwns() {
        assertThatThrownBy(() -> withArgs("Xss1m")).hasMessage("--jvm-arg: 'Xss1m' is not a JVM option (options start with -)");
        assertThatThrownBy(() -> withArgs("-Xmx2g")).hasMessage("--jvm-arg: '-Xmx2g' sets the heap: use --heap instead");
        assertThatThrownBy(() -> withArgs("-XX:MaxHeapSize=1g")).hasMessageContaining("sets the heap");
        assertThatThrownBy(() -> withArgs("-XX:+UseZGC")).hasMessage("--jvm-arg: '-XX:+UseZGC' picks a collector: use --gc instead");
        KnobException e = catchThrowableOfType(KnobException.class, () -> withArgs("-Dok=1", "-XX:+UseZGC"));
        assertThat(e.value()).isEqualTo("-XX:+UseZGC");
        assertThat(e.problem(k -> "the " + k.key() + " key")).isEqualTo("'-XX:+UseZGC' picks a collector: use the gc key instead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-version", "--version", "-help", "--help", "-h", "-?", "-X", "--list-modules", "--dry-run", "-jar"})
    void refusesJvmArgumentsThatMakeTheJvmExitInsteadOfServing(String arg) {
        assertThatThrownBy(() -> withArgs(arg))
                .isInstanceOf(KnobException.class)
                .hasMessage("--jvm-arg: '" + arg + "' makes the JVM print or run something else and exit instead of serving");
    }

    @Test
    void acceptsOrdinaryJvmArguments() {
        assertThat(withArgs("-XX:+AlwaysPreTouch", "-Xss512k", "-showversion", "-Dx=y").jvmArgs()).hasSize(4);
    }

    @Test
    void fitsProcessesAndHeapsInTheMachinesMemory() {
        ServerSpec eight = spec(App.SERVLET, 8, null, null, false, false, 9000, HeapSize.parse("1g"), List.of());
        assertThatThrownBy(() -> eight.requireFits(MACHINE, 0, null))
                .isInstanceOf(KnobException.class)
                .hasMessage("--processes: 8 JVMs of 1g heap need 9.3 GiB with what each JVM takes beside its heap (160 MiB), "
                        + "more than this machine's memory (8 GiB)");
        ServerSpec big = spec(App.SERVLET, 1, null, null, false, false, 9000, HeapSize.parse("999g"), List.of());
        assertThatThrownBy(() -> big.requireFits(MACHINE, 0, null))
                .hasMessage("--heap: 999g is more than this machine's memory (8 GiB) can hold beside what a JVM takes outside "
                        + "its heap (160 MiB)");
        ServerSpec four = spec(App.SERVLET, 4, null, null, false, false, 9000, HeapSize.parse("1g"), List.of());
        four.requireFits(MACHINE, 0, null);
        assertThatThrownBy(() -> four.requireFits(MACHINE, 4L << 30, "the injector's 4g heap"))
                .hasMessageContaining("4 JVMs of 1g heap and the injector's 4g heap need 8.6 GiB");
    }

    @Test
    void refusesMoreThreadsThanTheMachineLetsOneUserRun() {
        ServerSpec many = spec(App.SERVLET, 1, null, 40_000, false, false, 9000, HEAP, List.of());
        assertThatThrownBy(() -> many.requireFits(MACHINE, 0, null))
                .hasMessage("--threads: 40000 is more threads than this machine lets one user run (32768)");
    }

    @Test
    void eachEngineTakesItsOwnKnobsOnly() {
        assertThatThrownBy(() -> ServerSpec.of(App.SERVLET).engine(Engine.TOMCAT).workers(2).bind("127.0.0.1")
                .port(9000).heap(HEAP).gc(Gc.G1).build())
                .hasMessageStartingWith("--workers: Tomcat has no IO threads to set");
        assertThatThrownBy(() -> ServerSpec.of(App.SERVLET).engine(Engine.TOMCAT).threads(200).virtualThreads(true)
                .bind("127.0.0.1").port(9000).heap(HEAP).gc(Gc.G1).build())
                .hasMessageStartingWith("--threads: Tomcat on virtual threads has no thread pool to size");
        assertThatThrownBy(() -> ServerSpec.of(App.REACTIVE).engine(Engine.NETTY)
                .tuning(Tuning.of(Knob.BUFFER_POOL, BufferPool.UNCACHED)).bind("127.0.0.1").port(9000).heap(HEAP)
                .gc(Gc.G1).build())
                .hasMessage("--buffer-pool: does not apply to netty");
        assertThatThrownBy(() -> ServerSpec.of(App.SERVLET).engine(Engine.UNDERTOW)
                .tuning(Tuning.of(Knob.ACCEPT_COUNT, 100)).bind("127.0.0.1").port(9000).heap(HEAP).gc(Gc.G1).build())
                .hasMessage("--accept-count: does not apply to undertow");
        assertThatThrownBy(() -> ServerSpec.of(App.REACTIVE).engine(Engine.JETTY).bind("127.0.0.1").port(9000)
                .heap(HEAP).gc(Gc.G1).build())
                .hasMessage("--engine: jetty runs servlet apps, not reactive ones");
    }

    @Test
    void theExtraCpuIsASwitchOfOurAppsOnEveryEngineAndNeverNegative() {
        for (Engine engine : Engine.values()) {
            assertThat(ServerSpec.of(engine.app()).engine(engine).tuning(extraCpu(50)).bind("127.0.0.1").port(9000)
                    .heap(HEAP).gc(Gc.G1).build().tuning().get(Knob.EXTRA_CPU_MICROS)).as("%s", engine).isEqualTo(50);
        }
        assertThat(extraCpu(0)).as("0 is the default, named by nothing").isEqualTo(Tuning.NONE);
        assertThatThrownBy(() -> ServerSpec.of(App.SERVLET).tuning(extraCpu(-5)).bind("127.0.0.1").port(9000)
                .heap(HEAP).gc(Gc.G1).build())
                .hasMessage("--extra-cpu-us: must be 0 or more microseconds of CPU per request, got -5");
        assertThatThrownBy(() -> ServerSpec.of(App.SERVLET).engine(Engine.TOMCAT)
                .ownJar(new OwnJar(java.nio.file.Path.of("/tmp/shop.jar"), "/actuator/health", null))
                .tuning(extraCpu(50)).bind("127.0.0.1").port(9000).heap(HEAP).gc(Gc.G1).build())
                .hasMessage("--extra-cpu-us: does not apply to tomcat in shop (it is a switch of our app)");
    }

    private static Tuning extraCpu(int micros) {
        return Tuning.of(Knob.EXTRA_CPU_MICROS, micros);
    }

    @Test
    void virtualThreadsOnNettyMeanItsOffloadsAndTheAotCacheNeedsJdk25() {
        ServerSpec offload = ServerSpec.of(App.REACTIVE).virtualThreads(true).aotCache(true).bind("127.0.0.1")
                .port(9000).heap(HEAP).gc(Gc.G1).build();
        assertThat(offload.engine()).isEqualTo(Engine.NETTY);
        assertThatThrownBy(() -> offload.requireJdk(21))
                .hasMessage("--aot-cache: needs JDK 25 or newer (its AOT cache keeps method profiles), the servers would run on JDK 21");
        offload.requireJdk(25);
    }
}
