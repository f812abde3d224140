package org.jvmbench.harness.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** The collector's -XX flag. */
    public static String gcFlag(Gc gc) {
        return switch (gc) {
            case G1 -> "-XX:+UseG1GC";
            case PARALLEL -> "-XX:+UseParallelGC";
            case SERIAL -> "-XX:+UseSerialGC";
            case Z -> "-XX:+UseZGC";
        };
    }
}
