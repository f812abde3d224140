package org.jvmbench.common;

/**
 * The paths both apps serve. The harness and the Gatling simulations name requests by
 * these paths, and {@link RequestCounters} reports counts under them, so they are one closed set.
 */
public enum Endpoint {
    JSON(Path.JSON),
    IO(Path.IO),
    CPU(Path.CPU),
    MIXED(Path.MIXED),
    INFO(Path.INFO);

    /** The same paths as compile-time constants, for mapping annotations. */
    public static final class Path {
        public static final String JSON = "/json";
        public static final String IO = "/io";
        public static final String CPU = "/cpu";
        public static final String MIXED = "/mixed";
        public static final String INFO = "/info";

        private Path() {
        }
    }

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
