package org.jvmbench.servlet.split;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Where {@code /cpu?split=k} runs its k tasks while the request thread blocks on the join.
 *
 * <p>Normally a shared ForkJoinPool as wide as the machine, the same width as Reactor's
 * parallel scheduler on the other app (the JDK's common pool would have one thread fewer).
 *
 * <p>In starvation mode, the pool the request came from: the engine's bounded request pool
 * (XNIO's worker pool, Tomcat's executor, Jetty's thread pool), or new virtual threads when
 * requests run on virtual threads. Once as many requests as the pool has threads block on
 * subtasks queued behind them, no thread is left to run those subtasks and the server hangs;
 * virtual threads have no such bound. That deadlock is the point of the mode, and it is the
 * same on every engine: only the pool differs.
 */
public final class CpuSplitExecutors {

    private final ForkJoinPool sharedPool;
    private final boolean starvation;
    private final Supplier<Executor> requestPool;
    private final String requestPoolName;
    private final ThreadFactory starvationVirtualThreads =
            Thread.ofVirtual().name("starvation-split-", 0).factory();

    /**
     * @param requestPool     the engine's request pool, asked on the request thread
     * @param requestPoolName how /info names that pool
     */
    public CpuSplitExecutors(ForkJoinPool sharedPool, boolean starvation, Supplier<Executor> requestPool,
                             String requestPoolName) {
        this.sharedPool = sharedPool;
        this.starvation = starvation;
        this.requestPool = requestPool;
        this.requestPoolName = requestPoolName;
    }

    public boolean starvation() {
        return starvation;
    }

    public int sharedPoolParallelism() {
        return sharedPool.getParallelism();
    }

    /** The executor for the calling request thread's subtasks. */
    public Executor forCurrentRequest() {
        if (!starvation) {
            return sharedPool;
        }
        if (Thread.currentThread().isVirtual()) {
            return task -> starvationVirtualThreads.newThread(task).start();
        }
        return requestPool.get();
    }

    /** Names {@link #forCurrentRequest()}'s choice for /info. */
    public String describeForCurrentRequest() {
        if (!starvation) {
            return "shared ForkJoinPool";
        }
        return Thread.currentThread().isVirtual() ? "new virtual threads" : requestPoolName + " (starvation)";
    }
}
