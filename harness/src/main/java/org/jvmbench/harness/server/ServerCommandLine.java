package org.jvmbench.harness.server;

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

    /** Reactor reads the event loops and its schedulers only as JVM system properties. */
    static List<String> systemProperties(ServerSpec spec) {
        List<String> props = new ArrayList<>();
        if (spec.engine() != Engine.NETTY) {
            return props;
        }
        add(props, "-Dreactor.netty.ioWorkerCount=", spec.workers());
        add(props, "-Dreactor.schedulers.defaultPoolSize=", spec.threads());
        if (spec.virtualThreads()) {
            props.add("-Dreactor.schedulers.defaultBoundedElasticOnVirtualThreads=true");
        }
        add(props, "-Dreactor.schedulers.defaultBoundedElasticSize=", spec.tuning().elasticThreads());
        return props;
    }

    /** Each servlet engine's knobs under Spring Boot's own property names, and our apps' own switches. */
    static List<String> springProperties(ServerSpec spec) {
        List<String> args = new ArrayList<>();
        Tuning t = spec.tuning();
        switch (spec.engine()) {
            case UNDERTOW -> {
                add(args, "--server.undertow.threads.io=", spec.workers());
                add(args, "--server.undertow.threads.worker=", spec.threads());
                if (t.bufferPool() != null) {
                    args.add("--bench.undertow.buffer-pool=" + t.bufferPool().id());
                }
            }
            case TOMCAT -> {
                add(args, "--server.tomcat.threads.max=", spec.threads());
                add(args, "--server.tomcat.threads.min-spare=", t.minThreads());
                add(args, "--server.tomcat.max-connections=", t.maxConnections());
                add(args, "--server.tomcat.accept-count=", t.acceptCount());
            }
            case JETTY -> {
                add(args, "--server.jetty.threads.selectors=", spec.workers());
                add(args, "--server.jetty.threads.max=", spec.threads());
                add(args, "--server.jetty.threads.min=", t.minThreads());
                add(args, "--server.jetty.threads.acceptors=", t.acceptors());
                add(args, "--server.jetty.max-connections=", t.maxConnections());
            }
            case NETTY -> {
            }
        }
        if (spec.virtualThreads() && spec.engine() != Engine.NETTY) {
            args.add("--spring.threads.virtual.enabled=true");
        }
        if (spec.starvation()) {
            args.add("--bench.starvation=true");
        }
        // both apps read it from Spring's environment, the reactive one too
        add(args, "--bench.extra-cpu-micros=", t.extraCpuMicros());
        return args;
    }

    private static void add(List<String> args, String prefix, Integer value) {
        if (value != null) {
            args.add(prefix + value);
        }
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
