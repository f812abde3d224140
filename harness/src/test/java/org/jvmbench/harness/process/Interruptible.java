package org.jvmbench.harness.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts a command with SIGINT at its default disposition, for tests that stop it as Ctrl-C
 * would. A shell's background job runs with SIGINT ignored, every child inherits that, and a
 * JVM started so keeps it ignored (it installs no handler for an ignored signal): started
 * plainly from a suite run as {@code ./bench test &}, the {@code ./bench} under test would
 * never see the Ctrl-C the test sends it. coreutils' {@code env --default-signal} (8.31+,
 * Essential on Debian) resets it and then execs the command, which keeps the process's pid.
 */
public final class Interruptible {

    private static final String ENV = "/usr/bin/env";

    private Interruptible() {
    }

    /** {@code command}, run with SIGINT at its default whatever this JVM inherited. */
    public static List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(List.of(ENV, "--default-signal=INT"));
        full.addAll(command);
        return full;
    }
}
