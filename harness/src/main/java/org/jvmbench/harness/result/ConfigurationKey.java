package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Tuning;

/**
 * The server part of a {@link PointKey}: one server configuration, without the load. Null
 * counts mean the engine's own default; a null engine (results written before engines were
 * a setting) is the app's default one. In {@code results.jsonl} its settings are flat, the
 * tuning knobs among them under their keys, in the order of {@link Knob}'s table.
 *
 * @param app            {@code servlet} or {@code reactive}
 * @param engine         {@code undertow}, {@code tomcat}, {@code jetty} or {@code netty}
 * @param jar            a user's own jar's name (without {@code .jar}) in place of our app, or null
 * @param workers        Undertow IO threads, Jetty selectors, Netty event loops
 * @param threads        the request pool's size; Netty: Reactor's parallel scheduler
 * @param virtualThreads servlet engines: requests on virtual threads; Netty: offloads on virtual threads
 * @param processes      how many JVMs serve
 * @param tuning         the engine-specific knobs and our apps' extra CPU ({@link Knob}'s table)
 * @param aotCache       started from the JDK's AOT cache
 * @param arm            the sweep entry's own name for it ({@code arm}), or null: two entries of one sweep
 *                       may hold the same configuration under two names, an A/A comparison
 */
public record ConfigurationKey(String app, String engine, String jar, Integer workers, Integer threads,
                               boolean virtualThreads, int processes, Tuning tuning, boolean aotCache, String arm) {

    public ConfigurationKey {
        Objects.requireNonNull(app, "app");
        tuning = tuning == null ? Tuning.NONE : tuning;
    }

    /** This configuration under an entry's name, or unnamed for null. */
    public ConfigurationKey withArm(String name) {
        return new ConfigurationKey(app, engine, jar, workers, threads, virtualThreads, processes, tuning, aotCache, name);
    }

    /** As {@code results.jsonl} writes it: every setting flat, the arm only when named. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = settingsJson();
        if (arm != null) {
            json.put("arm", arm);
        }
        return json;
    }

    /** The settings but the arm, flat in their order: a point's key writes its load between them and the arm. */
    Map<String, Object> settingsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("app", app);
        json.put("engine", engine);
        json.put("jar", jar);
        json.put("workers", workers);
        json.put("threads", threads);
        json.put("virtualThreads", virtualThreads);
        json.put("processes", processes);
        for (Knob knob : Knob.tunings()) {
            Object value = tuning.get(knob);
            // the knobs of the first schema were written as null when unset; later ones are left out
            if (value != null || knob.tunable().nullWhenUnset()) {
                json.put(knob.key(), value);
            }
        }
        json.put("aotCache", aotCache);
        return json;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ConfigurationKey fromJson(Map<String, Object> json) {
        Map<Knob, Object> tuning = new EnumMap<>(Knob.class);
        for (Knob knob : Knob.tunings()) {
            if (json.get(knob.key()) != null) {
                tuning.put(knob, json.get(knob.key()));
            }
        }
        return new ConfigurationKey((String) json.get("app"), (String) json.get("engine"), (String) json.get("jar"),
                (Integer) json.get("workers"), (Integer) json.get("threads"), Boolean.TRUE.equals(json.get("virtualThreads")),
                json.get("processes") == null ? 1 : (Integer) json.get("processes"), Tuning.of(tuning),
                Boolean.TRUE.equals(json.get("aotCache")), (String) json.get("arm"));
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
                + tuning.set().stream().map(k -> k.tunable().id(tuning.get(k))).collect(Collectors.joining())
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
            tuning.set().forEach(k -> s.append(' ').append(k.tunable().label(tuning.get(k))));
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

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9.]+", "_");
    }
}
