package org.jvmbench.common;

/**
 * The paths both apps serve. The harness and the Gatling simulations name requests by
 * these paths, and {@link RequestCounters} reports counts under them, so they are one closed set.
 */
public enum Endpoint {
    JSON("/json"),
    IO("/io"),
    CPU("/cpu"),
    MIXED("/mixed"),
    INFO("/info");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
