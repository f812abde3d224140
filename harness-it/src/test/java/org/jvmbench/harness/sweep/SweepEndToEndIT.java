package org.jvmbench.harness.sweep;

import org.jvmbench.harness.result.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, tiny sweep through the real CLI: two server runs of one short point each (the
 * second on two JVMs),
 * interrupted with Ctrl-C after the first point, then resumed. Nothing may be left running,
 * the completed point must survive intact, and the resume must run only what is missing.
 */
class SweepEndToEndIT {

    @TempDir
    Path tmp;

    private static final String SWEEP = """
            # Question: does a sweep survive Ctrl-C and resume?
            name: signal
            duration: 3s
            warmup: 2s
            requestTimeout: 5s
            heap: 128m
            cpus: {server: "0", injector: "1"}
            load:
              endpoints: ["/json"]
              concurrency: [4]
            servers:
              - app: servlet
                workers: 1
                threads: 4
                load: {endpoints: ["/json", "/io?ms=10"]}
              - app: reactive
                workers: 1
                processes: 2
            """;

    @Test
    void ctrlCStopsEverythingKeepsCompletedPointsAndResumeCompletesTheRest() throws Exception {
        Path file = Files.writeString(tmp.resolve("signal.yaml"), SWEEP);
        Path run = tmp.resolve("run");
        Path log = tmp.resolve("first.log");

        Process first = bench(log, "sweep", file.toString(), "--out", run.toString());
        Path results = run.resolve(RunFolder.RESULTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (first.isAlive() && lines(results) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // the first server run has two points: its first must be on disk before the run ends
        assertThat(lines(results)).as("first point written; log:%n%s", Files.readString(log)).isEqualTo(1);
        List<ProcessHandle> children = new ArrayList<>(first.descendants().toList());
        assertThat(children).as("server and injector are running").isNotEmpty();

        new ProcessBuilder("kill", "-INT", String.valueOf(first.pid())).start().waitFor();
        assertThat(first.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(130);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.readString(log)).contains("resume with: ./bench sweep --resume " + run);
        List<PointResult> kept = ResultsLog.read(results);
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().id()).isEqualTo("servlet-p1-w1-t4-json-c4-r1");

        Path resumeLog = tmp.resolve("resume.log");
        Process resume = bench(resumeLog, "sweep", "--resume", run.toString());
        assertThat(resume.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(resume.exitValue()).as(Files.readString(resumeLog)).isZero();
        assertThat(Files.readString(resumeLog)).contains("1 already done").contains("report: ");

        List<PointResult> all = ResultsLog.read(results);
        assertThat(all).extracting(PointResult::id)
                .containsExactly("servlet-p1-w1-t4-json-c4-r1", "servlet-p1-w1-t4-io_ms_10-c4-r1", "reactive-p2-w1-tdef-json-c4-r1");
        assertThat(all).allSatisfy(SweepEndToEndIT::isCompleteAndReconciled);
        // two JVMs: their requests are counted on both and summed, their memory summed
        PointResult twoJvms = all.get(2);
        assertThat(twoJvms.resources().serverRssBytes()).isGreaterThan(all.get(0).resources().serverRssBytes());
        assertThat(twoJvms.resources().serverPssBytes()).isNotNull().isLessThanOrEqualTo(twoJvms.resources().serverRssBytes());
        assertThat(run.resolve("servers/reactive-p2-w1-tdef-r1/server-0.log")).exists();
        assertThat(run.resolve("servers/reactive-p2-w1-tdef-r1/server-1.log")).exists();
        assertThat(run.resolve("environment.json")).content().contains("\"gatling\"").contains("\"undertow\"").contains("\"reactorNetty\"")
                .contains("\"injectorJvmArguments\"").contains("\"serverJvmArguments\"");
    }

    /** Every field a point promises, with client and server counts agreeing. */
    static void isCompleteAndReconciled(PointResult p) {
        assertThat(p.schema()).isEqualTo(PointResult.SCHEMA_VERSION);
        assertThat(p.throughput().requests()).isPositive();
        assertThat(p.throughput().ok()).isEqualTo(p.throughput().requests());
        assertThat(p.throughput().rps()).isCloseTo(p.throughput().requests() / p.throughput().windowSeconds(),
                org.assertj.core.data.Percentage.withPercentage(0.001));
        assertThat(p.latency().count()).isEqualTo(p.throughput().requests());
        assertThat(p.latency().p50Micros()).isPositive().isLessThanOrEqualTo(p.latency().p99Micros());
        assertThat(p.latency().p99Micros()).isLessThanOrEqualTo(p.latency().maxMicros());
        assertThat(p.resources().serverCpuCores()).isPositive();
        assertThat(p.resources().serverRssBytes()).isGreaterThan(10L << 20);
        assertThat(p.resources().injectorCpuCores()).isPositive();
        assertThat(p.resources().serverThreads()).isPositive();
        assertThat(p.counts().clientRequests()).isEqualTo(p.throughput().requests());
        assertThat(p.counts().differenceRatio()).isLessThanOrEqualTo(0.01);
        assertThat(p.series().rps()).isNotEmpty();
        assertThat(p.series().serverCpuCores()).isNotEmpty();
        assertThat(p.histogram()).isNotBlank();
        assertThat(p.files()).containsKeys("gatlingReport", "gatlingLog", "samples", "serverLog");
        assertThat(p.flags()).noneMatch(f -> f.code().name().startsWith("SERVER_"));
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count();
    }

    private static Process bench(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(Interruptible.command(cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
