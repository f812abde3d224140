package org.jvmbench.harness.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link ServerSpec} into the command line of one server process. This is the one
 * place where the harness's vocabulary (workers, threads, virtual threads) meets each
 * engine's own settings.
 */
public final class ServerCommandLine {

    private ServerCommandLine() {
    }

    /** The command for process number {@code index} (0-based) of {@code spec}: port = spec.port + index. */
    public static List<String> of(ServerSpec spec, int index, String javaBinary, Path jar) {
        List<String> cmd = new ArrayList<>();
        if (spec.cpus() != null) {
            cmd.addAll(List.of("taskset", "-c", spec.cpus().toString()));
        }
        cmd.add(javaBinary);
        cmd.add("-Xms" + spec.heap());
        cmd.add("-Xmx" + spec.heap());
        cmd.add(gcFlag(spec.gc()));
        if (spec.app() == App.REACTIVE) {
            // Reactor Netty reads the event-loop count only as a system property.
            if (spec.workers() != null) {
                cmd.add("-Dreactor.netty.ioWorkerCount=" + spec.workers());
            }
            if (spec.threads() != null) {
                cmd.add("-Dreactor.schedulers.defaultPoolSize=" + spec.threads());
            }
        }
        cmd.addAll(spec.jvmArgs());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("--server.port=" + (spec.port() + index));
        cmd.add("--server.address=" + spec.bind());
        if (spec.app() == App.SERVLET) {
            if (spec.workers() != null) {
                cmd.add("--server.undertow.threads.io=" + spec.workers());
            }
            if (spec.threads() != null) {
                cmd.add("--server.undertow.threads.worker=" + spec.threads());
            }
            if (spec.virtualThreads()) {
                cmd.add("--spring.threads.virtual.enabled=true");
            }
            if (spec.starvation()) {
                cmd.add("--bench.starvation=true");
            }
        }
        return cmd;
    }

    /** G1, Parallel, Serial or Z to its -XX flag. */
    public static String gcFlag(String gc) {
        return switch (gc.toLowerCase(Locale.ROOT)) {
            case "g1" -> "-XX:+UseG1GC";
            case "parallel" -> "-XX:+UseParallelGC";
            case "serial" -> "-XX:+UseSerialGC";
            case "z", "zgc" -> "-XX:+UseZGC";
            default -> throw new IllegalArgumentException("unknown GC '" + gc + "' (expected G1, Parallel, Serial or Z)");
        };
    }

    /** Rejects settings that do not apply to the chosen app, in one sentence. */
    public static void validate(ServerSpec spec) {
        if (spec.app() == App.REACTIVE && spec.virtualThreads()) {
            throw new IllegalArgumentException("--virtual-threads does not apply to the reactive app (it runs on event loops)");
        }
        if (spec.app() == App.REACTIVE && spec.starvation()) {
            throw new IllegalArgumentException("--starvation does not apply to the reactive app (its split work never blocks a thread)");
        }
        if (spec.processes() < 1) {
            throw new IllegalArgumentException("processes must be at least 1, got " + spec.processes());
        }
        if (spec.workers() != null && spec.workers() < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + spec.workers());
        }
        if (spec.threads() != null && spec.threads() < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + spec.threads());
        }
        if (spec.port() < 1 || spec.port() + spec.processes() - 1 > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + spec.port());
        }
        if (!spec.heap().matches("[1-9][0-9]*[kmgKMG]?")) {
            throw new IllegalArgumentException("bad heap size '" + spec.heap() + "' (expected e.g. 512m or 2g)");
        }
        gcFlag(spec.gc());
        for (String arg : spec.jvmArgs()) {
            if (!arg.startsWith("-")) {
                throw new IllegalArgumentException("JVM argument '" + arg + "' does not start with '-'");
            }
        }
    }
}
