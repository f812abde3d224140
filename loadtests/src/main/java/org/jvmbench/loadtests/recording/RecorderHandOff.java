package org.jvmbench.loadtests.recording;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a simulation leaves its recorder for the injector to pick up. Gatling instantiates
 * simulations reflectively from a class name, so nothing can be handed in; the simulation hands
 * its recorder out instead. One Gatling run at a time per JVM, as the injector runs them.
 */
public final class RecorderHandOff {

    private static final AtomicReference<RunRecorder> LATEST = new AtomicReference<>();

    private RecorderHandOff() {
    }

    /** Called by the simulation when Gatling instantiates it; returns its argument. */
    public static RunRecorder publish(RunRecorder recorder) {
        LATEST.set(recorder);
        return recorder;
    }

    /** Forgets any earlier run's recorder, so a run that never made one is not mistaken for it. */
    public static void clear() {
        LATEST.set(null);
    }

    public static Optional<RunRecorder> take() {
        return Optional.ofNullable(LATEST.getAndSet(null));
    }
}
