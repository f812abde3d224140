package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;

/**
 * A user's own Spring Boot jar through {@code ./bench sweep}, as a user would run it: the
 * project's test-only example app (apps/example-own-app: one controller, Actuator with health
 * and metrics, on Tomcat; it knows nothing of the benchmark) is swept for real, and the bad
 * jars a user may name are refused in one line with exit 2 before any point, with no run
 * folder and nothing left running.
 */
class OwnJarSweepIT {

    @TempDir
    Path tmp;

    private static Path jar;

    @BeforeAll
    static void exampleJarIsBuilt() {
        jar = Path.of(System.getProperty("bench.home"), "apps", "example-own-app", "target", "example-own-app.jar");
        assertThat(jar).as("the reactor build packages apps/example-own-app before the harness's integration tests").isRegularFile();
    }

    private String sweep(String top, String entry) {
        return """
                # Question: does a user's own Spring Boot jar sweep like our apps?
                name: own-jar
                duration: 3s
                warmup: 2s
                requestTimeout: 5s
                heap: 128m
                cpus: {server: "0", injector: "1"}
                %s
                load:
                  endpoints: ["/hello?name=bench"]
                  concurrency: [4]
                servers:
                  - jar: %s
                    engine: tomcat
                %s
                """.formatted(top, jar, entry.indent(4).stripTrailing());
    }

    private record Run(int exit, String out, String err, List<ProcessHandle> children) {
    }

