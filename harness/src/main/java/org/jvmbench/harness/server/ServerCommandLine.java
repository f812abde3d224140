package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link ServerSpec} into the command line of one server process. This is the one
 * place where the harness's vocabulary (workers, threads, virtual threads, the engine-specific
 * knobs) meets each engine's own settings: Spring Boot's standard properties for the servlet
 * engines, passed as arguments after the jar, and Reactor's system properties for Netty,
 * which Reactor reads only as {@code -D} before it. A user's own jar gets the same standard
 * properties; the {@code bench.*} switches exist in our apps only.
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
        cmd.addAll(systemProperties(spec));
        cmd.addAll(spec.jvmArgs());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("--server.port=" + (spec.port() + index));
        cmd.add("--server.address=" + spec.bind());
        cmd.addAll(springProperties(spec));
        return cmd;
    }

    /** The knobs the JVM itself reads: Reactor reads its event loops and schedulers only as system properties. */
    static List<String> systemProperties(ServerSpec spec) {
        return arguments(spec, true);
    }

    /** Each servlet engine's knobs under Spring Boot's own property names, and our apps' own switches. */
    static List<String> springProperties(ServerSpec spec) {
        return arguments(spec, false);
    }

    /** Every knob the spec sets, as its engine's table says it is set ({@link Engine.Binding}), in the knobs' order. */
    private static List<String> arguments(ServerSpec spec, boolean systemProperties) {
        List<String> args = new ArrayList<>();
        for (Knob knob : spec.engine().knobs()) {
            Engine.Binding binding = spec.engine().binding(knob);
            String value = value(spec, knob);
            if (value != null && binding.systemProperty() == systemProperties) {
                args.add(binding.argument(value));
            }
        }
        return args;
    }

    /** The value a knob is set to, or null where the engine's default is left (and a mode that is off). */
    private static String value(ServerSpec spec, Knob knob) {
        return switch (knob) {
            case WORKERS -> spec.workers() == null ? null : spec.workers().toString();
            case THREADS -> spec.threads() == null ? null : spec.threads().toString();
            case VIRTUAL_THREADS -> spec.virtualThreads() ? "true" : null;
            case STARVATION -> spec.starvation() ? "true" : null;
            default -> spec.tuning().text(knob);
        };
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
