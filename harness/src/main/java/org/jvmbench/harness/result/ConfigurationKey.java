package org.jvmbench.harness.result;

import java.util.Set;

/**
 * The server part of a {@link PointKey}: one server configuration, without the load. Null
 * {@code workers}/{@code threads} mean the engine's own default.
 *
 * @param app            {@code servlet} or {@code reactive}
 * @param workers        servlet: Undertow IO threads; reactive: Reactor Netty event loops
 * @param threads        servlet: Undertow worker (blocking) pool; reactive: Reactor's parallel scheduler size
 * @param virtualThreads servlet only: requests run on virtual threads
 * @param processes      how many JVMs serve
 */
public record ConfigurationKey(String app, Integer workers, Integer threads, boolean virtualThreads, int processes) {

    /**
     * File-name safe, e.g. {@code servlet-vt-p1-w1-tdef}: a server run's folder and the start
     * of its points' ids. Resume matches on these ids, so the form never changes.
     */
    public String id() {
        return app
                + (virtualThreads ? "-vt" : "")
                + "-p" + processes
                + "-w" + (workers == null ? "def" : workers)
                + "-t" + (threads == null ? "def" : threads);
    }

    /** The execution mode a table shows: platform / virtual threads, or event loop. */
    public String mode() {
        if (app.equals("reactive")) {
            return "event-loop";
        }
        return virtualThreads ? "virtual" : "platform";
    }

    /** {@code servlet platform w2 t64 ×2 proc}: a pool left at the engine's default is not named, one process is not said. */
    public String label() {
        return label(Set.of());
    }

    /** {@link #label()} without the fields in {@code leftOut}; without the app, the mode goes too. */
    public String label(Set<KeyField> leftOut) {
        StringBuilder s = new StringBuilder();
        if (!leftOut.contains(KeyField.APP)) {
            s.append(app);
            if (!leftOut.contains(KeyField.VIRTUAL_THREADS)) {
                s.append(' ').append(mode());
            }
        }
        if (!leftOut.contains(KeyField.WORKERS) && workers != null) {
            s.append(" w").append(workers);
        }
        if (!leftOut.contains(KeyField.THREADS) && threads != null) {
            s.append(" t").append(threads);
        }
        if (!leftOut.contains(KeyField.PROCESSES) && processes > 1) {
            s.append(" ×").append(processes).append(" proc");
        }
        return s.toString().strip();
    }
}
