package org.jvmbench.harness.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jvmbench.harness.config.ExitCode;
import org.jvmbench.harness.server.ServerStartException;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The one place where a failure becomes an exit code and one line on stderr. Core code says
 * what went wrong by the exception's type: {@link IllegalArgumentException} is bad input
 * (exit 2, nothing was started), {@link InterruptedException} is Ctrl-C or SIGTERM (130),
 * anything else is a failed run (1, with the stack trace when {@code BENCH_DEBUG} is set).
 */
final class ExitCodes implements IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable e) {
        return exitCode(e).code();
    }

    static ExitCode exitCode(Throwable e) {
        if (e instanceof ParameterException || e instanceof IllegalArgumentException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.FAILED;
    }

    /** The exit codes for {@code --help}, from {@link ExitCode}. */
    static Map<String, String> help() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            list.put(String.valueOf(code.code()), code.meaning());
        }
        return list;
    }

    static CommandLine install(CommandLine cli) {
        ExitCodes mapper = new ExitCodes();
        cli.setExitCodeExceptionMapper(mapper);
        cli.getCommandSpec().usageMessage().exitCodeList(help());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("bench: " + parameterMessage(e));
            err.flush();
            return mapper.getExitCode(e);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            // whole: a server that failed to start says why with the tail of its log
            err.println("bench: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            int code = mapper.getExitCode(e);
            if (code == ExitCode.FAILED.code() && !(e instanceof ServerStartException) && System.getenv("BENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli;
    }

    /**
     * A value a converter refused reads as the flag and the parser's own sentence
     * ({@code --heap: 'lots' is not a heap size ...}), like a sweep file's key and problem;
     * other usage errors point to {@code --help}.
     */
    private static String parameterMessage(ParameterException e) {
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException conversion && arg != null) {
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            return name + ": " + conversion.getMessage();
        }
        String name = e.getCommandLine().getCommandName();
        String first = e.getMessage().lines().findFirst().orElse("bad arguments").replaceFirst("^Error: ", "");
        return first + " (see ./bench " + (name.equals("bench") ? "" : name + " ") + "--help)";
    }
}
