package org.jvmbench.harness.cli;

import org.jvmbench.harness.server.ServerStartException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Builds the command line and maps every failure to an exit code and one line: the only
 * place that does. 0 ok, 1 a run failed, 2 bad input, 130 interrupted.
 */
public final class BenchCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERRUPTED = 130;

    private BenchCli() {
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("bench: " + e.getMessage().lines().findFirst().orElse("bad arguments")
                    + " (see ./bench " + commandPath(e.getCommandLine()) + "--help)");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code;
            if (e instanceof IllegalArgumentException) {
                code = BAD_INPUT;
            } else if (e instanceof InterruptedException) {
                code = INTERRUPTED;
            } else {
                code = FAILED;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println("bench: " + message);
            if (code == FAILED && !(e instanceof ServerStartException) && System.getenv("BENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli;
    }

    private static String commandPath(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return name.equals("bench") ? "" : name + " ";
    }
}
