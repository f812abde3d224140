package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;

/**
 * A profiled quick sweep through the real CLI: every point of every server JVM has its flame
 * graph in the run folder, linked from the point, and the point says it was profiled and how.
 */
class ProfiledSweepIT {

    @TempDir
    Path tmp;

    private static final String SWEEP = """
            # Question: does every profiled point get its flame graphs?
            name: profiled
            duration: 2s
            warmup: 2s
            requestTimeout: 5s
            heap: 128m
            profile: cpu
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [4]
            servers:
              - app: servlet
                workers: 1
                threads: 4
                load: {concurrency: [2, 4]}
              - app: reactive
                workers: 1
                processes: 2
            """;

    @Test
    void everyPointHasAFlameGraphPerJvmAndSaysItWasProfiled() throws Exception {
        Path file = Files.writeString(tmp.resolve("profiled.yaml"), SWEEP);
        Path run = tmp.resolve("run");
        Path log = tmp.resolve("bench.log");

        Process bench = bench(log, "sweep", file.toString(), "--out", run.toString());
        try {
            assertThat(bench.waitFor(240, TimeUnit.SECONDS)).as("sweep finished").isTrue();
        } finally {
            bench.descendants().forEach(ProcessHandle::destroyForcibly);
            bench.destroyForcibly();
        }
        assertThat(bench.exitValue()).as(Files.readString(log)).isZero();

        List<PointResult> points = ResultsLog.read(run.resolve(RunFolder.RESULTS));
        assertThat(points).extracting(PointResult::id).containsExactly(
                "servlet-p1-w1-t4-json-c2-r1", "servlet-p1-w1-t4-json-c4-r1", "reactive-p2-w1-tdef-json-c4-r1");
        for (PointResult point : points) {
            int processes = point.key().configuration().processes();
            List<String> keys = processes == 1 ? List.of("flameGraph") : List.of("flameGraph-0", "flameGraph-1");
            assertThat(point.files()).as(point.id()).containsKeys(keys.toArray(String[]::new));
            for (String key : keys) {
                Path flame = run.resolve(point.files().get(key));
                assertThat(flame.getParent()).isEqualTo(run.resolve("points").resolve(point.id()));
                // a self-contained page: the flame graph's data and script are inside, so it opens offline
                assertThat(flame).content().contains("<!DOCTYPE html>").doesNotContain("src=\"http");
                // it profiled the loaded server: every request passes through the framework's dispatcher
                // (a 2 s profile need not catch the controller's own few instructions, so the test asks
                // for the frame on every request's stack)
                assertThat(frameNames(flame)).as(flame.toString())
                        .anyMatch(frame -> frame.startsWith(DISPATCHER.get(point.key().configuration().app())));
            }
            SweepEndToEndIT.isCompleteAndReconciled(point);
            assertThat(point.flags()).filteredOn(f -> f.code() == Flag.Code.PROFILED).singleElement()
                    .extracting(Flag::reason).asString()
                    .startsWith("async-profiler 4.2, cpu via ")
                    .contains("servers started with -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints")
                    .doesNotContain("no flame graph");
        }
        assertThat(run.resolve(RunFolder.ENVIRONMENT)).content().contains("-XX:+DebugNonSafepoints");
    }

    /** Per app (as a point's key names it), the frame every request's stack holds. */
    private static final Map<String, String> DISPATCHER = Map.of(
            "servlet", "org/springframework/web/servlet/DispatcherServlet.doDispatch",
            "reactive", "org/springframework/web/reactive/DispatcherHandler.handle");

    /**
     * The frame names of an async-profiler flame graph: its {@code cpool}, one quoted name per line,
     * each after the first starting with a character that says how many leading characters it
     * shares with the name before it (that count plus 32).
     */
    static List<String> frameNames(Path flame) throws IOException {
        List<String> lines = Files.readAllLines(flame);
        int start = lines.indexOf("const cpool = [");
        assertThat(start).as("the flame graph's name pool in " + flame).isNotNegative();
        List<String> names = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("]")) {
                break;
            }
            String packed = line.substring(1, line.lastIndexOf('\'')).replace("\\'", "'").replace("\\\\", "\\");
            names.add(names.isEmpty() ? packed
                    : names.getLast().substring(0, packed.charAt(0) - ' ') + packed.substring(1));
        }
        return names;
    }

    private static Process bench(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