    private Run bench(String sweepFile, Path out) throws Exception {
        Path file = Files.writeString(tmp.resolve("own-" + System.nanoTime() + ".yaml"), sweepFile);
        Path stdout = tmp.resolve("stdout-" + System.nanoTime());
        Path stderr = tmp.resolve("stderr-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dbench.home=" + System.getProperty("bench.home"), BenchMain.class.getName(),
                "sweep", file.toString(), "--out", out.toString()));
        Process bench = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        List<ProcessHandle> children = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (bench.isAlive() && System.nanoTime() < deadline) {
            bench.descendants().filter(p -> !children.contains(p)).forEach(children::add);
            Thread.sleep(50);
        }
        assertThat(bench.waitFor(1, TimeUnit.SECONDS)).as("bench finished; it said:%n%s", Files.readString(stdout)).isTrue();
        return new Run(bench.exitValue(), Files.readString(stdout), Files.readString(stderr), children);
    }

    /** The log a refusal names is kept for the user to read; the test reads it, then removes its folder. */
    private static void keptLogNamed(Run run, String text) throws IOException {
        String line = run.err().strip();
        Path log = Path.of(line.substring(line.lastIndexOf("; its log: ") + "; its log: ".length()));
        assertThat(log).isRegularFile().content().contains(text);
        new RunFolder.ForkFiles(log.getParent()).delete();
    }

    private static void nothingLeftRunning(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (run.children().stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.children()).as("servers and injector").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void sweepsTheJarReadingItsThreadsCountsAndJitFromActuator() throws Exception {
        Path out = tmp.resolve("run");

        Run run = bench(sweep("", "threads: 16\nmaxConnections: 500\nreadiness: /actuator/health"), out);

        assertThat(run.exit()).as("out:%n%s%nerr:%n%s", run.out(), run.err()).isZero();
        assertThat(run.out()).contains("example-own-app.jar (tomcat) answers /actuator/health after ")
                .contains("threads 16 (asked 16, read from Actuator tomcat.threads.config.max)")
                .contains("maxConnections 500 (asked 500, read from Actuator tomcat.connections.config.max)");
        List<PointResult> points = ResultsLog.read(out.resolve(RunFolder.RESULTS));
        assertThat(points).hasSize(1);
        PointResult point = points.getFirst();
        assertThat(point.measured()).isTrue();
        assertThat(point.throughput().ok()).isEqualTo(point.throughput().requests());
        assertThat(point.flags()).noneMatch(f -> f.code() == Flag.Code.SERVER_DIED || f.code() == Flag.Code.SERVER_HUNG
                || f.code() == Flag.Code.COUNT_MISMATCH);
        assertThat(point.counts()).as("counts from Actuator's http.server.requests").isNotNull();
        assertThat(point.counts().clientRequests()).isEqualTo(point.throughput().requests());
        assertThat(point.counts().differenceRatio()).isLessThanOrEqualTo(0.01);
        assertThat(point.notes()).isNull();
        assertThat(point.stability().jitMs()).as("jvm.compilation.time").isNotNegative();
        assertThat(point.warmUp().verdict()).doesNotContain("JIT unknown");
        assertThat(point.footprint()).as("Actuator has no heap-after-GC figure").isNull();

        JsonNode environment = Json.MAPPER.readTree(out.resolve(RunFolder.ENVIRONMENT).toFile());
        JsonNode settings = environment.path("serverSettings").elements().next();
        assertThat(settings.path("threads").asText()).isEqualTo("16 (asked 16, read from Actuator tomcat.threads.config.max)");
        assertThat(settings.path("engine").asText()).isEqualTo("tomcat (asked tomcat, read from Actuator metric names)");
        assertThat(settings.path("virtualThreads").asText()).startsWith("off requested, not verified");
        JsonNode ownJar = environment.path("ownJars").elements().next();
        assertThat(ownJar.path("jar").asText()).isEqualTo(jar.toString());
        assertThat(ownJar.path("springBoot").asText()).startsWith("3.5.");
        assertThat(environment.path("serverJvmArguments").elements().next().toString()).contains("-Xmx128m").contains("--server.tomcat.threads.max=16");
        nothingLeftRunning(run);
    }

    @Test
    void aJarWithoutActuatorMetricsIsMeasuredWithItsCountsMarkedUnavailable() throws Exception {
        Path out = tmp.resolve("run");

        // the same jar with its metrics endpoint hidden, as a user's app without Actuator metrics would be
        Run run = bench(sweep("jvmArgs: [\"-Dmanagement.endpoints.web.exposure.include=health\"]", "threads: 16"), out);

        assertThat(run.exit()).as("out:%n%s%nerr:%n%s", run.out(), run.err()).isZero();
        assertThat(run.out()).contains("threads 16 requested, not verified (the jar exposes no Actuator metrics");
        PointResult point = ResultsLog.read(out.resolve(RunFolder.RESULTS)).getFirst();
        assertThat(point.measured()).isTrue();
        assertThat(point.counts()).as("never a guessed count").isNull();
        assertThat(point.notes()).singleElement().asString()
                .startsWith("server request counts unavailable: the jar exposes no Actuator metrics");
        assertThat(point.flags()).noneMatch(f -> f.code() == Flag.Code.COUNT_MISMATCH);
        assertThat(point.warmUp().verdict()).contains("JIT unknown (judged on throughput alone)");
        nothingLeftRunning(run);
    }

    @Test
    void aJarThatDoesNotExistIsOneLineAndExitTwo() throws Exception {
        Path out = tmp.resolve("run");

        Run run = bench(sweep("", "threads: 16").replace(jar.toString(), "/nowhere/app.jar"), out);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().endsWith("servers[0].jar: /nowhere/app.jar does not exist");
        assertThat(out).doesNotExist();
        nothingLeftRunning(run);
    }

    @Test
    void aJarThatIsNotASpringBootJarIsOneLineAndExitTwo() throws Exception {
        Path plain = tmp.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        try (OutputStream file = Files.newOutputStream(plain); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // a jar with a manifest and nothing of Spring Boot's
        }
        Path out = tmp.resolve("run");

        Run run = bench(sweep("", "threads: 16").replace(jar.toString(), plain.toString()), out);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .endsWith("servers[0].jar: " + plain + " is not a Spring Boot jar (its manifest names no Spring-Boot-Version)");
        assertThat(out).doesNotExist();
        nothingLeftRunning(run);
    }

    @Test
    void aJarThatExitsAtStartIsOneLineNamingWhyAndExitTwoBeforeAnyPoint() throws Exception {
        Path out = tmp.resolve("run");

        // a setting the app cannot bind: Spring Boot's failure analysis, and exit 1
        Run run = bench(sweep("jvmArgs: [\"-Dspring.main.web-application-type=bogus\"]", "threads: 16"), out);

        assertThat(run.exit()).as(run.out()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("bench: example-own-app.jar (tomcat): exited with code 1 before answering /actuator/health: ")
                .contains("spring.main.web-application-type")
                .contains("; its log: ");
        keptLogNamed(run, "APPLICATION FAILED TO START");
        assertThat(out).doesNotExist();
        nothingLeftRunning(run);
    }

    @Test
    void aJarThatNeverAnswersItsReadinessPathIsOneLineAndExitTwoBeforeAnyPoint() throws Exception {
        Path out = tmp.resolve("run");

        Run run = bench(sweep("", "readiness: /nowhere\nstartTimeout: 10s"), out);

        assertThat(run.exit()).as(run.out()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("bench: example-own-app.jar (tomcat): did not answer /nowhere with 200 within 10 s (it answered 404)");
        keptLogNamed(run, "Tomcat started on port");
        assertThat(out).doesNotExist();
        nothingLeftRunning(run);
    }
}
