package org.jvmbench.harness.settings;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jvmbench.harness.config.Defaults;

/**
 * Everything that decides how a server is launched: shared by {@code ./bench serve} and by
 * every point of a sweep. Null {@code workers}/{@code threads} leave the engine's default.
 *
 * <p>The one owner of the server settings' rules: a spec that exists can run, apart from
 * what depends on the machine ({@link #requireFits}) and on the moment (a free port). Each
 * rule fails with a {@link KnobException}, which {@code ./bench serve} prints as is and a
 * sweep reader turns into its file and place.
 *
 * @param app            which kind of app: servlet (Spring MVC) or reactive (WebFlux)
 * @param engine         the web server it runs on; of the app's kind
 * @param ownJar         a user's own Spring Boot jar instead of ours, or null
 * @param processes      how many JVMs, each on its own port starting at {@code port}
 * @param workers        Undertow: IO threads; Jetty: selectors; Netty: event loops; Tomcat has none
 * @param threads        the request pool's size: Undertow worker pool, Tomcat and Jetty max threads;
 *                       Netty: Reactor's parallel scheduler size
 * @param virtualThreads servlet engines: run requests on virtual threads; Netty: run blocking
 *                       offloads ({@code boundedElastic}) on virtual threads
 * @param starvation     our servlet app only: {@code /cpu?split=k} queues its subtasks on the request's own pool
 *                       and blocks on them, so enough concurrency deadlocks a bounded pool
 * @param tuning         the engine-specific knobs beside workers and threads
 * @param aotCache       start from the JDK's AOT cache made by a training run of the same app and knobs (JDK 25+)
 * @param bind           the address to listen on
 * @param port           the first port; 0 until a sweep picks free ones
 * @param heap           -Xms and -Xmx of each JVM
 * @param gc             the collector
 * @param cpus           CPUs the server JVMs are pinned to, or null for no pinning
 * @param jvmArgs        extra JVM arguments, appended last
 */
