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

    /** The knobs as configured; {@code null} where the launch did not set one. */
    public record Requested(Integer workers, Integer threads, Boolean virtualThreads, Boolean starvation) {
    }

    /**
     * The knobs as read from the running engine. {@code detail} holds engine-specific
     * readings under their engine's own names, in a stable order.
     */
    public record Effective(int workers, int threads, boolean virtualThreads, boolean starvation,
                            Map<String, Object> detail) {
    }

    /** Requests counted for an endpoint path (the query is ignored), 0 if none yet. */
    public long requestsFor(String endpoint) {
        int q = endpoint.indexOf('?');
        Long count = requests == null ? null : requests.get(q < 0 ? endpoint : endpoint.substring(0, q));
        return count == null ? 0 : count;
    }
}
