package org.jvmbench.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One app jar running as a real process on a free loopback port, launched the way the
 * harness launches it: the JDK running these tests, heap flags, JVM system properties, then
 * Spring arguments. Output goes to files under target/app-logs; when the app fails to come
 * up, the error carries the tail of its log.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final int port;
    private final Path stdout;
    private final Path stderr;

    private AppProcess(String name, Process process, int port, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code module}'s jar without waiting for it; call {@link #awaitReady(Http)} next,
     * so that two apps can start side by side.
     */
    static AppProcess start(String name, String module, List<String> jvmOptions, List<String> appArguments) {
        Path jar = Path.of(System.getProperty("apps.dir", ".."), module, "target", module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize()
                    + " is missing: run ./mvnw verify (or package) on the app modules first");
        }
        try {
            int port = freePort();
            Path logs = Files.createDirectories(Path.of(System.getProperty("app.logs.dir", "target/app-logs")));
            Path stdout = logs.resolve(name + ".out.log");
            Path stderr = logs.resolve(name + ".err.log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            command.addAll(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
            command.addAll(appArguments);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            // A backstop for a test JVM that ends without closing its apps: none outlives it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            return new AppProcess(name, process, port, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Polls /info until it answers 200, the process dies, or the deadline passes. */
    AppProcess awaitReady(Http http) {
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            if (http.answers(port, "/info")) {
                return this;
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " did not answer /info within " + STARTUP_DEADLINE + "\n" + logTail());
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Asks politely, then forcibly: an app hung on purpose may not stop by itself. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        return "--- " + stdout + " (tail) ---\n" + tail(stdout) + "\n--- " + stderr + " (tail) ---\n" + tail(stderr);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The gap between polls; each poll is bounded by the deadline, never a wait for an outcome. */
    private static void pause(Duration gap) {
        try {
            Thread.sleep(gap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the app", e);
        }
    }
}
