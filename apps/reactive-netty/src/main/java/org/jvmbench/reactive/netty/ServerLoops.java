package org.jvmbench.reactive.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * The event loops Reactor Netty's HTTP server runs on. Spring Boot's ReactorResourceFactory
 * uses the global {@link HttpResources} by default, and the server asks them for its group
 * with the default native preference, so this is the same group; {@link #runsCurrentThread()}
 * lets /info prove it from a handler rather than assume it.
 */
public final class ServerLoops {

    private ServerLoops() {
    }

    public static EventLoopGroup group() {
        return HttpResources.get().onServer(LoopResources.DEFAULT_NATIVE);
    }

    /** Event loops in the group: {@code -Dreactor.netty.ioWorkerCount}, or its default. */
    public static int count() {
        int loops = 0;
        for (EventExecutor ignored : group()) {
            loops++;
        }
        return loops;
    }

    /** True when the calling thread is one of the group's event loops. */
    public static boolean runsCurrentThread() {
        for (EventExecutor loop : group()) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
