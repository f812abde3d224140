package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.settings.Engine;

/**
 * One entry under {@code servers:}. It stands for the cross product of its axes, each
 * combination one server configuration. Every axis but {@code app} has a default; a single
 * value in the file is a one-value axis. An entry runs our app, or with {@code jar} a user's
 * own Spring Boot jar, whose kind of app its engine says.
 *
 * @param apps           the apps, in the order they run (key {@code app}); derived from the engines for a jar
 * @param engines        the engines (key {@code engine}); each app's default engine when not given
 * @param jar            a user's own Spring Boot jar to run instead of ours, or null
 * @param readiness      a jar's path polled until it answers 200; {@code /actuator/health} unless given
 * @param startTimeout   how long a jar may take to answer its readiness path; the harness's start timeout
 *                       unless given (our apps are held to that one)
 * @param workers        Undertow IO threads, Jetty selectors, Netty event loops; a null element
 *                       ({@code default} in the file) is the engine's default
 * @param threads        the request pool: Undertow worker pool, Tomcat and Jetty max threads;
 *                       Netty: Reactor's parallel scheduler; null as for workers
 * @param virtualThreads servlet engines: requests on virtual threads; Netty: blocking offloads on them
 * @param processes      JVMs per configuration
 * @param tuning         the axes of the tuning knobs given ({@link Knob}'s table, e.g. {@code acceptCount} or
 *                       {@code extraCpuMicros}), each under its key, its values in canonical form, in the table's
 *                       order; the knobs not given are left out (the engine's default)
 * @param aotCache       start from the JDK's AOT cache, made by a training run (JDK 25+)
 * @param arm            a name for this entry's configurations, or null; two entries naming different arms may
 *                       hold the same configuration (an A/A comparison), which unnamed entries may not
 * @param load           the points each configuration runs; in a file it may lack an axis
 *                       (or be missing), which the top-level {@code load} then gives
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerEntry(
        @JsonProperty("app") List<App> apps,
        @JsonProperty("engine") List<Engine> engines,
        String jar,
        String readiness,
        Duration startTimeout,
        @JsonDeserialize(contentUsing = SweepValues.ThreadCount.class) @JsonSerialize(using = SweepJson.ThreadCounts.class)
        List<Integer> workers,
        @JsonDeserialize(contentUsing = SweepValues.ThreadCount.class) @JsonSerialize(using = SweepJson.ThreadCounts.class)
        List<Integer> threads,
        List<Boolean> virtualThreads,
        List<Integer> processes,
        @JsonAnySetter @JsonAnyGetter Map<String, List<Object>> tuning,
        List<Boolean> aotCache,
        String arm,
        Load load) {

    /** Where a jar says it is ready when the entry does not say: Spring Boot Actuator's health. */
    public static final String DEFAULT_READINESS = "/actuator/health";

    public ServerEntry {
        if (jar == null && apps == null) {
            throw SettingException.record("missing 'app' (servlet, reactive, or a list of both)");
        }
        if (jar != null) {
            if (engines == null) {
                throw SettingException.record("a jar needs its 'engine' (undertow, tomcat, jetty or netty): "
                        + "it says which Spring Boot properties the knobs map to");
            }
            List<App> ofEngines = engines.stream().map(Engine::app).distinct().toList();
            if (apps != null && !apps.equals(ofEngines)) {
                throw SettingException.key("app", "a jar's app is its engine's kind (" + ofEngines + "): leave app out");
            }
            apps = ofEngines;
            readiness = readiness == null ? DEFAULT_READINESS : readiness;
            if (!readiness.startsWith("/")) {
                throw SettingException.key("readiness", "'" + readiness + "' must start with /");
            }
        } else if (readiness != null) {
            throw SettingException.key("readiness", "applies to a jar only: our apps are ready when /info answers");
        } else if (startTimeout != null) {
            throw SettingException.key("startTimeout", "applies to a jar only: our apps are held to the harness's "
                    + Defaults.SERVER_START_TIMEOUT.toSeconds() + " s");
        }
        if (engines != null) {
            for (Engine engine : engines) {
                if (!apps.contains(engine.app())) {
                    throw SettingException.item("engine", engine.id(), engine + " runs " + engine.app() + " apps, and this entry runs "
                            + apps.stream().map(App::id).toList());
                }
            }
            for (App app : apps) {
                if (engines.stream().noneMatch(e -> e.app() == app)) {
                    throw SettingException.key("engine", "names no engine for " + app + " (" + app + " runs on "
                            + java.util.Arrays.stream(Engine.values()).filter(e -> e.app() == app).map(Engine::id).toList() + ")");
                }
            }
        }
        apps = List.copyOf(apps);
        engines = engines == null ? null : List.copyOf(engines);
        // null stands for "engine default" here, as in ServerSpec and PointKey; List.copyOf refuses it
        workers = defaults(workers);
        threads = defaults(threads);
        virtualThreads = virtualThreads == null ? List.of(false) : List.copyOf(virtualThreads);
        processes = processes == null ? List.of(1) : List.copyOf(processes);
        // the tuning axes are there only when given: they are written back only when set
        tuning = tuningAxes(tuning);
        aotCache = aotCache == null ? List.of(false) : List.copyOf(aotCache);
        if (arm != null && !arm.matches("[A-Za-z0-9._-]{1,32}")) {
            throw SettingException.key("arm", "'" + arm + "' may only hold up to 32 letters, digits, '.', '_' and '-' (it names points)");
        }
    }

    /**
     * The tuning axes given, checked against the table: keys it has, values of the knob's kind,
     * in the table's order.
     */
    private static Map<String, List<Object>> tuningAxes(Map<String, List<Object>> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        for (String key : given.keySet()) {
            if (Knob.tuningOf(key) == null) {
                throw SettingException.record(Places.unknownKey(key, ServerEntry.class));
            }
        }
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (Knob knob : Knob.tunings()) {
            List<Object> values = given.get(knob.key());
            if (values == null) {
                continue;
            }
            List<Object> parsed = new ArrayList<>();
            for (Object raw : values) {
                try {
                    parsed.add(knob.tunable().values().parse(raw));
                } catch (IllegalArgumentException e) {
                    throw SettingException.item(knob.key(), raw, e.getMessage());
                }
            }
            axes.put(knob.key(), Collections.unmodifiableList(parsed));
        }
        return Collections.unmodifiableMap(axes);
    }

    /** The tuning axes by knob, in the table's order: what the plan expands. */
    Map<Knob, List<Object>> tuningAxes() {
        Map<Knob, List<Object>> axes = new LinkedHashMap<>();
        tuning.forEach((key, values) -> axes.put(Knob.tuningOf(key), values));
        return axes;
    }

    /** An axis as it expands: the values given, or the one engine default (null) when not given. */
    static <T> List<T> values(List<T> axis) {
        return axis == null ? Collections.singletonList(null) : axis;
    }

    /** The engines of {@code app} this entry runs: those named for it, or the app's default. */
    List<Engine> enginesOf(App app) {
        if (engines == null) {
            return List.of(Engine.defaultFor(app));
        }
        return engines.stream().filter(e -> e.app() == app).toList();
    }

    /** This entry with its jar recorded as the absolute path resolution found. */
    ServerEntry withJar(String absolute) {
        return toBuilder().jar(absolute).build();
    }

    /** This entry with its load's missing axes taken from the top-level load. */
    ServerEntry withLoad(Load resolved) {
        return toBuilder().load(resolved).build();
    }

    private static <T> List<T> defaults(List<T> axis) {
        return Collections.unmodifiableList(new ArrayList<>(axis == null ? Arrays.asList((T) null) : axis));
    }

    /** {@code ServerEntry} to fill in by name: a component not set stays null, as in a file that leaves its key out. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code ServerEntry} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apps = apps;
        b.engines = engines;
        b.jar = jar;
        b.readiness = readiness;
        b.startTimeout = startTimeout;
        b.workers = workers;
        b.threads = threads;
        b.virtualThreads = virtualThreads;
        b.processes = processes;
        b.tuning = tuning;
        b.aotCache = aotCache;
        b.arm = arm;
        b.load = load;
        return b;
    }

    /** {@code ServerEntry} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private List<App> apps;
        private List<Engine> engines;
        private String jar;
        private String readiness;
        private Duration startTimeout;
        private List<Integer> workers;
        private List<Integer> threads;
        private List<Boolean> virtualThreads;
        private List<Integer> processes;
        private Map<String, List<Object>> tuning;
        private List<Boolean> aotCache;
        private String arm;
        private Load load;

        private Builder() {
        }

        public Builder apps(List<App> value) {
            apps = value;
            return this;
        }

        public Builder engines(List<Engine> value) {
            engines = value;
            return this;
        }

        public Builder jar(String value) {
            jar = value;
            return this;
        }

        public Builder readiness(String value) {
            readiness = value;
            return this;
        }

        public Builder startTimeout(Duration value) {
            startTimeout = value;
            return this;
        }

        public Builder workers(List<Integer> value) {
            workers = value;
            return this;
        }

        public Builder threads(List<Integer> value) {
            threads = value;
            return this;
        }

        public Builder virtualThreads(List<Boolean> value) {
            virtualThreads = value;
            return this;
        }

        public Builder processes(List<Integer> value) {
            processes = value;
            return this;
        }

        public Builder tuning(Map<String, List<Object>> value) {
            tuning = value;
            return this;
        }

        public Builder aotCache(List<Boolean> value) {
            aotCache = value;
            return this;
        }

        public Builder arm(String value) {
            arm = value;
            return this;
        }

        public Builder load(Load value) {
            load = value;
            return this;
        }

        public ServerEntry build() {
            return new ServerEntry(apps, engines, jar, readiness, startTimeout, workers, threads, virtualThreads,
                    processes, tuning, aotCache, arm, load);
        }
    }
}
