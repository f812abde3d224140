package org.jvmbench.harness.cli;

import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.environment.Environment;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.sweep.ReadySweep;
import org.jvmbench.harness.config.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sweeps", mixinStandardHelpOptions = true, description = "Lists the ready sweeps in sweeps/ and the question each answers.")
final class SweepsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        ProjectHome home = ProjectHome.locate();
        // the ETAs from what this machine measured for each sweep's pinning, when it measured anything
        java.util.Map<String, MachineCache> byPinning = new java.util.HashMap<>();
        List<ReadySweep> sweeps = ReadySweep.list(home.sweeps(), Runtime.getRuntime().availableProcessors(), sweep ->
                byPinning.computeIfAbsent(sweep.cpus().server() + " " + sweep.cpus().injector(), p ->
                        MachineCache.open(MachineCache.defaultDir(), MachineCache.Key.of(Environment.capture(home.root(),
                                sweep.cpus().server().toString(), sweep.cpus().injector().toString(), home.injectorClasspath())))));
        int width = sweeps.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (ReadySweep s : sweeps) {
            if (s.problem() != null) {
                out.printf("%-" + width + "s  does not read: %s%n", s.name(), s.problem());
            } else {
                long minutes = Math.max(1, Math.round(s.estimate().toSeconds() / 60.0));
                out.printf("%-" + width + "s  %3d points  %-7s  %s%n", s.name(), s.points(), "~" + minutes + " min", s.question());
            }
        }
        out.println();
        out.println("run one with: ./bench sweep NAME  (--duration D --warmup D shorten it; sweeps/NAME.yaml opens with the whole question)");
        out.flush();
        return ExitCode.OK.code();
    }
}
