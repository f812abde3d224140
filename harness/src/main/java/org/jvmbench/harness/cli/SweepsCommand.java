package org.jvmbench.harness.cli;

import org.jvmbench.harness.plan.Planner;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.server.BenchHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sweeps", mixinStandardHelpOptions = true, description = "Lists the ready sweeps in sweeps/ and the question each answers.")
final class SweepsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Path dir = BenchHome.locate().sweeps();
        for (String name : Planner.available(dir)) {
            String question = SweepReader.read(dir.resolve(name + ".yaml"), Runtime.getRuntime().availableProcessors()).question();
            out.printf("%-22s %s%n", name, question == null ? "" : question.lines().findFirst().orElse(""));
        }
        out.println();
        out.println("run one with: ./bench sweep NAME");
        out.flush();
        return BenchCli.OK;
    }
}
