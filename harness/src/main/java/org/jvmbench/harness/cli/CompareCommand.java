package org.jvmbench.harness.cli;

import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.report.Comparison;
import org.jvmbench.harness.config.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Matches the points of two or more sweep folders by their settings and shows RPS, p99, CPU and RSS",
                "side by side, with ratios against the first folder."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "DIR", arity = "2..*", description = "sweep folders; the first is the baseline")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--ignore", paramLabel = "FIELD", split = ",",
            description = "settings not to match on, e.g. virtualThreads to compare platform against virtual threads")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "RATIO", description = "relative change below which a difference counts as none; default 0.05")
    double threshold = org.jvmbench.harness.config.Defaults.COMPARE_THRESHOLD;

    @Option(names = "--out", paramLabel = "DIR", description = "where compare.html and compare.md go; default compare-<timestamp> beside the first folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        dirs.forEach(RunFolder::existing);
        Path outDir = out != null ? out : dirs.getFirst().toAbsolutePath().getParent()
                .resolve("compare-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<Path> written = Comparison.write(dirs, outDir, Comparison.Options.defaults().ignoring(ignore).withThreshold(threshold));
        written.forEach(p -> command.commandLine().getOut().println("compare: " + p.toAbsolutePath()));
        command.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
