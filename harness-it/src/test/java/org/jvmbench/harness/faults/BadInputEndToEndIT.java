package org.jvmbench.harness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values issue 13 found accepted and failing later (an injector out of memory labelled a
 * server hang, every point "server died" with exit 0, an {@code hs_err_pid*.log} in the working
 * folder, a 24-line stack trace), and the messages it found wrong, run through a real
 * {@code ./bench} process. The messages themselves are unit-tested (SweepBoundsTests,
 * SweepCommandTest, ServeCommandTest); here is what only the whole process shows: its exit
 * code, nothing on stderr but the one line (no stack trace, no JVM crash report), nothing
 * started (no child was ever recorded, no app jar extracted), nothing written (no run folder,
 * no report, no file in the working folder).
 */
class BadInputEndToEndIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final String GOOD = """
            # Question: is this input refused before anything starts?
            duration: 2s
            warmup: 1s
            cpus: {server: "0", injector: "1"}
            load: {endpoints: ["/io?ms=5"], concurrency: [1]}
            servers:
              - app: servlet
            """;

    /** What the case puts in the working folder before ./bench runs. */
    private enum Given { SWEEP_FILE, FOLDER_AS_FILE, BINARY_AS_FILE, NOTHING }

    private static Arguments sweepFile(String name, String yaml, String fragment) {
        return Arguments.of(name, Given.SWEEP_FILE, yaml, List.of("sweep", "sweep.yaml"), fragment);
    }

    private static Arguments command(String name, Given given, List<String> args, String fragment) {
        return Arguments.of(name, given, GOOD, args, fragment);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                sweepFile("a billion connections", GOOD.replace("concurrency: [1]", "concurrency: [1000000000]"),
                        "load.concurrency[0]: 1000000000 connections are more than the injector may open"),
                sweepFile("a thousand processes", GOOD.replace("- app: servlet", "- app: servlet\n    processes: [1000]"),
                        "servers[0].processes[0]: 1000 JVMs of 512m heap"),
                sweepFile("a 1k heap", "heap: 1k\n" + GOOD, "heap: 1k is below 32m"),
                sweepFile("a 999g heap", "heap: 999g\n" + GOOD, "heap: 999g is more than this machine's memory"),
                sweepFile("a 1k injector heap", "injectorHeap: 1k\n" + GOOD, "injectorHeap: 1k is below 256m"),
                sweepFile("a duration beyond a long", GOOD.replace("duration: 2s", "duration: 9223372036854775807h"),
                        "duration: '9223372036854775807h' is longer than 24h"),
                sweepFile("two billion CPUs", GOOD.replace("server: \"0\"", "server: \"0-2147483646\""),
                        "cpus.server: CPU " + Runtime.getRuntime().availableProcessors() + " does not exist"),
                sweepFile("a JVM argument that exits", "jvmArgs: [\"-version\"]\n" + GOOD,
                        "jvmArgs[0]: '-version' makes the JVM print or run something else and exit instead of serving"),
                sweepFile("a JVM argument that picks the collector", "jvmArgs: [\"-XX:+UseZGC\"]\n" + GOOD,
                        "jvmArgs[0]: '-XX:+UseZGC' picks a collector"),
                command("a duration beyond a long on the command line", Given.SWEEP_FILE,
                        List.of("sweep", "sweep.yaml", "--duration", "9223372036854775807h"),
                        "--duration: '9223372036854775807h' is longer than 24h"),
                command("--out in /proc", Given.SWEEP_FILE, List.of("sweep", "sweep.yaml", "--out", "/proc/x"),
                        "cannot create /proc/x: no such file or folder, and none can be made there"),
                command("a folder as the sweep file", Given.FOLDER_AS_FILE, List.of("sweep", "sweep.yaml"),
                        "sweep.yaml: is a folder, not a sweep file"),
                command("a binary file as the sweep file", Given.BINARY_AS_FILE, List.of("sweep", "sweep.yaml"),
                        "sweep.yaml: not a text file (it is not UTF-8)"),
                command("serve on two ports from 65535", Given.NOTHING,
                        List.of("serve", "--app", "servlet", "--port", "65535", "--processes", "2"),
                        "--port: 65535 with 2 processes needs ports 65535-65536"),
                command("serve on an address that is none", Given.NOTHING, List.of("serve", "--app", "servlet", "--bind", "999.1.1.1"),
                        "--bind: '999.1.1.1' is not an IP address or a host name this machine knows"),
                command("serve with a JVM argument that picks the collector", Given.NOTHING,
                        List.of("serve", "--app", "servlet", "--jvm-arg", "-XX:+UseZGC"), "--jvm-arg: '-XX:+UseZGC' picks a collector"),
                command("serve with a JVM argument that exits", Given.NOTHING, List.of("serve", "--app", "servlet", "--jvm-arg=-version"),
                        "--jvm-arg: '-version' makes the JVM print or run something else and exit instead of serving"),
                command("serve with a 999g heap", Given.NOTHING, List.of("serve", "--app", "servlet", "--heap", "999g"),
                        "--heap: 999g is more than this machine's memory"),
                command("serve with a 1k heap", Given.NOTHING, List.of("serve", "--app", "servlet", "--heap", "1k"),
                        "--heap: 1k is below 32m"),
                command("serve on two billion CPUs", Given.NOTHING, List.of("serve", "--app", "servlet", "--cpus", "0-2147483646"),
                        "--cpus: CPU " + Runtime.getRuntime().availableProcessors() + " does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedInOneLineWithExitTwoAndNothingStartedOrWritten(String name, Given given, String yaml, List<String> args,
                                                                 String fragment, @TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path tmp = dir.resolve("tmp");
        switch (given) {
            case SWEEP_FILE -> Files.writeString(work.resolve("sweep.yaml"), yaml);
            case FOLDER_AS_FILE -> Files.createDirectories(work.resolve("sweep.yaml"));
            case BINARY_AS_FILE -> Files.write(work.resolve("sweep.yaml"), new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
            case NOTHING -> { }
        }
        List<Path> workBefore = list(work);
        List<Path> reportsBefore = list(reports());

        BenchProcess bench = BenchProcess.start(work, tmp, "bench", args.toArray(String[]::new));
        int exit;
        try {
            exit = bench.exit(LIMIT);
        } finally {
            bench.killSurvivors();
        }

        assertThat(exit).as(bench.output()).isEqualTo(2);
        assertThat(bench.stderr().lines().toList()).as(bench.output()).hasSize(1)
                .first().asString().startsWith("bench: ").contains(fragment);
        assertThat(bench.stdout()).as("stdout").isEmpty();
        assertThat(bench.survivors()).as("processes left running").isEmpty();
        assertThat(tmp.resolve("jvm-bench-children")).as("a child process was started").doesNotExist();
        assertThat(tmp.resolve("jvm-bench-extracted")).as("an app jar was made ready to start").doesNotExist();
        assertThat(list(tmp)).as("serve log folders left behind").noneMatch(p -> p.getFileName().toString().startsWith("bench-serve-"));
        assertThat(list(work)).as("files written in the working folder (a run folder, an hs_err_pid*.log)").isEqualTo(workBefore);
        assertThat(list(reports())).as("run folders created under reports/").isEqualTo(reportsBefore);
    }

    private static Path reports() {
        return Path.of(System.getProperty("bench.home")).resolve("reports");
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return new ArrayList<>(entries.sorted().toList());
        }
    }
}
