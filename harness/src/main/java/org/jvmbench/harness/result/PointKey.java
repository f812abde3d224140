package org.jvmbench.harness.result;

/**
 * The settings that identify a point: what a comparison matches on and what a table row
 * shows. Null {@code workers}/{@code threads} mean the engine's own default.
 *
 * @param app            {@code servlet} or {@code reactive}
 * @param workers        servlet: Undertow IO threads; reactive: Reactor Netty event loops
 * @param threads        servlet: Undertow worker (blocking) pool; reactive: Reactor's parallel scheduler size
 * @param virtualThreads servlet only: requests run on virtual threads
 * @param processes      how many JVMs serve (1 unless the processes axis is used)
 * @param endpoint       the request path with its query, e.g. {@code /io?ms=10}
 * @param concurrency    closed-model connections (Gatling users), each looping back to back
 */
public record PointKey(
        String app,
        Integer workers,
        Integer threads,
        boolean virtualThreads,
        int processes,
        String endpoint,
        int concurrency) {

    /** A readable, file-name-safe id, unique within a sweep (repetition excluded). */
    public String id() {
        return app
                + (virtualThreads ? "-vt" : "")
                + "-p" + processes
                + "-w" + (workers == null ? "def" : workers)
                + "-t" + (threads == null ? "def" : threads)
                + "-" + endpoint.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "")
                + "-c" + concurrency;
    }

    /** The execution mode a table shows: platform / virtual threads, or event loop. */
    public String mode() {
        if (app.equals("reactive")) {
            return "event-loop";
        }
        return virtualThreads ? "virtual" : "platform";
    }
}
