package org.jvmbench.harness.plan;

/**
 * A sweep file that cannot be run. The message is one line naming the file, where in it,
 * and what is wrong, e.g. {@code sweeps/x.yaml: servers[1]: unknown key 'thread' (known: ...)},
 * so the CLI can print it as is.
 */
public class SweepFileException extends IllegalArgumentException {

    public SweepFileException(String message) {
        super(message);
    }

    public SweepFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
