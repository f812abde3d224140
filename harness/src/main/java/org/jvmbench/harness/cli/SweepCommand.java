package org.jvmbench.harness.cli;

import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.plan.DurationText;
import org.jvmbench.harness.sweep.SweepJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a sweep: every server configuration of FILE on fresh JVMs, warmed up, each point measured.",
                "FILE is a path or the name of a file in sweeps/ (see ./bench sweeps)."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "sweep file or name; default quick")
    String file;

    @Option(names = "--duration", paramLabel = "D", description = "measured time per point, e.g. 30s (overrides the file)")
    String duration;

    @Option(names = "--warmup", paramLabel = "D", description = "warm-up per server configuration, e.g. 30s (overrides the file)")
    String warmup;

    @Option(names = "--repeat", paramLabel = "N", description = "fresh-JVM repetitions of each configuration (overrides the file)")
    Integer repeat;

    @Option(names = "--out", paramLabel = "DIR", description = "write the run here instead of reports/<timestamp>-<sweep>/")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue an interrupted run: only the missing points run")
    Path resume;

    @Override
    public Integer call() throws Exception {
        SweepJob sweeps = SweepJob.create(command.commandLine().getOut());
        if (resume != null) {
            if (file != null || duration != null || warmup != null || repeat != null || out != null) {
                throw new IllegalArgumentException("--resume takes the settings recorded in " + resume + "; give it alone");
            }
            return sweeps.resume(resume);
        }
        Overrides overrides = new Overrides(
                duration == null ? null : DurationText.parse(duration),
                warmup == null ? null : DurationText.parse(warmup),
                repeat);
        return sweeps.run(file == null ? SweepJob.DEFAULT_SWEEP : file, overrides, out);
    }
}
