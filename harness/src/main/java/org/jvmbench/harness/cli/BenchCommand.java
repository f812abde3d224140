package org.jvmbench.harness.cli;

import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.sweep.SweepJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        version = "jvm-server-bench 0.1",
        description = {
                "Launches the servlet (Undertow) and reactive (Reactor Netty) apps with chosen thread",
                "settings, drives them with Gatling and reports throughput, latency, CPU and memory.",
                "",
                "With no command: runs the quick sweep (sweeps/quick.yaml) and prints where its report is.",
                "./bench test runs the test suite."},
        subcommands = {SweepCommand.class, ServeCommand.class, AbCommand.class, ReportCommand.class, CompareCommand.class, SweepsCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return SweepJob.create(spec.commandLine().getOut()).run(SweepJob.DEFAULT_SWEEP, Overrides.NONE, null);
    }
}
