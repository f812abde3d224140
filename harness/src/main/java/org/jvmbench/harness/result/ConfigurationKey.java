package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumSet;
import java.util.Set;

/**
 * The server part of a {@link PointKey}: one server configuration, without the load. Null
 * counts mean the engine's own default; a null engine (results written before engines were
 * a setting) is the app's default one.
 *
 * @param app            {@code servlet} or {@code reactive}
 * @param engine         {@code undertow}, {@code tomcat}, {@code jetty} or {@code netty}
 * @param jar            a user's own jar's name (without {@code .jar}) in place of our app, or null
 * @param workers        Undertow IO threads, Jetty selectors, Netty event loops
 * @param threads        the request pool's size; Netty: Reactor's parallel scheduler
 * @param virtualThreads servlet engines: requests on virtual threads; Netty: offloads on virtual threads
 * @param processes      how many JVMs serve
 * @param minThreads     Tomcat min spare / Jetty min threads
 * @param maxConnections Tomcat / Jetty max connections
 * @param acceptCount    Tomcat's accept backlog
 * @param acceptors      Jetty's acceptor threads
 * @param bufferPool     Undertow's buffer pool ({@code default} or {@code uncached})
 * @param elasticThreads Netty: the cap of Reactor's boundedElastic scheduler
 * @param extraCpuMicros our apps: CPU time burned per work request, a known slowdown; null for none (0)
 * @param aotCache       started from the JDK's AOT cache
 * @param arm            the sweep entry's own name for it ({@code arm}), or null: two entries of one sweep
 *                       may hold the same configuration under two names, an A/A comparison
 */
public record ConfigurationKey(String app, String engine, String jar, Integer workers, Integer threads,
                               boolean virtualThreads, int processes, Integer minThreads, Integer maxConnections,
                               Integer acceptCount, Integer acceptors, String bufferPool, Integer elasticThreads,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer extraCpuMicros, boolean aotCache,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String arm) {

    /** A configuration no entry named. */
    public ConfigurationKey(String app, String engine, String jar, Integer workers, Integer threads, boolean virtualThreads,
                            int processes, Integer minThreads, Integer maxConnections, Integer acceptCount, Integer acceptors,
                            String bufferPool, Integer elasticThreads, Integer extraCpuMicros, boolean aotCache) {
        this(app, engine, jar, workers, threads, virtualThreads, processes, minThreads, maxConnections, acceptCount, acceptors,
                bufferPool, elasticThreads, extraCpuMicros, aotCache, null);
    }

    /** This configuration under an entry's name, or unnamed for null. */
    public ConfigurationKey withArm(String name) {
        return new ConfigurationKey(app, engine, jar, workers, threads, virtualThreads, processes, minThreads, maxConnections,
                acceptCount, acceptors, bufferPool, elasticThreads, extraCpuMicros, aotCache, name);
    }

    /** The engine, the app's default one when the record does not say. */
    public String engineOrDefault() {
        if (engine != null) {
            return engine;
        }
        return app.equals("reactive") ? "netty" : "undertow";
    }

    /** Whether this configuration runs on another engine than its app's default, or is a user's jar. */
    public boolean namesEngine() {
        return jar != null || !engineOrDefault().equals(app.equals("reactive") ? "netty" : "undertow");
    }

    /**
     * File-name safe, e.g. {@code servlet-vt-p1-w1-tdef} or {@code servlet-tomcat-p1-wdef-t200-mc1000-aot}:
     * a fork's folder and the start of its points' ids. Resume matches on these ids, so a
     * setting at its default adds nothing and the form of the old ones never changes.
     */
    public String id() {
        return (jar != null ? safe(jar) : app)
                + (namesEngine() ? "-" + engineOrDefault() : "")
                + (virtualThreads ? "-vt" : "")
                + "-p" + processes
                + "-w" + (workers == null ? "def" : workers)
                + "-t" + (threads == null ? "def" : threads)
                + (minThreads == null ? "" : "-min" + minThreads)
                + (maxConnections == null ? "" : "-mc" + maxConnections)
                + (acceptCount == null ? "" : "-q" + acceptCount)
                + (acceptors == null ? "" : "-acc" + acceptors)
                + (bufferPool == null ? "" : "-bp" + bufferPool)
                + (elasticThreads == null ? "" : "-el" + elasticThreads)
                + (extraCpuMicros == null ? "" : "-cpu" + extraCpuMicros + "us")
                + (aotCache ? "-aot" : "")
                + (arm == null ? "" : "-" + safe(arm));
    }

    /**
     * The engine's own knobs, the extra CPU and the AOT cache as the label names them, e.g.
     * {@code bp:uncached}, {@code +cpu50us} or {@code el1000 +aot}; empty when the configuration
     * sets none. Configurations that differ only there are otherwise alike in a table's columns.
     */
    public String settings() {
        return label(EnumSet.complementOf(EnumSet.of(KeyField.TUNING, KeyField.AOT_CACHE)));
    }

    /** The execution mode a table shows: platform or virtual threads, or event loop (with offloads on virtual threads). */
    public String mode() {
        if (engineOrDefault().equals("netty")) {
            return virtualThreads ? "event-loop+vt" : "event-loop";
        }
        return virtualThreads ? "virtual" : "platform";
    }

    /** {@code servlet platform w2 t64 ×2 proc}: a knob at its default is not named, nor one process, nor the default engine. */
    public String label() {
        return label(Set.of());
    }

    /** {@link #label()} without the fields in {@code leftOut}; without the app, the mode goes too. */
    public String label(Set<KeyField> leftOut) {
        StringBuilder s = new StringBuilder();
        if (!leftOut.contains(KeyField.APP)) {
            s.append(jar != null ? jar : app);
        }
        if (!leftOut.contains(KeyField.ENGINE) && namesEngine()) {
            s.append(' ').append(engineOrDefault());
        }
        if (!leftOut.contains(KeyField.APP) && !leftOut.contains(KeyField.VIRTUAL_THREADS)) {
            s.append(' ').append(mode());
        }
        if (!leftOut.contains(KeyField.WORKERS) && workers != null) {
            s.append(" w").append(workers);
        }
        if (!leftOut.contains(KeyField.THREADS) && threads != null) {
            s.append(" t").append(threads);
        }
        if (!leftOut.contains(KeyField.TUNING)) {
            append(s, " min", minThreads);
            append(s, " mc", maxConnections);
            append(s, " q", acceptCount);
            append(s, " acc", acceptors);
            if (bufferPool != null) {
                s.append(" bp:").append(bufferPool);
            }
            append(s, " el", elasticThreads);
            if (extraCpuMicros != null) {
                s.append(" +cpu").append(extraCpuMicros).append("us");
            }
        }
        if (!leftOut.contains(KeyField.PROCESSES) && processes > 1) {
            s.append(" ×").append(processes).append(" proc");
        }
        if (!leftOut.contains(KeyField.AOT_CACHE) && aotCache) {
            s.append(" +aot");
        }
        if (arm != null) {
            s.append(" [").append(arm).append(']');
        }
        return s.toString().strip();
    }

    private static void append(StringBuilder s, String prefix, Integer value) {
        if (value != null) {
            s.append(prefix).append(value);
        }
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9.]+", "_");
    }
}
