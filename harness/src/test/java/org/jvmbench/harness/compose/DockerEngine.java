package org.jvmbench.harness.compose;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine and Compose command of this machine, for the tests that run the compose file
 * in real containers. Compose v2 ({@code docker compose}) where the CLI has it, else Compose v1
 * ({@code docker-compose}, what Debian's {@code docker-compose} package installs).
 */
record DockerEngine(List<String> compose) {

    /** One command's exit code and its stdout and stderr together. */
    record Outcome(int exitCode, String output) {
        String tail() {
            List<String> lines = output.lines().toList();
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    /**
     * The engine, or the test skipped with the reason there is none, unless {@code CI} is set: a
     * CI run that silently skipped the compose test would prove nothing.
     */
    static DockerEngine requireOrSkip() throws IOException, InterruptedException {
        Outcome info = run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Map.of(), Duration.ofSeconds(30), null);
        List<String> compose = List.of("docker", "compose");
        if (info.exitCode() == 0 && run(List.of("docker", "compose", "version"), Map.of(), Duration.ofSeconds(30), null).exitCode() != 0) {
            compose = List.of("docker-compose");
            if (run(List.of("docker-compose", "version"), Map.of(), Duration.ofSeconds(30), null).exitCode() != 0) {
                requireEngine("no Compose: neither 'docker compose' nor 'docker-compose' runs", System.getenv("CI"));
            }
        }
        requireEngine(info.exitCode() == 0 ? null : "no Docker engine answers 'docker info':" + info.tail(), System.getenv("CI"));
        return new DockerEngine(compose);
    }

    /** Aborts (skips) with {@code missing} outside CI; fails with it under CI; nothing when nothing is missing. */
    static void requireEngine(String missing, String ci) {
        if (missing == null) {
            return;
        }
        if (ci != null && !ci.isBlank()) {
            fail("CI is set but " + missing + "\n(.ci/run installs docker.io and docker-compose and starts dockerd)");
        }
        // Printed too: the build's console shows a skip's count, not its reason.
        System.out.println("[compose] " + missing + "\ncompose test skipped outside CI");
        assumeTrue(false, missing + "\ncompose test skipped outside CI");
    }

    /** Runs {@code command} with {@code environment} added, its output also kept in {@code log} when given. */
    static Outcome run(List<String> command, Map<String, String> environment, Duration timeout, Path log)
            throws IOException, InterruptedException {
        Path output = log != null ? log : Files.createTempFile("docker-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(127, command.getFirst() + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return new Outcome(-1, Files.readString(output, StandardCharsets.UTF_8) + "\n(timed out after " + timeout + ")");
            }
            return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            if (log == null) {
                Files.deleteIfExists(output);
            }
        }
    }

    /** The Compose command line for {@code args}, on the project's file. */
    List<String> compose(Path file, String... args) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", file.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
