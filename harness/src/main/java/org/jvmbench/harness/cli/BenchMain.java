package org.jvmbench.harness.cli;

/** Entry point of {@code ./bench}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(BenchCli.commandLine().execute(args));
    }
}
