package org.jvmbench.harness.cli;

import org.jvmbench.harness.settings.ProfileMode;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.server.ForegroundServer;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import org.jvmbench.harness.server.ServerLauncher;
import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Tuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = ServeCommand.TuningOptions.class,
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
    ProfileMode profile;

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
        Map<Knob, Object> tuning = new EnumMap<>(Knob.class);
        for (Knob knob : Knob.tunings()) {
            tuning.put(knob, command.findOption(knob.flag()).getValue());
        }
        return ServerSpec.of(app).engine(engine).processes(processes).workers(workers).threads(threads)
                .virtualThreads(virtualThreads).starvation(starvation).tuning(Tuning.of(tuning))
                .aotCache(aotCache != null).bind(bind).port(port).heap(heap).gc(gc).cpus(cpus).jvmArgs(jvmArgs)
                .build();
    }

    /** An option per tuning knob, from the table ({@link Knob}): its flag, its kind of value and its help. */
    static final class TuningOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (Knob knob : Knob.tunings()) {
                command.addOption(OptionSpec.builder(knob.flag()).type(String.class)
                        .paramLabel(knob.tunable().values().paramLabel()).description(knob.tunable().help()).build());
            }
            return command;
        }
    }
}
