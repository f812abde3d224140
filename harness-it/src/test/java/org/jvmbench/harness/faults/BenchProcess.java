package org.jvmbench.harness.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jvmbench.harness.cli.BenchMain;
import org.jvmbench.harness.process.ChildProcesses;
import org.jvmbench.harness.process.Interruptible;

/**
 * One {@code ./bench} invocation in a JVM of its own, started as the script starts it (same
 * main class, same JVM options), so a test sees what a user sees: the real exit code, stdout
 * and stderr apart, signals delivered to the process.
 * <p>
 * Every invocation carries a unique marker in its environment, which every process it starts
 * inherits (servers, injector, calibration, reference target); {@link #survivors} finds them
 * by it in {@code /proc}, however they were reparented. Its {@code java.io.tmpdir} is the
 * caller's folder, so the record of children it keeps for later runs (and serve's log
 * folders, and the extracted app jars) belong to the test alone.
 */
final class BenchProcess {

    /** Name of the environment variable carrying the marker. */
    static final String MARKER_VARIABLE = "BENCH_FAULTS_MARKER";

    private static final long POLL_MILLIS = 100;

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String marker;

    private BenchProcess(Process process, Path stdout, Path stderr, String marker) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.marker = marker;
    }

    /**
     * Starts {@code ./bench args…} with {@code work} as its working folder and {@code tmp} as
     * its temporary folder, where its output goes too: {@code tmp/<name>.out} and {@code .err}.
     */
    static BenchProcess start(Path work, Path tmp, String name, String... args) throws IOException {
        Files.createDirectories(work);
        Files.createDirectories(tmp);
        // the JVM options of ./bench's last line: a change there should be made here too
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xss512k", "-cp", System.getProperty("java.class.path"), "-Dbench.home=" + System.getProperty("bench.home"),
                "-Djava.io.tmpdir=" + tmp, BenchMain.class.getName()));
        cmd.addAll(List.of(args));
        String marker = UUID.randomUUID().toString();
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(Interruptible.command(cmd)).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put(MARKER_VARIABLE, marker);
        builder.environment().remove("BENCH_DEBUG");
        return new BenchProcess(builder.start(), out, err, marker);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the exit; fails when it takes longer than {@code limit} (the process is killed then). */
    int exit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("./bench did not end within " + limit + "; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9} would: nothing of the harness runs after it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGINT, as Ctrl-C would. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Both streams, for a failing assertion's description. */
    String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    /**
     * Live processes this invocation started, itself included while it runs: every process
     * whose environment carries its marker. Zombies are not counted: they hold no port, CPU
     * or memory, and only wait for their new parent to collect them.
     */
    List<Long> survivors() {
        byte[] needle = (MARKER_VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);
        List<Long> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path dir : entries.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (contains(Files.readAllBytes(dir.resolve("environ")), needle) && !zombie(dir)) {
                        found.add(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    /**
     * Waits, at most {@code limit}, until no process of this invocation is left; returns those
     * still running then (empty: all gone).
     */
    List<Long> survivorsAfter(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Long> left = survivors();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            left = survivors();
        }
        return left;
    }

    /** Kills whatever of this invocation is still running: a failed test must not leave load behind. */
    void killSurvivors() {
        process.destroyForcibly();
        for (long pid : survivors()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Polls {@code condition} until it holds or {@code limit} passes; returns whether it held. */
    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static boolean zombie(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        // the state follows the command name, which is in parentheses and may hold spaces
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static boolean contains(byte[] environ, byte[] needle) {
        // variables are NUL-separated: match whole entries only
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == needle.length && java.util.Arrays.equals(environ, start, i, needle, 0, needle.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
