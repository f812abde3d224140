package org.jvmbench.harness.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepsCommandTest {

    @Test
    void listsEveryReadySweepOnOneLineWithItsSizeTimeAndQuestion() {
        StringWriter out = new StringWriter();
        var cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("sweeps")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("starvation +12 points +~8 min +can a bounded pool deadlock on its own subtasks.*\\?"));
        assertThat(lines).anyMatch(l -> l.matches("quick +4 points +~5 min +servlet or reactive on one CPU.*\\?"));
        assertThat(lines).noneMatch(l -> l.contains("Question:") || l.contains("does not read"));
        assertThat(lines.getLast()).startsWith("run one with: ./bench sweep NAME");
    }
}
