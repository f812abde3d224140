package org.jvmbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ab refuses what it cannot compare with one line and exit 2, before anything starts. */
class AbCommandTest {

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

    private static final String PAIR = """
            design: paired
            cpus: {server: "0", injector: "1"}
            load: {endpoints: ["/json"], concurrency: [1]}
            servers:
            """;

    private void assertRejected(Run run, String fragment) throws IOException {
        assertThat(run.exit).as(run.err).isEqualTo(2);
        assertThat(run.err.lines()).hasSize(1);
        assertThat(run.err).startsWith("bench: ").contains(fragment);
        assertThat(run.out).doesNotContain("sweep ");
        try (Stream<Path> made = Files.list(tmp)) {
            assertThat(made).allMatch(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".jar"));
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aSweepFileOfThreeConfigurationsIsNotAnAbComparison() throws IOException {
        Path file = Files.writeString(tmp.resolve("three.yaml"), PAIR + "  - {app: servlet, threads: [8, 64]}\n  - app: reactive\n");
        assertRejected(bench("ab", file.toString()), "ab compares two configurations (A and B), the file has 3");
    }

    @Test
    void aSweepFileThatIsNotPairedSaysHowToMakeIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("seq.yaml"), PAIR.replace("design: paired\n", "")
                + "  - app: servlet\n  - app: reactive\n");
        assertRejected(bench("ab", file.toString()), "ab compares with the paired design: add 'design: paired' to the file");
    }

    @Test
    void oneJarAloneHasNothingToCompareWith() throws IOException {
        Path jar = Files.writeString(tmp.resolve("a.jar"), "not really");
        assertRejected(bench("ab", jar.toString()), "ab takes two jars (A.jar B.jar) or one sweep file, got one jar");
    }

    @Test
    void aJarThatIsNotThereIsNamed() throws IOException {
        Path jar = Files.writeString(tmp.resolve("a.jar"), "not really");
        assertRejected(bench("ab", jar.toString(), tmp.resolve("missing.jar").toString()), "missing.jar is not a file");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() throws IOException {
        Path jar = Files.writeString(tmp.resolve("a.jar"), "not really");
        assertRejected(bench("ab", jar.toString(), jar.toString(), "--threshold", "3"), "--threshold must be a share");
    }
}
