package org.jvmbench.harness.process;

import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM as events the harness handles itself, so that it can stop
 * its servers and injector and choose its own exit code, rather than dying mid-write.
 */
public final class Signals {

    private Signals() {
    }

    /** Runs {@code action} once, on its own thread, on the first SIGINT or SIGTERM. */
    public static void onInterrupt(Runnable action) {
        AtomicBoolean fired = new AtomicBoolean();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (fired.compareAndSet(false, true)) {
                    Thread.ofPlatform().name("on-" + name.toLowerCase()).start(action);
                }
            });
        }
    }
}
