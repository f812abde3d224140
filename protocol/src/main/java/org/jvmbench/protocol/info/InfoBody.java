package org.jvmbench.protocol.info;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code /info}, which the harness reads before and after every point and stores
 * with its results: what the app was asked to run with ({@code requested}) beside what its
 * engine actually runs ({@code effective}), the requests it counted per endpoint, and the
 * JVM's own counters, so a knob that silently did nothing shows as a mismatch and a point
 * measured while the JIT was still compiling shows as compilation time inside its window.
 *
 * @param requests requests counted per endpoint path since start, at handler entry
 * @param uptimeMs the JVM's uptime when the body was made
 */
public record InfoBody(String app, String engine, Versions versions, long pid, Jvm jvm,
                       int availableProcessors, Requested requested, Effective effective,
                       Map<String, Long> requests, long uptimeMs, JvmCounters counters) {

    public record Versions(String springBoot, String engine, String java) {
    }

    /**
     * @param inputArguments the JVM's arguments; values of {@code -D} properties the harness did
     *                       not set are replaced by {@code <hidden>}, so a secret passed that
     *                       way is not served to whoever can reach the port
     */
    public record Jvm(String version, String vendor, List<String> inputArguments) {
    }

    /**
     * The knobs as configured; {@code null} where the launch did not set one. The same names as
     * {@link Effective}; which knobs an engine has is in apps/README.md, "Knobs".
     *
     * @param workers        threads that only do network IO, or event loops: Undertow's IO threads,
     *                       Jetty's selectors, Reactor Netty's event loops (Tomcat has none to set)
     * @param threads        the request pool's maximum (servlet engines); Reactor's parallel scheduler (reactive)
     * @param virtualThreads blocking work on virtual threads: request handlers (servlet engines), the
     *                       boundedElastic scheduler that /io?mode=offload sleeps on (reactive)
     * @param starvation     /cpu?split=k queues its subtasks on the request's own pool (servlet engines)
     * @param minThreads     the request pool's minimum: Tomcat's min spare threads, Jetty's min threads
     * @param maxConnections connections accepted at once (Tomcat, Jetty)
     * @param acceptCount    the listen backlog beyond maxConnections (Tomcat)
     * @param acceptors      threads accepting connections (Jetty)
     * @param bufferPool     Undertow's byte-buffer pool, {@code default} or {@code uncached}
     * @param extraCpuMicros CPU time every work request burns on its own thread before its work (both apps)
     */
    public record Requested(Integer workers, Integer threads, Boolean virtualThreads, Boolean starvation,
                            Integer minThreads, Integer maxConnections, Integer acceptCount, Integer acceptors,
                            String bufferPool, Integer extraCpuMicros) {
    }

    /**
     * The knobs as read from the running engine, never echoed from configuration: {@code null}
     * where the engine has no such knob (or, for {@code threads}, no bounded request pool, as
     * Tomcat on virtual threads). {@code detail} holds engine-specific readings under their
     * engine's own names, in a stable order. {@code extraCpuMicros} is what the spin the handlers
     * call was built with (0 for none; null in bodies of apps that predate it).
     */
    public record Effective(Integer workers, Integer threads, boolean virtualThreads, boolean starvation,
                            Integer minThreads, Integer maxConnections, Integer acceptCount, Integer acceptors,
                            String bufferPool, Integer extraCpuMicros, Map<String, Object> detail) {
    }

    /** Requests counted for an endpoint path (the query is ignored), 0 if none yet. */
    public long requestsFor(String endpoint) {
        int q = endpoint.indexOf('?');
        Long count = requests == null ? null : requests.get(q < 0 ? endpoint : endpoint.substring(0, q));
        return count == null ? 0 : count;
    }
}
