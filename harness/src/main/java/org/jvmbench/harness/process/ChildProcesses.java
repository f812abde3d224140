package org.jvmbench.harness.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness starts goes through here, so that a normal exit, an error,
 * Ctrl-C, SIGTERM or even SIGKILL of the harness all end the same way: nothing left running.
 * Output always goes to a file (never a pipe nobody drains, which would stall a chatty child).
 * <p>
 * Children are started under {@code setpriv --pdeathsig KILL} where util-linux has it: the
 * kernel kills them when the harness dies, however it dies. The kernel ties that signal to the
 * thread that started the child, so children are started from a thread that outlives them
 * (the harness's main thread). Each child is also recorded in {@link Leftovers}, so a later
 * run stops what a harness without {@code setpriv} left behind.
 */
public final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final java.util.Map<Process, Leftovers.Child> RECORDED = new ConcurrentHashMap<>();
    private static final Leftovers LEFTOVERS = Leftovers.ofThisProcess();

    /** util-linux's setpriv, which sets the parent-death signal and then runs the command. */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    /**
     * Variables every JVM reads at start and adds to its options without a word: set in the
     * harness's shell, they would change the servers and the injector behind the record's back.
     * Children never inherit them; the environment record says when they were set.
     */
    public static final List<String> CLEARED_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    static {
        // Last line of defence: runs on System.exit and on signals the JVM handles by
        // exiting (SIGTERM, SIGINT when no handler is installed).
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-children"));
    }

    private ChildProcesses() {
    }

    /** Starts {@code command} with stdout and stderr appended to {@code log}; stdin stays a pipe. */
    public static Process start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            full.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeAll(CLEARED_VARIABLES);
        Process process = builder.start();
        LIVE.add(process);
        RECORDED.put(process, new Leftovers.Child(process.pid(),
                process.toHandle().info().startInstant().orElse(java.time.Instant.now()), describe(command)));
        LEFTOVERS.write(List.copyOf(RECORDED.values()));
        process.onExit().thenRun(() -> forget(process));
        return process;
    }

    /** Stops what dead harnesses left running, saying so; see {@link Leftovers}. */
    public static int stopLeftovers(java.io.PrintWriter out) {
        return LEFTOVERS.stopLeftovers(out);
    }

    private static void forget(Process process) {
        LIVE.remove(process);
        if (RECORDED.remove(process) != null) {
            LEFTOVERS.write(List.copyOf(RECORDED.values()));
        }
    }

    /** The main class or jar and its first arguments: enough to say what was stopped. */
    private static String describe(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("-jar") && i + 1 < command.size()) {
                return Path.of(command.get(i + 1)).getFileName().toString();
            }
        }
        String last = command.getLast();
        return last.length() > 80 ? last.substring(last.length() - 80) : last;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; waits until the process (and its children) are gone. */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
        forget(process);
    }

    /** Stops every live child, in parallel, within a few seconds. */
    public static void stopAll() {
        List<Process> processes = new ArrayList<>(LIVE);
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (Process process : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        processes.forEach(ChildProcesses::forget);
    }

    /** The last {@code lines} lines of a log, for error messages. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The java binary of the JDK running the harness: servers and injector use the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
