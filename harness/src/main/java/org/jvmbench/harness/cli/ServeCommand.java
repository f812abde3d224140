package org.jvmbench.harness.cli;

import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.profile.Profiler;
import org.jvmbench.harness.server.App;
import org.jvmbench.harness.server.BufferPool;
import org.jvmbench.harness.server.CpuSet;
import org.jvmbench.harness.server.Engine;
import org.jvmbench.harness.server.ForegroundServer;
import org.jvmbench.harness.server.Gc;
import org.jvmbench.harness.server.HeapSize;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.server.ServerSpec;
import org.jvmbench.harness.server.Tuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts one app in the foreground with the chosen settings until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--app", required = true,
            description = "${COMPLETION-CANDIDATES}: servlet is Spring MVC, reactive WebFlux")
    App app;

    @Option(names = "--engine", description = "${COMPLETION-CANDIDATES}: the web server; servlet runs on undertow (default), "
            + "tomcat or jetty, reactive on netty")
    Engine engine;

    @Option(names = "--port", description = "first port (process i listens on port+i); default ${DEFAULT-VALUE}")
    int port = Defaults.PORT;

    @Option(names = "--bind", description = "address to listen on; default ${DEFAULT-VALUE}")
    String bind = Defaults.BIND;

    @Option(names = "--workers", description = "Undertow IO threads, Jetty selectors, Netty event loops (Tomcat has none)")
    Integer workers;

    @Option(names = "--threads", description = "the request pool: Undertow worker pool, Tomcat and Jetty max threads; "
            + "Netty: Reactor's parallel scheduler")
    Integer threads;

    @Option(names = "--virtual-threads", description = "servlet engines: requests on virtual threads; Netty: blocking "
            + "offloads (boundedElastic) on virtual threads")
    boolean virtualThreads;

    @Option(names = "--starvation", description = "servlet only: /cpu?split=k runs its subtasks on the request's own pool and "
            + "blocks on them, so enough concurrency hangs platform threads (virtual threads complete)")
    boolean starvation;

    @Option(names = "--min-threads", paramLabel = "N", description = "Tomcat min spare threads, Jetty min threads")
    Integer minThreads;

    @Option(names = "--max-connections", paramLabel = "N", description = "Tomcat and Jetty: connections accepted at once")
    Integer maxConnections;

    @Option(names = "--accept-count", paramLabel = "N", description = "Tomcat: the listen backlog once max connections are open")
    Integer acceptCount;

    @Option(names = "--acceptors", paramLabel = "N", description = "Jetty: acceptor threads")
    Integer acceptors;

    @Option(names = "--buffer-pool", paramLabel = "POOL", description = "Undertow: ${COMPLETION-CANDIDATES}; uncached has no "
            + "per-thread caches (the fix for virtual threads)")
    BufferPool bufferPool;

    @Option(names = "--elastic-threads", paramLabel = "N", description = "Netty: the cap of Reactor's boundedElastic scheduler, "
            + "where blocking work is offloaded (Reactor's default: 10 per CPU)")
    Integer elasticThreads;

    @Option(names = "--extra-cpu-us", paramLabel = "MICROS", description = "our apps: CPU time every work request burns on "
            + "its own thread (a calibrated spin), a known slowdown to check a comparison against; default 0, none")
    Integer extraCpuMicros;

    @Option(names = "--processes", description = "number of JVMs, one port each; default ${DEFAULT-VALUE}")
    int processes = 1;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = Defaults.HEAP,
            description = "-Xms and -Xmx of each JVM, e.g. 512m or 1g; default ${DEFAULT-VALUE}")
    HeapSize heap;

    @Option(names = "--gc", defaultValue = Defaults.GC, description = "${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}")
    Gc gc;

    @Option(names = "--cpus", paramLabel = "LIST", description = "pin the server to these CPUs (taskset -c form: 0 or 0-1 or 0,2)")
    CpuSet cpus;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "extra JVM argument, repeatable; not the heap, the collector "
            + "or one that makes the JVM exit (-version, -help ...)")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--log", description = "stream the server's log to the terminal")
    boolean followLog;

    @Option(names = "--profile", paramLabel = "MODE", description = "cpu, alloc, wall or lock: async-profiler counts in every "
            + "server JVM from its start; on Ctrl-C each writes its flame graph next to the logs, which are then kept")
    Profiler.Mode profile;

    @Option(names = "--aot-cache", paramLabel = "FILE", description = "start from this JDK AOT cache (JDK 25+), as a sweep with "
            + "aotCache: true made it (<run>/aot/<configuration>.aot); serve does not train one, a sweep does")
    Path aotCache;

    @Override
    public Integer call() throws Exception {
        ServerSpec spec = spec();
        return new ForegroundServer(new ServerLauncher(ProjectHome.locate()), command.commandLine().getOut())
                .run(spec, followLog, profile, aotCache);
    }

    /**
     * The flags as a spec, under the same rules as a sweep file's keys: a knob the engine does
     * not have is refused here, before anything starts.
     */
    ServerSpec spec() {
        return new ServerSpec(app, engine, null, processes, workers, threads, virtualThreads, starvation,
                new Tuning(minThreads, maxConnections, acceptCount, acceptors, bufferPool, elasticThreads, extraCpuMicros), aotCache != null,
                bind, port, heap, gc, cpus, jvmArgs);
    }
}
