package org.jvmbench.harness.server;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The web servers a configuration runs on. Each of our apps has a jar per engine
 * ({@code apps/<module>/target/<module>.jar}); a user's own jar names its engine, which says
 * which Spring Boot properties its knobs map to.
 */
public enum Engine {
    UNDERTOW("undertow", App.SERVLET, "servlet-undertow", "undertow", Map.of(
            Knob.WORKERS, "Undertow IO threads",
            Knob.THREADS, "Undertow worker pool",
            Knob.BUFFER_POOL, "Undertow byte-buffer pool",
            Knob.VIRTUAL_THREADS, "requests on virtual threads",
            Knob.STARVATION, "/cpu?split=k on the request's own pool",
            Knob.EXTRA_CPU_MICROS, "CPU µs burned per work request")),
    TOMCAT("tomcat", App.SERVLET, "servlet-tomcat", "tomcat", Map.of(
            Knob.THREADS, "Tomcat max threads",
            Knob.MIN_THREADS, "Tomcat min spare threads",
            Knob.MAX_CONNECTIONS, "Tomcat max connections",
            Knob.ACCEPT_COUNT, "Tomcat accept backlog",
            Knob.VIRTUAL_THREADS, "requests on virtual threads",
            Knob.STARVATION, "/cpu?split=k on the request's own pool",
            Knob.EXTRA_CPU_MICROS, "CPU µs burned per work request")),
    JETTY("jetty", App.SERVLET, "servlet-jetty", "jetty", Map.of(
            Knob.WORKERS, "Jetty selectors",
            Knob.THREADS, "Jetty max threads",
            Knob.MIN_THREADS, "Jetty min threads",
            Knob.MAX_CONNECTIONS, "Jetty max connections",
            Knob.ACCEPTORS, "Jetty acceptors",
            Knob.VIRTUAL_THREADS, "requests on virtual threads",
            Knob.STARVATION, "/cpu?split=k on the request's own pool",
            Knob.EXTRA_CPU_MICROS, "CPU µs burned per work request")),
    NETTY("netty", App.REACTIVE, "reactive-netty", "reactor-netty", Map.of(
            Knob.WORKERS, "Reactor Netty event loops",
            Knob.THREADS, "Reactor parallel scheduler",
            Knob.ELASTIC_THREADS, "Reactor boundedElastic cap",
            Knob.VIRTUAL_THREADS, "blocking offloads on virtual threads",
            Knob.EXTRA_CPU_MICROS, "CPU µs burned per work request"));

    /** The knobs engines may have, in the order they are listed. */
    private static final List<Knob> ENGINE_KNOBS = List.of(Knob.WORKERS, Knob.THREADS, Knob.MIN_THREADS,
            Knob.MAX_CONNECTIONS, Knob.ACCEPT_COUNT, Knob.ACCEPTORS, Knob.BUFFER_POOL, Knob.ELASTIC_THREADS,
            Knob.VIRTUAL_THREADS, Knob.STARVATION, Knob.EXTRA_CPU_MICROS);

    private final String id;
    private final App app;
    private final String module;
    private final String infoName;
    private final Map<Knob, String> knobs;

    Engine(String id, App app, String module, String infoName, Map<Knob, String> knobs) {
        this.id = id;
        this.app = app;
        this.module = module;
        this.infoName = infoName;
        this.knobs = new EnumMap<>(knobs);
    }

    /**
     * Whether this engine has the knob (apps/README.md, "Knobs"): the one table the rules, the
     * read-back and {@code ./bench serve}'s output follow. {@code starvation},
     * {@code bufferPool} and {@code extraCpuMicros} are switches of our apps, not of the engine;
     * a user's jar has none of them.
     */
    public boolean has(Knob knob) {
        return knobs.containsKey(knob);
    }

    /** The engine's knobs, in a fixed order: workers and threads first, the modes last. */
    public List<Knob> knobs() {
        return ENGINE_KNOBS.stream().filter(this::has).toList();
    }

    /** What the knob is on this engine, in its own words, e.g. {@code Tomcat max threads}. */
    public String describe(Knob knob) {
        String description = knobs.get(knob);
        if (description == null) {
            throw new IllegalArgumentException(this + " has no " + knob.key());
        }
        return description;
    }

    /** The name users write: {@code undertow}, {@code tomcat}, {@code jetty}, {@code netty}. */
    public String id() {
        return id;
    }

    /** The kind of app this engine runs: servlet (Spring MVC) or reactive (WebFlux). */
    public App app() {
        return app;
    }

    /** The Maven module of our app on this engine. */
    public String module() {
        return module;
    }

    /** How our app's {@code /info} names the engine. */
    public String infoName() {
        return infoName;
    }

    /** The engine an app runs on when none is named: Undertow for servlet, Netty for reactive. */
    public static Engine defaultFor(App app) {
        return app == App.SERVLET ? UNDERTOW : NETTY;
    }

    /** Whether the app's default engine: ids of such configurations do not name it. */
    public boolean isDefaultFor(App of) {
        return this == defaultFor(of);
    }

    public static Engine parse(String text) {
        for (Engine engine : values()) {
            if (engine.id.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + text + "' (expected " + known() + ")");
    }

    static String known() {
        return Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
