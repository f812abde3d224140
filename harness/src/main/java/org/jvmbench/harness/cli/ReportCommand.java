package org.jvmbench.harness.cli;

import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.report.Reports;
import org.jvmbench.harness.config.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-renders a sweep folder's summary (index.html, results.csv, summary.md) from its results.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "DIR", description = "a sweep folder, e.g. reports/20261122-101500-quick")
    Path dir;

    @Override
    public Integer call() throws Exception {
        RunFolder.existing(dir);
        Path index = Reports.render(dir).getLast();
        command.commandLine().getOut().println("report: " + index.toAbsolutePath());
        command.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
