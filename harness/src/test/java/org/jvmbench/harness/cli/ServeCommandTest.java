package org.jvmbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.settings.BufferPool;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Tuning;
import picocli.CommandLine;

/**
 * Bad {@code ./bench serve} flags: one line naming the flag and the problem, exit 2, nothing
 * started and nothing left behind. The same rules as the sweep file's keys, said with the flag.
 */
class ServeCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run serve(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of(List.of("--app", "tomcat"), "bench: --app: unknown app 'tomcat' (expected servlet or reactive)"),
                Arguments.of(List.of("--app", "servlet", "--gc", "CMS"), "bench: --gc: unknown collector 'CMS' (known: G1, Parallel, Serial, Z)"),
                Arguments.of(List.of("--app", "servlet", "--heap", "lots"), "bench: --heap: 'lots' is not a heap size (expected e.g. 512m or 1g)"),
                Arguments.of(List.of("--app", "servlet", "--threads", "many"), "bench: --threads: 'many' is not an int"),
                Arguments.of(List.of("--app", "servlet", "--jvm-arg", "-XX:+UseZGC"),
                        "bench: --jvm-arg: '-XX:+UseZGC' picks a collector: use --gc instead"),
                Arguments.of(List.of("--app", "servlet", "--jvm-arg", "-Xmx2g"), "bench: --jvm-arg: '-Xmx2g' sets the heap: use --heap instead"),
                Arguments.of(List.of("--app", "servlet", "--jvm-arg=-version"),
                        "bench: --jvm-arg: '-version' makes the JVM print or run something else and exit instead of serving"),
                Arguments.of(List.of("--app", "servlet", "--port", "65535", "--processes", "2"),
                        "bench: --port: 65535 with 2 processes needs ports 65535-65536, and the last, 65536, is out of range (ports end at 65535)"),
                Arguments.of(List.of("--app", "servlet", "--port", "0"), "bench: --port: must be 1-65535, got 0"),
                Arguments.of(List.of("--app", "servlet", "--heap", "1k"),
                        "bench: --heap: 1k is below 32m, the smallest heap the apps serve with (below it a point measures the collector)"),
                Arguments.of(List.of("--app", "servlet", "--bind", "999.1.1.1"),
                        "bench: --bind: '999.1.1.1' is not an IP address or a host name this machine knows"),
                Arguments.of(List.of("--app", "servlet", "--bind", "203.0.113.77"),
                        "bench: --bind: 203.0.113.77 is not an address of this machine (none of its network interfaces has it)"),
                Arguments.of(List.of("--app", "reactive", "--starvation"),
                        "bench: --starvation: does not apply to the reactive app (its split work never blocks a thread)"),
                Arguments.of(List.of("--app", "servlet", "--workers", "0"), "bench: --workers: must be at least 1, got 0"),
                Arguments.of(List.of("--app", "servlet", "--processes", "0"), "bench: --processes: must be at least 1, got 0"),
                Arguments.of(List.of("--app", "servlet", "--engine", "iis"),
                        "bench: --engine: unknown engine 'iis' (expected undertow, tomcat, jetty, netty)"),
                Arguments.of(List.of("--app", "reactive", "--engine", "jetty"), "bench: --engine: jetty runs servlet apps, not reactive ones"),
                Arguments.of(List.of("--app", "servlet", "--engine", "tomcat", "--workers", "2"),
                        "bench: --workers: Tomcat has no IO threads to set in Spring Boot 3.5 (its acceptor and poller are fixed): "
                                + "set threads, maxConnections or acceptCount"),
                Arguments.of(List.of("--app", "servlet", "--engine", "tomcat", "--virtual-threads", "--threads", "16"),
                        "bench: --threads: Tomcat on virtual threads has no thread pool to size (a virtual thread per request): "
                                + "leave threads out"),
                Arguments.of(List.of("--app", "servlet", "--engine", "jetty", "--virtual-threads", "--min-threads", "4"),
                        "bench: --min-threads: jetty on virtual threads has no pool minimum (a virtual thread per request): "
                                + "leave minThreads out"),
                Arguments.of(List.of("--app", "servlet", "--accept-count", "50"), "bench: --accept-count: does not apply to undertow"),
                Arguments.of(List.of("--app", "servlet", "--engine", "tomcat", "--acceptors", "2"),
                        "bench: --acceptors: does not apply to tomcat"),
                Arguments.of(List.of("--app", "servlet", "--engine", "jetty", "--buffer-pool", "uncached"),
                        "bench: --buffer-pool: does not apply to jetty"),
                Arguments.of(List.of("--app", "servlet", "--elastic-threads", "100"), "bench: --elastic-threads: does not apply to undertow"),
                Arguments.of(List.of("--app", "reactive", "--min-threads", "4"), "bench: --min-threads: does not apply to netty"),
                Arguments.of(List.of("--app", "servlet", "--buffer-pool", "huge"),
                        "bench: --buffer-pool: unknown buffer pool 'huge' (expected default or uncached)"),
                Arguments.of(List.of("--app", "servlet", "--engine", "tomcat", "--max-connections", "0"),
                        "bench: --max-connections: must be at least 1, got 0"),
                Arguments.of(List.of("--app", "reactive", "--elastic-threads", "many"), "bench: --elastic-threads: expected a whole number, at least 1, got 'many'"),
                Arguments.of(List.of("--app", "servlet", "--extra-cpu-us", "-5"),
                        "bench: --extra-cpu-us: must be 0 or more microseconds of CPU per request, got -5"),
                Arguments.of(List.of("--app", "reactive", "--extra-cpu-us", "5us"), "bench: --extra-cpu-us: expected a whole number of microseconds, 0 or more, got '5us'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFlags")
    void refusesInOneLineWithExitTwoAndStartsNothing(List<String> args, String line) throws Exception {
        List<Path> before = serveFolders();

        Run run = serve(args.toArray(String[]::new));

        assertThat(run.exit).as(run.err).isEqualTo(2);
        assertThat(run.err.lines()).containsExactly(line);
        assertThat(run.out).isEmpty();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(serveFolders()).as("log folders left behind").isEqualTo(before);
    }

    @Test
    void refusesAHeapOrProcessesBeyondThisMachinesMemory() {
        Run heap = serve("--app", "servlet", "--heap", "99999g");
        assertThat(heap.exit).isEqualTo(2);
        assertThat(heap.err).startsWith("bench: --heap: 99999g is more than this machine's memory (").hasLineCount(1);

        Run processes = serve("--app", "servlet", "--heap", "64g", "--processes", "64");
        assertThat(processes.exit).isEqualTo(2);
        assertThat(processes.err).matches("bench: --(heap|processes): .*\\R");
    }

    @Test
    void refusesACpuListBeyondThisMachineWithoutExpandingIt() {
        Run run = serve("--app", "servlet", "--cpus", "0-2147483646");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).isEqualTo("bench: --cpus: CPU " + Runtime.getRuntime().availableProcessors()
                + " does not exist: this machine has CPUs 0-" + (Runtime.getRuntime().availableProcessors() - 1) + System.lineSeparator());
    }

    @Test
    void listsTheAppsEnginesPoolsAndCollectorsInItsHelp() {
        Run run = serve("--help");

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("servlet, reactive").contains("undertow, tomcat, jetty, netty").contains("default, uncached")
                .contains("G1, Parallel, Serial, Z").containsPattern("default\\s+512m");
    }

    private static ServerSpec parsed(String... args) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        CommandLine.ParseResult result = BenchCli.commandLine().parseArgs(all.toArray(String[]::new));
        return ((ServeCommand) result.subcommand().commandSpec().userObject()).spec();
    }

    @Test
    void everyEngineKnobReachesTheSpecAsATypedValue() {
        ServerSpec tomcat = parsed("--app", "servlet", "--engine", "tomcat", "--threads", "16", "--min-threads", "4",
                "--max-connections", "500", "--accept-count", "50");
        assertThat(tomcat.engine()).isEqualTo(Engine.TOMCAT);
        assertThat(tomcat.threads()).isEqualTo(16);
        assertThat(tomcat.tuning()).isEqualTo(Tuning.of(Map.of(Knob.MIN_THREADS, 4, Knob.MAX_CONNECTIONS, 500, Knob.ACCEPT_COUNT, 50)));

        ServerSpec jetty = parsed("--app", "servlet", "--engine", "JETTY", "--workers", "2", "--acceptors", "1", "--max-connections", "300");
        assertThat(jetty.engine()).isEqualTo(Engine.JETTY);
        assertThat(jetty.workers()).isEqualTo(2);
        assertThat(jetty.tuning()).isEqualTo(Tuning.of(Map.of(Knob.MAX_CONNECTIONS, 300, Knob.ACCEPTORS, 1)));

        ServerSpec undertow = parsed("--app", "servlet", "--virtual-threads", "--buffer-pool", "uncached");
        assertThat(undertow.engine()).as("servlet's default engine").isEqualTo(Engine.UNDERTOW);
        assertThat(undertow.tuning().get(Knob.BUFFER_POOL)).isEqualTo("uncached");

        ServerSpec netty = parsed("--app", "reactive", "--virtual-threads", "--elastic-threads", "1000");
        assertThat(netty.engine()).isEqualTo(Engine.NETTY);
        assertThat(netty.virtualThreads()).as("blocking offloads on virtual threads").isTrue();
        assertThat(netty.tuning().get(Knob.ELASTIC_THREADS)).isEqualTo(1000);
    }

    @Test
    void theExtraCpuReachesTheSpecOfEitherAppAndZeroIsNone() {
        assertThat(parsed("--app", "servlet", "--extra-cpu-us", "50").tuning().get(Knob.EXTRA_CPU_MICROS)).isEqualTo(50);
        assertThat(parsed("--app", "reactive", "--extra-cpu-us", "50").tuning().get(Knob.EXTRA_CPU_MICROS)).isEqualTo(50);
        assertThat(parsed("--app", "servlet", "--extra-cpu-us", "0").tuning()).isEqualTo(Tuning.NONE);
        assertThat(parsed("--app", "servlet").tuning()).isEqualTo(Tuning.NONE);
    }

    private static List<Path> serveFolders() throws Exception {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("bench-serve-")).sorted().toList();
        }
    }
}
