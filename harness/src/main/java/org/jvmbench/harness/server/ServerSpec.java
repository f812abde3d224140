package org.jvmbench.harness.server;

import java.util.List;

/**
 * Everything that decides how a server is launched: shared by {@code ./bench serve} and by
 * every point of a sweep. Null {@code workers}/{@code threads} leave the engine's default.
 *
 * @param app            which app
 * @param processes      how many JVMs, each on its own port starting at {@code port}
 * @param workers        servlet: Undertow IO threads; reactive: Reactor Netty event loops
 * @param threads        servlet: Undertow worker pool; reactive: Reactor's parallel scheduler size
 * @param virtualThreads servlet only: run requests on virtual threads
 * @param starvation     servlet only: {@code /cpu?split=k} queues its subtasks on the request's own pool
 *                       and blocks on them, so enough concurrency deadlocks a bounded pool
 * @param bind           the address to listen on
 * @param port           the first port
 * @param heap           -Xms and -Xmx, e.g. {@code 512m}
 * @param gc             G1, Parallel, Serial or Z
 * @param cpus           CPUs the server JVMs are pinned to, or null for no pinning
 * @param jvmArgs        extra JVM arguments, appended last
 */
public record ServerSpec(
        App app,
        int processes,
        Integer workers,
        Integer threads,
        boolean virtualThreads,
        boolean starvation,
        String bind,
        int port,
        String heap,
        String gc,
        CpuSet cpus,
        List<String> jvmArgs) {

    public ServerSpec {
        jvmArgs = List.copyOf(jvmArgs);
    }

    public ServerSpec withPort(int newPort) {
        return new ServerSpec(app, processes, workers, threads, virtualThreads, starvation, bind, newPort, heap, gc, cpus, jvmArgs);
    }
}
