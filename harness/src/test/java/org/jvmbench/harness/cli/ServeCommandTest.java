package org.jvmbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

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
                Arguments.of(List.of("--app", "servlet", "--processes", "0"), "bench: --processes: must be at least 1, got 0"));
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
    void listsTheAppsAndCollectorsInItsHelp() {
        Run run = serve("--help");

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("servlet, reactive").contains("G1, Parallel, Serial, Z").containsPattern("default\\s+512m");
    }

    private static List<Path> serveFolders() throws Exception {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("bench-serve-")).sorted().toList();
        }
    }
}
