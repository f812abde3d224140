package org.jvmbench.harness.result;

import java.util.EnumSet;
import java.util.Set;

/**
 * The settings that identify a point: what a comparison matches on, what a table row shows,
 * and the one owner of how a point is named (its id and its labels), so the progress line,
 * the tables and the comparison say the same thing. Null {@code workers}/{@code threads}
 * mean the engine's own default.
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

    /** The point of {@code configuration} at this load. */
    public static PointKey of(ConfigurationKey configuration, String endpoint, int concurrency) {
        return new PointKey(configuration.app(), configuration.workers(), configuration.threads(),
                configuration.virtualThreads(), configuration.processes(), endpoint, concurrency);
    }

    /** The server part, without the load. */
    public ConfigurationKey configuration() {
        return new ConfigurationKey(app, workers, threads, virtualThreads, processes);
    }

    /**
     * A readable, file-name-safe id, unique within a sweep (repetition excluded), e.g.
     * {@code servlet-p1-w1-t8-json-c64}. Results and resume match on it: the form never changes.
     */
    public String id() {
        return configuration().id()
                + "-" + endpoint.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "")
                + "-c" + concurrency;
    }

    /** The execution mode a table shows: platform / virtual threads, or event loop. */
    public String mode() {
        return configuration().mode();
    }

    /** A table row's label, whose table is the endpoint's: {@code servlet platform w2 t64 c128}. */
    public String label() {
        return label(EnumSet.of(KeyField.ENDPOINT));
    }

    /**
     * Every setting but those in {@code leftOut}, in one order:
     * {@code servlet platform w2 t64 ×2 proc /io?ms=10 c128}.
     */
    public String label(Set<KeyField> leftOut) {
        StringBuilder s = new StringBuilder(configuration().label(leftOut));
        if (!leftOut.contains(KeyField.ENDPOINT)) {
            s.append(' ').append(endpoint);
        }
        if (!leftOut.contains(KeyField.CONCURRENCY)) {
            s.append(" c").append(concurrency);
        }
        return s.toString().strip();
    }
}
