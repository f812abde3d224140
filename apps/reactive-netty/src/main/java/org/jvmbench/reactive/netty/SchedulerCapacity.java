package org.jvmbench.reactive.netty;

import reactor.core.Scannable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Thread capacities of Reactor's shared schedulers as the running schedulers report them,
 * so /info shows what {@code -Dreactor.schedulers.defaultPoolSize} really produced.
 */
public final class SchedulerCapacity {

    /**
     * The JVM system property that puts {@link Schedulers#boundedElastic()} on virtual threads
     * (Reactor 3.6+ on JDK 21+), read once when {@code Schedulers} is first loaded.
     */
    public static final String BOUNDED_ELASTIC_ON_VIRTUAL_THREADS = "reactor.schedulers.defaultBoundedElasticOnVirtualThreads";

    private SchedulerCapacity() {
    }

    /** Workers of {@link Schedulers#parallel()}, where timers fire and /cpu fans out. */
    public static int parallel() {
        return capacity(Schedulers.parallel());
    }

    /** The thread cap of {@link Schedulers#boundedElastic()}, where /io?mode=offload sleeps. */
    public static int boundedElastic() {
        return capacity(Schedulers.boundedElastic());
    }

    private static int capacity(Scheduler scheduler) {
        Integer capacity = Scannable.from(scheduler).scan(Scannable.Attr.CAPACITY);
        return capacity == null ? -1 : capacity;
    }
}
