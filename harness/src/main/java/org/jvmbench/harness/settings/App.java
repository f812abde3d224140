package org.jvmbench.harness.settings;

import java.util.Locale;

/** The two apps the harness compares. */
public enum App {
    SERVLET("servlet", "servlet-undertow", "undertow"),
    REACTIVE("reactive", "reactive-netty", "reactor-netty");

    private final String id;
    private final String module;
    private final String engine;

    App(String id, String module, String engine) {
        this.id = id;
        this.module = module;
        this.engine = engine;
    }

    /** The name users type and results carry: {@code servlet} or {@code reactive}. */
    public String id() {
        return id;
    }

    /** The Maven module under {@code apps/}; its jar is {@code apps/<module>/target/<module>.jar}. */
    public String module() {
        return module;
    }

    /** The engine the app runs on, as {@code /info} names it. */
    public String engine() {
        return engine;
    }

    public static App parse(String text) {
        for (App app : values()) {
            if (app.id.equals(text.toLowerCase(Locale.ROOT))) {
                return app;
            }
        }
        throw new IllegalArgumentException("unknown app '" + text + "' (expected servlet or reactive)");
    }

    @Override
    public String toString() {
        return id;
    }
}
