package org.jvmbench.harness.cli;

import org.jvmbench.harness.plan.Overrides;
import org.jvmbench.harness.sweep.SweepJob;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a sweep: every server configuration of FILE on fresh JVMs, warmed up, each point measured.",
                "FILE is a path or the name of a file in sweeps/ (see ./bench sweeps).",
                "--resume DIR continues an interrupted run with the settings recorded in DIR, so it takes nothing else."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    /** A new run, or the continuation of a recorded one: never both. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    static final class Source {
        @Option(names = "--resume", paramLabel = "DIR", required = true,
                description = "continue an interrupted run: only the missing points run")
        Path resume;

        @ArgGroup(exclusive = false)
        Fresh fresh;
    }

    static final class Fresh {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "sweep file or name; default quick")
        String file;

        @Option(names = "--duration", paramLabel = "D", description = "measured time per point, e.g. 30s (overrides the file)")
        Duration duration;

        @Option(names = "--warmup", paramLabel = "D", description = "warm-up per server configuration, e.g. 30s (overrides the file)")
        Duration warmup;

        @Option(names = "--repeat", paramLabel = "N", description = "fresh-JVM repetitions of each configuration (overrides the file)")
        Integer repeat;

        @Option(names = "--out", paramLabel = "DIR", description = "write the run here instead of reports/<timestamp>-<sweep>/")
        Path out;
    }

    @Override
    public Integer call() throws Exception {
        SweepJob sweeps = SweepJob.create(command.commandLine().getOut());
        if (source != null && source.resume != null) {
            return sweeps.resume(source.resume);
        }
        Fresh fresh = source == null || source.fresh == null ? new Fresh() : source.fresh;
        Overrides overrides = new Overrides(fresh.duration, fresh.warmup, fresh.repeat);
        return sweeps.run(fresh.file == null ? SweepJob.DEFAULT_SWEEP : fresh.file, overrides, fresh.out);
    }
}
