package org.jvmbench.loadtests.injector;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends one run's console (Gatling's progress and summary, which it prints rather than logs)
 * to that run's own log file, so each point keeps its own; logback's console appender writes
 * through {@code System.out} at each call, so it follows too.
 */
final class RunConsole implements AutoCloseable {

    private final PrintStream previousOut;
    private final PrintStream previousErr;
    private final PrintStream file;

    private RunConsole(PrintStream file) {
        this.previousOut = System.out;
        this.previousErr = System.err;
        this.file = file;
        if (file != null) {
            System.out.flush();
            System.err.flush();
            System.setOut(file);
            System.setErr(file);
        }
    }

    /** Redirects to {@code log} (appending), or changes nothing when it is null. */
    static RunConsole to(Path log) throws IOException {
        if (log == null) {
            return new RunConsole(null);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new RunConsole(new PrintStream(new FileOutputStream(log.toFile(), true), true));
    }

    @Override
    public void close() {
        if (file != null) {
            System.setOut(previousOut);
            System.setErr(previousErr);
            file.close();
        }
    }
}
