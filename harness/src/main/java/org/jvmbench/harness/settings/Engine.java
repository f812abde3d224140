package org.jvmbench.harness.settings;

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
            Knob.WORKERS, new Binding("Undertow IO threads", "server.undertow.threads.io"),
            Knob.THREADS, new Binding("Undertow worker pool", "server.undertow.threads.worker"),
            Knob.BUFFER_POOL, new Binding("Undertow byte-buffer pool", "bench.undertow.buffer-pool"),
            Knob.EXTRA_CPU_MICROS, Binding.EXTRA_CPU,
            Knob.VIRTUAL_THREADS, Binding.VIRTUAL_REQUESTS,
            Knob.STARVATION, Binding.STARVATION)),
    TOMCAT("tomcat", App.SERVLET, "servlet-tomcat", "tomcat", Map.of(
            Knob.THREADS, new Binding("Tomcat max threads", "server.tomcat.threads.max", "tomcat.threads.config.max"),
            Knob.MIN_THREADS, new Binding("Tomcat min spare threads", "server.tomcat.threads.min-spare"),
            Knob.MAX_CONNECTIONS, new Binding("Tomcat max connections", "server.tomcat.max-connections",
                    "tomcat.connections.config.max"),
            Knob.ACCEPT_COUNT, new Binding("Tomcat accept backlog", "server.tomcat.accept-count"),
            Knob.MAX_KEEP_ALIVE_REQUESTS, new Binding("Tomcat requests per connection", "server.tomcat.max-keep-alive-requests"),
            Knob.EXTRA_CPU_MICROS, Binding.EXTRA_CPU,
            Knob.VIRTUAL_THREADS, Binding.VIRTUAL_REQUESTS,
            Knob.STARVATION, Binding.STARVATION)),
    JETTY("jetty", App.SERVLET, "servlet-jetty", "jetty", Map.of(
            Knob.WORKERS, new Binding("Jetty selectors", "server.jetty.threads.selectors"),
            Knob.THREADS, new Binding("Jetty max threads", "server.jetty.threads.max", "jetty.threads.config.max"),
            Knob.MIN_THREADS, new Binding("Jetty min threads", "server.jetty.threads.min", "jetty.threads.config.min"),
            Knob.MAX_CONNECTIONS, new Binding("Jetty max connections", "server.jetty.max-connections"),
            Knob.ACCEPTORS, new Binding("Jetty acceptors", "server.jetty.threads.acceptors"),
            Knob.EXTRA_CPU_MICROS, Binding.EXTRA_CPU,
            Knob.VIRTUAL_THREADS, Binding.VIRTUAL_REQUESTS,
            Knob.STARVATION, Binding.STARVATION)),
    // Reactor reads its event loops and schedulers only as JVM system properties
    NETTY("netty", App.REACTIVE, "reactive-netty", "reactor-netty", Map.of(
            Knob.WORKERS, new Binding("Reactor Netty event loops", "-Dreactor.netty.ioWorkerCount"),
            Knob.THREADS, new Binding("Reactor parallel scheduler", "-Dreactor.schedulers.defaultPoolSize"),
            Knob.ELASTIC_THREADS, new Binding("Reactor boundedElastic cap", "-Dreactor.schedulers.defaultBoundedElasticSize"),
            Knob.EXTRA_CPU_MICROS, Binding.EXTRA_CPU,
            Knob.VIRTUAL_THREADS, new Binding("blocking offloads on virtual threads",
                    "-Dreactor.schedulers.defaultBoundedElasticOnVirtualThreads")));

    private final String id;
    private final App app;
    private final String module;
    private final String infoName;
    private final Map<Knob, Binding> knobs;

    Engine(String id, App app, String module, String infoName, Map<Knob, Binding> knobs) {
        this.id = id;
        this.app = app;
        this.module = module;
        this.infoName = infoName;
        this.knobs = new EnumMap<>(knobs);
    }

    /**
     * A knob on one engine.
     *
     * @param description what it is there, in the engine's words, e.g. {@code Tomcat max threads}
     * @param property    what sets it: a Spring Boot property (passed as {@code --name=value} after the jar), a JVM
     *                    system property ({@code -Dname}, passed before it), or one of our apps' own {@code bench.*}
     *                    switches, which a user's jar does not have
     * @param metric      the Micrometer meter that holds its effective value in a user's jar, or null where none does
     */
    public record Binding(String description, String property, String metric) {

        static final Binding EXTRA_CPU = new Binding("CPU µs burned per work request", "bench.extra-cpu-micros");
        static final Binding VIRTUAL_REQUESTS = new Binding("requests on virtual threads", "spring.threads.virtual.enabled");
        static final Binding STARVATION = new Binding("/cpu?split=k on the request's own pool", "bench.starvation");

        Binding(String description, String property) {
            this(description, property, null);
        }

        /** A switch of our apps rather than of the engine: a user's jar has none. */
        public boolean ours() {
            return property.startsWith("bench.");
        }

        /** Read by the JVM itself, so it goes before the jar. */
        public boolean systemProperty() {
            return property.startsWith("-D");
        }

        /** The argument that sets {@code value}. */
        public String argument(String value) {
            return (systemProperty() ? property : "--" + property) + "=" + value;
        }
    }

    /**
     * Whether this engine has the knob (apps/README.md, "Knobs"): the one table the rules, the
     * command line, the read-back and {@code ./bench serve}'s output follow. The knobs set by a
     * {@code bench.*} switch ({@link Binding#ours()}) are our apps', not the engine's; a user's jar
     * has none of them.
     */
    public boolean has(Knob knob) {
        return knobs.containsKey(knob);
    }

    /** The engine's knobs, in {@link Knob}'s order: workers and threads first, the modes last. */
    public List<Knob> knobs() {
        return List.copyOf(knobs.keySet());
    }

    /** The knob on this engine: what it is, what sets it, where a user's jar reports it. */
    public Binding binding(Knob knob) {
        Binding binding = knobs.get(knob);
        if (binding == null) {
            throw new IllegalArgumentException(this + " has no " + knob.key());
        }
        return binding;
    }

    /** What the knob is on this engine, in its own words, e.g. {@code Tomcat max threads}. */
    public String describe(Knob knob) {
        return binding(knob).description();
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
