package org.jvmbench.harness.config;

/**
 * How {@code ./bench} ends, the one definition of its exit codes: the CLI maps exceptions to
 * them and the sweep job returns them.
 */
public enum ExitCode {
    /** Done. */
    OK(0, "done"),
    /** A run failed: a harness fault, not the user's input. */
    FAILED(1, "a run failed"),
    /** Bad input: one line names the problem and nothing was started. */
    BAD_INPUT(2, "bad input (nothing was started)"),
    /** {@code ab}: B is slower than A beyond the threshold, its whole interval past it: a regression gate's failure. */
    SLOWER(3, "ab: B slower than A beyond the threshold"),
    /** Ctrl-C or SIGTERM: every server and injector is stopped, completed points are kept. 128 + SIGINT. */
    INTERRUPTED(130, "interrupted (Ctrl-C or SIGTERM)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What {@code --help} says about it. */
    public String meaning() {
        return meaning;
    }
}
