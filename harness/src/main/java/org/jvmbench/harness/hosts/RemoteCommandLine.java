package org.jvmbench.harness.hosts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a command (one argument per element, as {@code ServerCommandLine} builds them) into
 * the one string an SSH exec channel carries, run by the login's shell on the host.
 * <p>
 * The command is wrapped so that it can never outlive its SSH session, and can be found
 * again without a name:
 * <ul>
 *   <li>a POSIX {@code /bin/sh} first prints {@code jvmbench-pid <pid> <starttime>} as the
 *       first line of stdout: the pid the command will have, and its start time in clock ticks
 *       since boot ({@code /proc/<pid>/stat} field 22), which a reused pid does not share;</li>
 *   <li>it then {@code exec}s {@code setpriv --pdeathsig KILL -- command}, so the command keeps
 *       that pid and its parent is sshd's process of the session: when the session ends
 *       (closed, connection lost, coordinator killed) sshd exits and the kernel sends the
 *       command SIGKILL.</li>
 * </ul>
 * Every step is an {@code exec}: no shell stays behind as a parent that could die alone.
 * Where setpriv lacks {@code --pdeathsig} (util-linux before 2.31), the command runs without
 * it and only the recorded pid can stop it.
 */
final class RemoteCommandLine {

    /** What the first line of stdout starts with. */
    static final String PID_MARKER = "jvmbench-pid";

    /**
     * Runs in {@code /bin/sh -c}: reads its own stat, cuts it after the command name (which
     * may hold spaces and parentheses), and prints the 20th field after it, field 22 overall.
     * A function has its own positional parameters, so "$@" still holds the command after.
     */
    private static final String REPORT_PID =
            "read -r s < /proc/$$/stat; f() { shift 19; echo \"" + PID_MARKER + " $$ $1\"; }; f ${s##*) }; ";

    private RemoteCommandLine() {
    }

    /** The string for an exec channel; {@code pdeathsig} says whether the host's setpriv has it. */
    static String of(List<String> command, boolean pdeathsig) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        String run = pdeathsig ? "exec setpriv --pdeathsig KILL -- \"$@\"" : "exec \"$@\"";
        // exec'd from whatever the login shell is: only /bin/sh's syntax is relied on
        return "exec /bin/sh -c " + quote(REPORT_PID + run) + " jvmbench " + join(command);
    }

    /** The command as one string of single-quoted words. */
    static String join(List<String> command) {
        return command.stream().map(RemoteCommandLine::quote).collect(Collectors.joining(" "));
    }

    /** One shell word that stands for exactly {@code word}, whatever it holds. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
