package org.jvmbench.harness.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine-specific knobs beside workers and threads, each null where not set (the
 * engine's default). Which engine has which is {@link ServerSpec}'s rule; the read-back of
 * each is the app's {@code /info}.
 *
 * @param minThreads     Tomcat: min spare threads; Jetty: min threads of its pool
 * @param maxConnections Tomcat and Jetty: connections accepted at once
 * @param acceptCount    Tomcat: the backlog of connections waiting when all are taken
 * @param acceptors      Jetty: acceptor threads
 * @param bufferPool     Undertow: its byte-buffer pool, with or without per-thread caches
 * @param elasticThreads Netty: the cap of Reactor's boundedElastic scheduler, where blocking
 *                       work is offloaded (Reactor's default is 10 per CPU)
 * @param extraCpuMicros our apps, every engine: CPU time each work request burns on its own thread, a
 *                       known slowdown; 0 is the default and is held as null, so it adds nothing to a name
 */
public record Tuning(Integer minThreads, Integer maxConnections, Integer acceptCount, Integer acceptors,
                     BufferPool bufferPool, Integer elasticThreads, Integer extraCpuMicros) {

    /** Every knob at the engine's default. */
    public static final Tuning NONE = new Tuning(null, null, null, null, null, null, null);

    public Tuning {
        extraCpuMicros = extraCpuMicros != null && extraCpuMicros == 0 ? null : extraCpuMicros;
    }

    /** The knobs that are set, as the sweep file's keys: what an engine must accept. */
    public List<Knob> set() {
        List<Knob> set = new ArrayList<>();
        if (minThreads != null) {
            set.add(Knob.MIN_THREADS);
        }
        if (maxConnections != null) {
            set.add(Knob.MAX_CONNECTIONS);
        }
        if (acceptCount != null) {
            set.add(Knob.ACCEPT_COUNT);
        }
        if (acceptors != null) {
            set.add(Knob.ACCEPTORS);
        }
        if (bufferPool != null) {
            set.add(Knob.BUFFER_POOL);
        }
        if (elasticThreads != null) {
            set.add(Knob.ELASTIC_THREADS);
        }
        if (extraCpuMicros != null) {
            set.add(Knob.EXTRA_CPU_MICROS);
        }
        return set;
    }
}
