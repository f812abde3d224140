package org.jvmbench.servlet.engine;

/**
 * An engine's own knobs in the harness's vocabulary, each null where the engine has no such
 * knob (or, when requested, where the launch did not set it). {@code virtualThreads} and
 * {@code starvation} are not here: they are the same Spring properties on every engine.
 *
 * @param workers        threads that only do network IO: Undertow's IO threads, Jetty's selectors
 * @param threads        the request pool's maximum
 * @param minThreads     the request pool's minimum (Tomcat's min spare threads, Jetty's min threads)
 * @param maxConnections connections the engine accepts at once (Tomcat, Jetty)
 * @param acceptCount    the listen backlog once maxConnections is reached (Tomcat)
 * @param acceptors      threads accepting connections (Jetty)
 * @param bufferPool     Undertow's byte-buffer pool: {@code default} or {@code uncached}
 */
public record Knobs(Integer workers, Integer threads, Integer minThreads, Integer maxConnections,
                    Integer acceptCount, Integer acceptors, String bufferPool) {
}