public record ServerSpec(
        App app,
        Engine engine,
        OwnJar ownJar,
        int processes,
        Integer workers,
        Integer threads,
        boolean virtualThreads,
        boolean starvation,
        Tuning tuning,
        boolean aotCache,
        String bind,
        int port,
        HeapSize heap,
        Gc gc,
        CpuSet cpus,
        List<String> jvmArgs) {

    /** Highest TCP port. */
    public static final int MAX_PORT = 65535;

    /**
     * Arguments that make the JVM print something and exit, or run something else, instead of
     * the app: a server that never starts would be recorded as one that died.
     */
    private static final Set<String> NOT_RUNNING = Set.of("-version", "--version", "-help", "--help", "-h", "-?",
            "-X", "--help-extra", "--list-modules", "--describe-module", "-d", "--validate-modules", "--dry-run",
            "-jar", "-cp", "-classpath", "--class-path");

    /** The first JDK with an AOT cache that keeps method profiles too (JEPs 483, 514, 515). */
    public static final int AOT_CACHE_JDK = 25;

    public ServerSpec {
        Objects.requireNonNull(app, "app");
        engine = engine == null ? Engine.defaultFor(app) : engine;
        tuning = tuning == null ? Tuning.NONE : tuning;
        if (engine.app() != app) {
            throw new KnobException(Knob.ENGINE, engine, engine + " runs " + engine.app() + " apps, not " + app + " ones");
        }
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(gc, "gc");
        jvmArgs = List.copyOf(jvmArgs);
        atLeastOne(Knob.PROCESSES, processes);
        if (workers != null) {
            atLeastOne(Knob.WORKERS, workers);
        }
        if (threads != null) {
            atLeastOne(Knob.THREADS, threads);
        }
        if (starvation && app != App.SERVLET) {
            throw new KnobException(Knob.STARVATION, true,
                    "does not apply to the " + app + " app (its split work never blocks a thread)");
        }
        if (starvation && ownJar != null) {
            throw new KnobException(Knob.STARVATION, true, "is a mode of our servlet app; " + ownJar.name() + " has none");
        }
        requireEngineHas(engine, workers, threads, virtualThreads, tuning, ownJar);
        requirePorts(port, processes);
        if (heap.bytes() < Defaults.MIN_SERVER_HEAP_BYTES) {
            throw new KnobException(Knob.HEAP, heap, heap + " is below " + HeapSize.ofBytes(Defaults.MIN_SERVER_HEAP_BYTES)
                    + ", the smallest heap the apps serve with (below it a point measures the collector)");
        }
        jvmArgs.forEach(ServerSpec::requireJvmArg);
    }

    /**
     * A spec of {@code app} to fill in by name: its default engine, one process, every knob at its
     * default, no AOT cache, on {@link Defaults#BIND} with the default heap and collector, port 0 (a
     * sweep picks free ones), not pinned.
     */
    public static Builder of(App app) {
        return new Builder(app);
    }

    /** This spec to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder(app);
        b.engine = engine;
        b.ownJar = ownJar;
        b.processes = processes;
        b.workers = workers;
        b.threads = threads;
        b.virtualThreads = virtualThreads;
        b.starvation = starvation;
        b.tuning = tuning;
        b.aotCache = aotCache;
        b.bind = bind;
        b.port = port;
        b.heap = heap;
        b.gc = gc;
        b.cpus = cpus;
        b.jvmArgs = jvmArgs;
        return b;
    }

    public ServerSpec withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    /** This spec with more JVM arguments, e.g. what a profiler or the AOT cache needs. */
    public ServerSpec withJvmArgs(List<String> more) {
        List<String> all = new java.util.ArrayList<>(jvmArgs);
        all.addAll(more);
        return toBuilder().jvmArgs(all).build();
    }

    /** A spec filled in by name; {@link #build} holds it to the spec's rules. */
    public static final class Builder {
        private final App app;
        private Engine engine;
        private OwnJar ownJar;
        private int processes = 1;
        private Integer workers;
        private Integer threads;
        private boolean virtualThreads;
        private boolean starvation;
        private Tuning tuning = Tuning.NONE;
        private boolean aotCache;
        private String bind = Defaults.BIND;
        private int port;
        private HeapSize heap = HeapSize.parse(Defaults.HEAP);
        private Gc gc = Gc.parse(Defaults.GC);
        private CpuSet cpus;
        private List<String> jvmArgs = List.of();

        private Builder(App app) {
            this.app = app;
        }

        public Builder engine(Engine value) {
            engine = value;
            return this;
        }

        public Builder ownJar(OwnJar value) {
            ownJar = value;
            return this;
        }

        public Builder processes(int value) {
            processes = value;
            return this;
        }

        public Builder workers(Integer value) {
            workers = value;
            return this;
        }

        public Builder threads(Integer value) {
            threads = value;
            return this;
        }

        public Builder virtualThreads(boolean value) {
            virtualThreads = value;
            return this;
        }

        public Builder starvation(boolean value) {
            starvation = value;
            return this;
        }

        public Builder tuning(Tuning value) {
            tuning = value;
            return this;
        }

        public Builder aotCache(boolean value) {
            aotCache = value;
            return this;
        }

        public Builder bind(String value) {
            bind = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder heap(HeapSize value) {
            heap = value;
            return this;
        }

        public Builder gc(Gc value) {
            gc = value;
            return this;
        }

        public Builder cpus(CpuSet value) {
            cpus = value;
            return this;
        }

        public Builder jvmArgs(List<String> value) {
            jvmArgs = value;
            return this;
        }

        /** @throws KnobException naming the knob whose value breaks a rule */
        public ServerSpec build() {
            return new ServerSpec(app, engine, ownJar, processes, workers, threads, virtualThreads, starvation, tuning, aotCache,
                    bind, port, heap, gc, cpus, jvmArgs);
        }
    }

    /** Fails in one line unless the JDK the servers run on has what this spec needs (the AOT cache: 25+). */
    public void requireJdk(int feature) {
        if (aotCache && feature < AOT_CACHE_JDK) {
            throw new KnobException(Knob.AOT_CACHE, true, "needs JDK " + AOT_CACHE_JDK
                    + " or newer (its AOT cache keeps method profiles), the servers would run on JDK " + feature);
        }
    }

    /**
     * Each engine has its own knobs: one it does not have is an error, as with any other knob
     * that does not apply, rather than a setting that silently does nothing.
     */
    private static void requireEngineHas(Engine engine, Integer workers, Integer threads, boolean virtualThreads,
                                         Tuning tuning, OwnJar ownJar) {
        if (workers != null && engine == Engine.TOMCAT) {
            throw new KnobException(Knob.WORKERS, workers, "Tomcat has no IO threads to set in Spring Boot 3.5 "
                    + "(its acceptor and poller are fixed): set threads, maxConnections or acceptCount");
        }
        if (threads != null && virtualThreads && engine == Engine.TOMCAT) {
            throw new KnobException(Knob.THREADS, threads, "Tomcat on virtual threads has no thread pool to size "
                    + "(a virtual thread per request): leave threads out");
        }
        for (Knob knob : tuning.set()) {
            boolean ours = engine.has(knob) && engine.binding(knob).ours();
            if (!engine.has(knob) || ours && ownJar != null) {
                throw new KnobException(knob, knob.key(), "does not apply to " + engine
                        + (ours && ownJar != null ? " in " + ownJar.name() + " (it is a switch of our app)" : ""));
            }
        }
        if (tuning.get(Knob.MIN_THREADS) != null && virtualThreads) {
            // Spring Boot replaces the pool on virtual threads: its minimum no longer exists to read back
            throw new KnobException(Knob.MIN_THREADS, tuning.get(Knob.MIN_THREADS), engine + " on virtual threads has no pool "
                    + "minimum (a virtual thread per request): leave minThreads out");
        }
    }

    /** Memory these JVMs may take: each one's heap and what a JVM needs beside it. */
    public long memoryBytes() {
        return processes * (heap.bytes() + Defaults.JVM_NON_HEAP_BYTES);
    }

    /**
     * Fails unless the machine can run these JVMs: heap and processes in its memory beside
     * {@code besideBytes} taken by something else at the same time, and thread counts it lets
     * one user run.
     *
     * @param beside what takes {@code besideBytes}, for the message, e.g. {@code the injector's 1g heap}; or null
     */
    public void requireFits(Limits machine, long besideBytes, String beside) {
        if (heap.bytes() + Defaults.JVM_NON_HEAP_BYTES > machine.memoryBytes()) {
            throw new KnobException(Knob.HEAP, heap, heap + " is more than this machine's memory ("
                    + HeapSize.describe(machine.memoryBytes()) + ") can hold beside what a JVM takes outside its heap ("
                    + HeapSize.describe(Defaults.JVM_NON_HEAP_BYTES) + ")");
        }
        requireThreads(Knob.WORKERS, workers, machine);
        requireThreads(Knob.THREADS, threads, machine);
        long needed = memoryBytes() + besideBytes;
        if (needed > machine.memoryBytes()) {
            throw new KnobException(processes > 1 ? Knob.PROCESSES : Knob.HEAP, processes > 1 ? processes : heap,
                    processes + (processes == 1 ? " JVM" : " JVMs") + " of " + heap + " heap"
                            + (beside == null ? "" : " and " + beside) + " need " + HeapSize.describe(needed)
                            + " with what each JVM takes beside its heap (" + HeapSize.describe(Defaults.JVM_NON_HEAP_BYTES)
                            + "), more than this machine's memory (" + HeapSize.describe(machine.memoryBytes()) + ")");
        }
    }

    private static void requireThreads(Knob knob, Integer count, Limits machine) {
        if (count != null && count > machine.threadsLimit()) {
            throw new KnobException(knob, count, count + " is more threads than this machine lets one user run ("
                    + machine.threadsLimit() + ")");
        }
    }

    private static void atLeastOne(Knob knob, int value) {
        if (value < 1) {
            throw new KnobException(knob, value, "must be at least 1, got " + value);
        }
    }

    private static void requirePorts(int port, int processes) {
        if (port < 0 || port > MAX_PORT) {
            throw new KnobException(Knob.PORT, port, "must be 1-" + MAX_PORT + ", got " + port);
        }
        long last = (long) port + processes - 1;
        if (port > 0 && last > MAX_PORT) {
            throw new KnobException(Knob.PORT, port, port + " with " + processes + " processes needs ports " + port + "-" + last
                    + ", and the last, " + last + ", is out of range (ports end at " + MAX_PORT + ")");
        }
    }

    /**
     * Extra JVM arguments are appended as given, so one that sets what a knob of its own
     * sets (recorded with every result) would make the record lie, and one that stops the
     * JVM from running the app would be recorded as a server that died.
     */
    private static void requireJvmArg(String arg) {
        if (!arg.startsWith("-")) {
            throw new KnobException(Knob.JVM_ARGS, arg, "'" + arg + "' is not a JVM option (options start with -)");
        }
        if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-XX:MaxHeapSize")
                || arg.startsWith("-XX:InitialHeapSize")) {
            throw new KnobException(Knob.JVM_ARGS, arg, "'" + arg + "' sets the heap", Knob.HEAP);
        }
        if (arg.matches("-XX:[+-]Use\\w*GC")) {
            throw new KnobException(Knob.JVM_ARGS, arg, "'" + arg + "' picks a collector", Knob.GC);
        }
        if (NOT_RUNNING.contains(arg)) {
            throw new KnobException(Knob.JVM_ARGS, arg, "'" + arg + "' makes the JVM print or run something else "
                    + "and exit instead of serving");
        }
    }
}
