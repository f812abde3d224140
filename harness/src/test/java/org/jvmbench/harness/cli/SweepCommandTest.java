package org.jvmbench.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad sweep input: one line naming the problem, exit 2, no folder made and nothing started. */
class SweepCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sweepFile(String yaml) throws IOException {
        return Files.writeString(tmp.resolve("s.yaml"), "# Question: is this input checked?\n" + yaml);
    }

    private static final String GOOD = """
            duration: 1s
            warmup: 1s
            cpus: {server: "0", injector: "1"}
            load: {endpoints: ["/json"], concurrency: [1]}
            servers:
              - app: servlet
            """;

    private void assertRejected(Run run, String fragment) throws IOException {
        assertThat(run.exit).as(run.err).isEqualTo(2);
        assertThat(run.err.lines()).hasSize(1);
        assertThat(run.err).startsWith("bench: ").contains(fragment);
        assertThat(run.out).doesNotContain("sweep ");
        try (Stream<Path> made = Files.list(tmp)) {
            assertThat(made).allMatch(p -> p.getFileName().toString().equals("s.yaml") || p.getFileName().toString().equals("taken"));
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aMalformedSweepFileIsOneLineNamingFileAndPlace() throws IOException {
        Path file = sweepFile(GOOD.replace("- app: servlet", "- app: servlet\n    thread: 8"));
        assertRejected(bench("sweep", file.toString()), "servers[0]: unknown key 'thread'");
    }

    @Test
    void aKnobThatDoesNotApplyToTheAppIsRefused() throws IOException {
        Path file = sweepFile(GOOD.replace("- app: servlet", "- app: reactive\n    bufferPool: uncached"));
        assertRejected(bench("sweep", file.toString()), "servers[0].bufferPool: does not apply to netty");
    }

    @Test
    void cpusTheMachineDoesNotHaveAreRefused() throws IOException {
        Path file = sweepFile(GOOD.replace("injector: \"1\"", "injector: \"64\""));
        assertRejected(bench("sweep", file.toString()), "CPU 64 does not exist");
    }

    @Test
    void nonPositiveDurationsAndRepeatsFromTheCommandLineAreRefused() throws IOException {
        Path file = sweepFile(GOOD);
        assertRejected(bench("sweep", file.toString(), "--duration", "0s"), "must be positive");
        assertRejected(bench("sweep", file.toString(), "--warmup", "ten"), "ten");
        assertRejected(bench("sweep", file.toString(), "--repeat", "0"), "--repeat must be at least 1");
    }

    @Test
    void valuesBeyondWhatTheMachineCanHonourAreRefusedBeforeAnythingStarts() throws IOException {
        assertRejected(bench("sweep", sweepFile(GOOD).toString(), "--duration", "9223372036854775807h"),
                "bench: --duration: '9223372036854775807h' is longer than 24h, the longest a duration may be");
        assertRejected(bench("sweep", sweepFile(GOOD.replace("concurrency: [1]", "concurrency: [1000000000]")).toString()),
                "load.concurrency[0]: 1000000000 connections are more than the injector may open");
        assertRejected(bench("sweep", sweepFile(GOOD.replace("- app: servlet", "- app: servlet\n    processes: [1000]")).toString()),
                "servers[0].processes[0]: 1000 JVMs of 512m heap");
        assertRejected(bench("sweep", sweepFile("heap: 1k\n" + GOOD).toString()), "heap: 1k is below 32m");
        assertRejected(bench("sweep", sweepFile("injectorHeap: 1k\n" + GOOD).toString()), "injectorHeap: 1k is below 256m");
        assertRejected(bench("sweep", sweepFile(GOOD.replace("server: \"0\"", "server: \"0-2147483646\"")).toString()),
                "cpus.server: CPU ");
        assertRejected(bench("sweep", sweepFile("jvmArgs: [\"-version\"]\n" + GOOD).toString()),
                "jvmArgs[0]: '-version' makes the JVM print or run something else and exit instead of serving");
    }

    @Test
    void aFolderOrABinaryFileAsFileIsSaidToBeOne() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("taken"));
        assertRejected(bench("sweep", folder.toString()), folder + ": is a folder, not a sweep file");
        Path binary = Files.write(tmp.resolve("s.yaml"), new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
        assertRejected(bench("sweep", binary.toString()), binary + ": not a text file (it is not UTF-8): a sweep file is YAML");
    }

    @Test
    void anUnknownSweepNameListsTheReadyOnes() throws IOException {
        assertRejected(bench("sweep", "no-such-sweep"), "unknown sweep 'no-such-sweep' (available: ");
    }

    @Test
    void resumeTakesNoOtherSettingsAndOnlyASweepFolder() throws IOException {
        assertRejected(bench("sweep", "--resume", tmp.toString(), "--duration", "5s"), "--resume=DIR and [[FILE] [--duration=D] [--warmup=D] [--repeat=N] [--out=DIR]] are mutually exclusive");
        assertRejected(bench("sweep", "--resume", tmp.toString(), "quick"), "are mutually exclusive");
        assertRejected(bench("sweep", "--resume", tmp.toString()), "is not a sweep folder");
    }

    @Test
    void aNonEmptyOutputFolderIsNotOverwritten() throws IOException {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("results.jsonl"), "{}\n");
        assertRejected(bench("sweep", sweepFile(GOOD).toString(), "--out", taken.toString()), "is not empty; to continue a sweep there use --resume");
        assertThat(Files.readAllLines(taken.resolve("results.jsonl"))).isEqualTo(List.of("{}"));
    }
}
