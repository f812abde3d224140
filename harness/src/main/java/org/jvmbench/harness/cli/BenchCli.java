package org.jvmbench.harness.cli;

import picocli.CommandLine;

/**
 * Builds the command line: the commands, the typed values they receive
 * ({@link TypeConverters}) and the one mapping of failures to exit codes ({@link ExitCodes}).
 */
public final class BenchCli {

    private BenchCli() {
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return ExitCodes.install(TypeConverters.register(cli));
    }
}
