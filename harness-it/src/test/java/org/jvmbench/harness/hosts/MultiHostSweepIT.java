package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.InjectorShare;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.protocol.Histograms;

/**
 * A sweep with {@code hosts:} through the real CLI, with network namespaces as hosts: the
 * server in one, an injector in each of two others. It proves the wiring and the merge, not any
 * scaling: the "hosts" share this machine's CPUs, so no figure here means anything about speed.
 * <ol>
 *   <li>a server host whose key known_hosts does not hold is refused in one line, exit 2, before a run folder exists;</li>
 *   <li>a sweep of three points, one injector killed in the second: merged counts are the sums of the
 *       injectors', reconcile with the server's, and percentiles come from the added histograms; the
 *       killed point is flagged and the sweep goes on with both injectors; the report shows each
 *       injector beside the merged figures;</li>
 *   <li>Ctrl-C in a measured point leaves no JVM in any namespace.</li>
 * </ol>
 * About 2 minutes on a 2-CPU machine. Run under the load lock: it sends load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostSweepIT {

    @RegisterExtension
    static final NamespaceHosts HOSTS = new NamespaceHosts();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFUSAL = Duration.ofSeconds(60);
    private static final Duration SWEEP = Duration.ofSeconds(150);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);
    private static final String FIRST = "servlet-p1-w1-t4-io_ms_5-c4-r1";
    private static final String SECOND = "servlet-p1-w1-t4-io_ms_5-c6-r1";
    private static final String THIRD = "servlet-p1-w1-t4-io_ms_5-c8-r1";
    /** Where the hosts keep a run's files: root's home, which the namespaces share with this machine. */
    private static final Path HOST_RUNS = Path.of(System.getProperty("user.home"), ".cache/jvm-bench/runs");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();

    private String yaml(Path knownHosts, String duration) {
        return """
                # Question: does a sweep across hosts merge its injectors exactly?
                name: hosts
                duration: %s
                warmup: 1s
                requestTimeout: 2s
                heap: 64m
                injectorHeap: 256m
                cpus: {server: "0", injector: "1"}
                hosts:
                  server: {ssh: "root@10.77.0.1", cpus: "0"}
                  injectors:
                    - {ssh: "root@10.77.0.2", cpus: "1"}
                    - {ssh: "root@10.77.0.3", cpus: "1"}
                  serverAddress: 10.77.0.1
                  knownHosts: %s
                  identity: %s
                  clockOffset: 50ms
                  java: %s
                load:
                  endpoints: ["/io?ms=5"]
                  concurrency: [4, 6, 8]
                servers:
                  - app: servlet
                    workers: 1
                    threads: 4
                """.formatted(duration, knownHosts, HOSTS.keys().privateKey(), ChildProcesses.javaBinary());
    }

    private Path sweepFile(String name, Path knownHosts, String duration) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml(knownHosts, duration));
    }

    private Process bench(String name, String... args) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // the JVM options of ./bench's last line
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "-Dbench.home=" + System.getProperty("bench.home"),
                "-Djava.io.tmpdir=" + tmp, BenchMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(Interruptible.command(cmd)).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile()).start();
        started.add(p);
        return p;
    }

    private int exit(Process p, String name, Duration limit) throws InterruptedException {
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not end within " + limit + "\n" + output(name));
        }
        return p.exitValue();
    }

    private String output(String name) {
        try {
            return "stdout:\n" + Files.readString(dir.resolve(name + ".out")) + "\nstderr:\n" + Files.readString(dir.resolve(name + ".err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    void nothingOfOursKeepsRunning() throws IOException {
        started.forEach(Process::destroyForcibly);
        for (String run : runs) {
            Path folder = HOST_RUNS.resolve(run);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Test
    @Order(1)
    void aServerHostWhoseKeyKnownHostsDoesNotHoldIsRefusedInOneLineBeforeARunFolderExists() throws Exception {
        Path partial = dir.resolve("known_hosts_without_server");
        Files.write(partial, Files.readAllLines(HOSTS.keys().knownHosts()).stream().filter(l -> !l.startsWith("10.77.0.1 ")).toList());
        Path run = dir.resolve("refused");

        Process p = bench("refused", "sweep", sweepFile("refused", partial, "3s").toString(), "--out", run.toString());

        assertThat(exit(p, "refused", REFUSAL)).as(output("refused")).isEqualTo(2);
        String stderr = Files.readString(dir.resolve("refused.err")).strip();
        assertThat(stderr.lines()).as(stderr).hasSize(1);
        assertThat(stderr).startsWith("bench: hosts.server: ").contains("10.77.0.1").contains(partial.toString());
        assertThat(run).doesNotExist();
    }

    @Test
    @Order(2)
    void injectorsAreMergedExactlyAKilledOneFlagsItsPointAndTheSweepGoesOn() throws Exception {
        Path run = dir.resolve("merged");
        runs.add(run.getFileName().toString());
        Process p = bench("merged", "sweep", sweepFile("merged", HOSTS.keys().knownHosts(), "3s").toString(), "--out", run.toString());

        // into the second point's measured phase: the injector on the second host has opened its console log
        Path secondLog = HOST_RUNS.resolve("merged/injector-1/points").resolve(SECOND).resolve("gatling.log");
        assertThat(await(SWEEP, () -> Files.exists(secondLog) || !p.isAlive())).as("second point measured\n" + output("merged")).isTrue();
        assertThat(p.isAlive()).as(output("merged")).isTrue();
        List<Long> servers = javaIn(NamespaceHosts.SERVER, "servlet");
        assertThat(servers).as("the server runs in the server's namespace").hasSize(1);
        assertThat(await(Duration.ofSeconds(10), () -> peersOfTheServer().containsAll(List.of("10.77.0.2", "10.77.0.3"))))
                .as("connections from both injector hosts: " + peersOfTheServer()).isTrue();
        List<Long> injector = javaIn(NamespaceHosts.INJECTOR_2, "InjectorMain");
        assertThat(injector).as("the second injector runs in its namespace").hasSize(1);
        assertThat(javaIn(NamespaceHosts.INJECTOR_1, "InjectorMain")).as("the first injector runs in its namespace").hasSize(1);
        new ProcessBuilder("kill", "-KILL", String.valueOf(injector.getFirst())).start().waitFor();

        assertThat(exit(p, "merged", SWEEP)).as(output("merged")).isZero();
        List<PointResult> points = ResultsLog.read(run.resolve("results.jsonl"));
        assertThat(points).extracting(PointResult::id).containsExactly(FIRST, SECOND, THIRD);

        for (PointResult point : List.of(points.get(0), points.get(2))) {
            List<InjectorShare> shares = point.injectors();
            assertThat(shares).as(point.id()).hasSize(2).allSatisfy(s -> {
                assertThat(s.failure()).isNull();
                assertThat(s.requests()).isPositive();
                assertThat(s.cpus()).isEqualTo(1);
            });
            assertThat(shares).extracting(InjectorShare::host).containsExactly("root@10.77.0.2:22", "root@10.77.0.3:22");
            long sum = shares.stream().mapToLong(InjectorShare::requests).sum();
            assertThat(point.throughput().requests()).as("merged = sum of injectors").isEqualTo(sum);
            assertThat(shares.stream().mapToInt(InjectorShare::load).sum()).isEqualTo(point.key().level().connections());
            assertThat(point.counts().clientRequests()).isEqualTo(sum);
            assertThat(point.counts().differenceRatio()).as("reconciles with the server's count").isLessThanOrEqualTo(0.01);
            Histogram merged = Histograms.decode(point.histogram());
            assertThat(merged.getTotalCount()).as("the added histogram holds every request").isEqualTo(sum);
            // the injectors' own results stay on their hosts (here, this machine's disk)
            Histogram raw = Histograms.empty();
            for (int i = 0; i < 2; i++) {
                JsonNode phase = JSON.readTree(HOST_RUNS.resolve("merged/injector-" + i + "/points").resolve(point.id())
                        .resolve("phase.json").toFile());
                assertThat(phase.path("requests").asLong()).isEqualTo(shares.get(i).requests());
                raw.add(Histograms.decode(phase.path("histogramMicros").asText()));
            }
            for (double percentile : new double[] {50, 90, 99, 99.9, 100}) {
                assertThat(merged.getValueAtPercentile(percentile)).as("p%s of %s", percentile, point.id())
                        .isEqualTo(raw.getValueAtPercentile(percentile));
            }
            assertThat(point.latency().p99Micros()).isEqualTo(raw.getValueAtPercentile(99));
            // the earliest injector's lag is 0 by definition; whether the other is within the share depends on this
            // machine's two CPUs, which the namespaces share (a restarted injector is also a cold one): not asserted
            assertThat(shares).extracting(InjectorShare::startLagMs).contains(0L).allSatisfy(lag -> assertThat(lag).isNotNegative());
            assertThat(point.flags()).extracting(Flag::code).doesNotContain(Flag.Code.INJECTOR_FAILED, Flag.Code.SERVER_HUNG,
                    Flag.Code.SERVER_DIED);
        }
        PointResult killed = points.get(1);
        assertThat(killed.flags()).extracting(Flag::code).contains(Flag.Code.INJECTOR_FAILED);
        assertThat(killed.injectors()).extracting(InjectorShare::failure).satisfiesExactly(
                first -> assertThat(first).isNull(), second -> assertThat(second).startsWith("exited"));
        assertThat(killed.throughput().requests()).isEqualTo(killed.injectors().getFirst().requests()).isPositive();

        String summary = Files.readString(run.resolve("summary.md"));
        assertThat(summary).contains("## Injectors").contains("root@10.77.0.2:22").contains("root@10.77.0.3:22")
                .contains("merged (server counted");
        JsonNode environment = JSON.readTree(run.resolve("environment.json").toFile());
        // calibrated in the server's namespace, on its CPU, not on this coordinator
        assertThat(environment.path("calibration").path("start").path("host").asText()).isEqualTo("root@10.77.0.1:22");
        assertThat(environment.path("calibration").path("start").path("cpus").asText()).isEqualTo("0");
        assertThat(environment.path("calibration").path("end").path("opsPerSecond").asDouble()).isPositive();
        assertThat(summary).contains("Calibration on root@10.77.0.1:22, CPUs 0: start ");
        JsonNode hosts = environment.path("hosts");
        assertThat(hosts.path("serverAddress").asText()).isEqualTo("10.77.0.1");
        assertThat(hosts.path("machines")).hasSize(3).allSatisfy(m -> {
            assertThat(m.path("kernel").asText()).isNotBlank();
            assertThat(m.path("jdk").asText()).isNotBlank();
            assertThat(m.has("clockOffsetMs")).isTrue();
        });
        assertNoJavaInAnyNamespace();
    }

    @Test
    @Order(3)
    void ctrlCInAMeasuredPointLeavesNothingRunningOnAnyHost() throws Exception {
        Path run = dir.resolve("interrupted");
        runs.add(run.getFileName().toString());
        Process p = bench("interrupted", "sweep", sweepFile("interrupted", HOSTS.keys().knownHosts(), "20s").toString(),
                "--out", run.toString());
        Path firstLog = HOST_RUNS.resolve("interrupted/injector-0/points").resolve(FIRST).resolve("gatling.log");
        assertThat(await(SWEEP, () -> Files.exists(firstLog) || !p.isAlive())).as("first point measured\n" + output("interrupted")).isTrue();
        assertThat(javaIn(NamespaceHosts.SERVER, "servlet")).hasSize(1);

        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();

        assertThat(exit(p, "interrupted", Duration.ofSeconds(40))).as(output("interrupted")).isEqualTo(130);
        assertNoJavaInAnyNamespace();
    }

    /** The remote addresses of the server namespace's established TCP connections. */
    private static List<String> peersOfTheServer() {
        try {
            Process ss = new ProcessBuilder("ip", "netns", "exec", NamespaceHosts.SERVER, "ss", "-Htn", "state", "established")
                    .redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            return out.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 4)
                    .map(f -> f[f.length - 1].substring(0, f[f.length - 1].lastIndexOf(':')))
                    // a JVM's dual-stack socket shows IPv4 peers as [::ffff:10.77.0.2]
                    .map(a -> a.replace("[", "").replace("]", "").replace("::ffff:", "")).distinct().toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNoJavaInAnyNamespace() throws Exception {
        for (String ns : List.of(NamespaceHosts.SERVER, NamespaceHosts.INJECTOR_1, NamespaceHosts.INJECTOR_2)) {
            assertThat(await(GONE_WITHIN, () -> javaInQuietly(ns).isEmpty())).as("no JVM left in " + ns + ": " + javaInQuietly(ns)).isTrue();
        }
    }

    private List<Long> javaInQuietly(String namespace) {
        try {
            return javaIn(namespace, "java");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Processes of a namespace whose command line holds {@code word}. */
    private static List<Long> javaIn(String namespace, String word) throws IOException, InterruptedException {
        List<Long> found = new ArrayList<>();
        for (long pid : HOSTS.pidsIn(namespace)) {
            try {
                String cmdline = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
                if (cmdline.contains("java") && cmdline.contains(word)) {
                    found.add(pid);
                }
            } catch (IOException gone) {
                // ended while we looked
            }
        }
        return found;
    }

    private static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
