package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.server.AotCache;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.server.ServerStartException;

/**
 * A configuration with {@code aotCache: true} is trained once, under load, and every fork of it
 * starts from the cache: the JVM says it opened it, and one that cannot use it refuses to start
 * in one line rather than running without it.
 */
class AotCacheIT {

    @TempDir
    Path tmp;

    private static final String SWEEP = """
            # Question: does a configuration with the AOT cache start from it?
            name: aot
            duration: 2s
            warmup: 5s
            repeat: 2
            requestTimeout: 5s
            heap: 128m
            jvmArgs: ["-Xlog:aot"]
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [4]
            servers:
              - app: servlet
                workers: 1
                threads: 4
                aotCache: true
            """;

    private static final String ID = "servlet-p1-w1-t4-aot";

    @Test
    void everyForkStartsFromTheCacheOfOneTrainingRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("aot.yaml"), SWEEP);
        Path run = tmp.resolve("run");
        Path log = tmp.resolve("bench.log");

        Process bench = bench(log, "sweep", file.toString(), "--out", run.toString());
        try {
            assertThat(bench.waitFor(300, TimeUnit.SECONDS)).as("sweep finished").isTrue();
        } finally {
            bench.descendants().forEach(ProcessHandle::destroyForcibly);
            bench.destroyForcibly();
        }
        String printed = Files.readString(log);
        assertThat(bench.exitValue()).as(printed).isZero();

        Path cache = run.resolve("aot").resolve(ID + ".aot");
        assertThat(cache).isRegularFile();
        AotCache.Made made = Json.MAPPER.readValue(run.resolve("aot").resolve(ID + ".json").toFile(), AotCache.Made.class);
        assertThat(made.bytes()).isEqualTo(Files.size(cache)).isGreaterThan(1L << 20);
        assertThat(made.javaRuntimeVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(made.training()).singleElement().satisfies(w -> {
            assertThat(w.endpoint()).isEqualTo("/json");
            assertThat(w.requests()).isPositive();
        });
        assertThat(run.resolve("aot").resolve(ID + "-training").resolve("server.log")).content()
                .contains("AOTCache creation is complete: " + cache);
        assertThat(printed.lines().filter(l -> l.contains("training run"))).as("trained once for both forks").hasSize(1);

        for (String fork : List.of(ID + "-r1", ID + "-r2")) {
            assertThat(run.resolve("servers").resolve(fork).resolve("server.log")).as(fork).content()
                    .contains("Opened AOT cache " + cache);
        }
        assertThat(run.resolve(RunFolder.ENVIRONMENT)).content().contains("-XX:AOTCache=" + cache).contains("-XX:AOTMode=on");
        List<PointResult> points = ResultsLog.read(run.resolve(RunFolder.RESULTS));
        assertThat(points).extracting(PointResult::id).containsExactly(ID + "-json-c4-r1", ID + "-json-c4-r2");
        assertThat(points).allSatisfy(SweepEndToEndIT::isCompleteAndReconciled);
        assertThat(points).allSatisfy(p -> assertThat(p.warmUp().rps()).isNotEmpty());
    }

    @Test
    void aCacheTheJvmCannotUseStopsTheStartInOneLine() throws Exception {
        Path garbage = Files.write(tmp.resolve("other.aot"), new byte[4096]);
        ServerSpec spec = ServerSpec.of(App.SERVLET).aotCache(true).bind("127.0.0.1")
                .port(ServerLauncher.freePorts("127.0.0.1", 1)).heap(HeapSize.parse("128m")).gc(Gc.G1)
                .jvmArgs(AotCache.useArguments(garbage)).build();

        assertThatThrownBy(() -> new ServerLauncher(ProjectHome.locate()).start(spec, new RunFolder.ForkFiles(tmp.resolve("fork"))))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("the server on http://127.0.0.1:" + spec.port() + ": the JVM could not use its AOT cache (")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static Process bench(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
