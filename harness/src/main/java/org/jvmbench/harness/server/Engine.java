package org.jvmbench.harness.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The web servers a configuration runs on. Each of our apps has a jar per engine
 * ({@code apps/<module>/target/<module>.jar}); a user's own jar names its engine, which says
 * which Spring Boot properties its knobs map to.
 */
public enum Engine {
    UNDERTOW("undertow", App.SERVLET, "servlet-undertow", "undertow"),
    TOMCAT("tomcat", App.SERVLET, "servlet-tomcat", "tomcat"),
    JETTY("jetty", App.SERVLET, "servlet-jetty", "jetty"),
    NETTY("netty", App.REACTIVE, "reactive-netty", "reactor-netty");

    private final String id;
    private final App app;
    private final String module;
    private final String infoName;

    Engine(String id, App app, String module, String infoName) {
        this.id = id;
        this.app = app;
        this.module = module;
        this.infoName = infoName;
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
