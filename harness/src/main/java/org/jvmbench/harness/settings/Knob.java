package org.jvmbench.harness.settings;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jvmbench.protocol.info.InfoBody;

/**
 * The settings of a server, by the two names a user knows them by: the key of a sweep file and
 * the flag of {@code ./bench serve}. A {@link KnobException} names one, so the same rule reads
 * right in both places.
 *
 * <p>The table of <em>tuning</em> knobs: the engine-specific settings beside workers and threads
 * (and the apps' own slowdown), each declared once here with everything the harness does with
 * it: its {@link Tunable#column() CSV column}, how a configuration's id and label name it, what
 * values it takes, what {@code ./bench serve --help} says, and where our apps' {@code /info}
 * reports it. Which engine has it, under which property, is {@link Engine}'s table. A new knob of
 * this kind is a constant here, a line there and the apps that honour it; the plan, the spec's
 * rules, the command line, the read-back, the result keys, the CSV and {@code serve}'s options
 * follow from these two tables.
 */
public enum Knob {
    APP("app", "--app"),
    ENGINE("engine", "--engine"),
    JAR("jar", "--jar"),
    READINESS("readiness", "--readiness"),
    PROCESSES("processes", "--processes"),
    WORKERS("workers", "--workers"),
    THREADS("threads", "--threads"),
    MIN_THREADS("minThreads", "--min-threads", new Tunable(Values.COUNT, "min_threads", "min", "min", "", true,
            "Tomcat min spare threads, Jetty min threads", InfoBody.Effective::minThreads)),
    MAX_CONNECTIONS("maxConnections", "--max-connections", new Tunable(Values.COUNT, "max_connections", "mc", "mc", "", true,
            "Tomcat and Jetty: connections accepted at once", InfoBody.Effective::maxConnections)),
    ACCEPT_COUNT("acceptCount", "--accept-count", new Tunable(Values.COUNT, "accept_count", "q", "q", "", true,
            "Tomcat: the listen backlog once max connections are open", InfoBody.Effective::acceptCount)),
    ACCEPTORS("acceptors", "--acceptors", new Tunable(Values.COUNT, "acceptors", "acc", "acc", "", true,
            "Jetty: acceptor threads", InfoBody.Effective::acceptors)),
    BUFFER_POOL("bufferPool", "--buffer-pool", new Tunable(Values.BUFFER_POOL, "buffer_pool", "bp", "bp:", "", true,
            "Undertow: default, uncached; uncached has no per-thread caches (the fix for virtual threads)",
            InfoBody.Effective::bufferPool)),
    // Reactor's boundedElastic cap has no field of its own in /info: the app reports it in its detail
    ELASTIC_THREADS("elasticThreads", "--elastic-threads", new Tunable(Values.COUNT, "elastic_threads", "el", "el", "", true,
            "Netty: the cap of Reactor's boundedElastic scheduler, where blocking work is offloaded "
                    + "(Reactor's default: 10 per CPU)", Tunable.fromDetail("boundedElasticCapacity"))),
    MAX_KEEP_ALIVE_REQUESTS("maxKeepAliveRequests", "--max-keep-alive-requests", new Tunable(Values.LIMIT,
            "max_keep_alive_requests", "ka", "ka", "", false, "Tomcat: requests one connection may carry before Tomcat "
                    + "closes it (default 100; -1 for no limit)", Tunable.fromDetail("maxKeepAliveRequests"))),
    EXTRA_CPU_MICROS("extraCpuMicros", "--extra-cpu-us", new Tunable(Values.MICROS, "extra_cpu_us", "cpu", "+cpu", "us", false,
            "our apps: CPU time every work request burns on its own thread (a calibrated spin), a known slowdown "
                    + "to check a comparison against; default 0, none", InfoBody.Effective::extraCpuMicros)),
    VIRTUAL_THREADS("virtualThreads", "--virtual-threads"),
    STARVATION("starvation", "--starvation"),
    AOT_CACHE("aotCache", "--aot-cache"),
    BIND("bind", "--bind"),
    PORT("port", "--port"),
    HEAP("heap", "--heap"),
    GC("gc", "--gc"),
    CPUS("cpus", "--cpus"),
    JVM_ARGS("jvmArgs", "--jvm-arg");

    private final String key;
    private final String flag;
    private final Tunable tunable;

    Knob(String key, String flag) {
        this(key, flag, null);
    }

    Knob(String key, String flag, Tunable tunable) {
        this.key = key;
        this.flag = flag;
        this.tunable = tunable;
    }

    /** The sweep file's key, e.g. {@code virtualThreads}. */
    public String key() {
        return key;
    }

    /** The flag of {@code ./bench serve}, e.g. {@code --virtual-threads}. */
    public String flag() {
        return flag;
    }

    /** Whether this is a tuning knob, declared in the table: a {@link Tuning} holds it. */
    public boolean tuning() {
        return tunable != null;
    }

    /** The table's row of a tuning knob. */
    public Tunable tunable() {
        if (tunable == null) {
            throw new IllegalArgumentException(key + " is not a tuning knob");
        }
        return tunable;
    }

    /** The tuning knobs in the table's order: the order of ids, labels, columns and options. */
    public static List<Knob> tunings() {
        return Tunings.ALL;
    }

    /** Filled once the constants exist: every id, label and record line reads it. */
    private static final class Tunings {
        static final List<Knob> ALL = Arrays.stream(values()).filter(Knob::tuning).toList();
    }

    /** The tuning knob under a sweep file's key, or null. */
    public static Knob tuningOf(String key) {
        return tunings().stream().filter(k -> k.key.equals(key)).findFirst().orElse(null);
    }

    /**
     * A row of the table.
     *
     * @param values        what values it takes, and which is the default
     * @param column        its column in {@code results.csv}
     * @param idCode        what precedes its value in a configuration's id, e.g. {@code q} for {@code -q200}
     * @param labelCode     what precedes its value in a label, e.g. {@code bp:} for {@code bp:uncached}
     * @param unit          what follows the value in both, e.g. {@code us}
     * @param nullWhenUnset written as null in {@code results.jsonl} when unset (the knobs of the first schema,
     *                      so their records stay as they were); later knobs are left out instead
     * @param help          what {@code ./bench serve --help} says of it
     * @param readBack      where our apps' {@code /info} reports its effective value; a new knob's app puts it
     *                      in the detail under the knob's key ({@link #fromDetail})
     */
    public record Tunable(Values values, String column, String idCode, String labelCode, String unit, boolean nullWhenUnset, String help,
                          Function<InfoBody.Effective, Object> readBack) {

        /** How a configuration's id names the value, e.g. {@code -q200}: file-name safe. */
        public String id(Object value) {
            return "-" + idCode + values.text(value) + unit;
        }

        /** How a label names the value, e.g. {@code bp:uncached} or {@code +cpu50us}. */
        public String label(Object value) {
            return labelCode + values.text(value) + unit;
        }

        /** The read-back of a knob that {@code /info} reports in its detail under {@code key}. */
        public static Function<InfoBody.Effective, Object> fromDetail(String key) {
            return e -> e.detail() == null ? null : e.detail().get(key);
        }
    }

    /**
     * The values a tuning knob takes. Each is held in one canonical form (an {@link Integer} or a
     * lower-case word) by {@link Tuning}, and null stands for the default.
     */
    public enum Values {
        /** A positive count; unset is the engine's own default. */
        COUNT("N", "a whole number, at least 1"),
        /** A positive count, or -1 for no limit; unset is the engine's own default. */
        LIMIT("N", "a whole number, at least 1, or -1 for no limit"),
        /** Microseconds, 0 or more; 0 is the apps' default (none), held as unset so it names nothing. */
        MICROS("MICROS", "a whole number of microseconds, 0 or more"),
        /** One of Undertow's buffer pools. */
        BUFFER_POOL("POOL", "default or uncached");

        private final String paramLabel;
        private final String expected;

        Values(String paramLabel, String expected) {
            this.paramLabel = paramLabel;
            this.expected = expected;
        }

        /** What {@code serve --help} calls its value, e.g. {@code N}. */
        public String paramLabel() {
            return paramLabel;
        }

        /** What a wrong value is told it should be. */
        public String expected() {
            return expected;
        }

        /**
         * The canonical form of a value as a file or a flag gives it (a number, or text), or null for the
         * default.
         *
         * @throws IllegalArgumentException naming what was expected
         */
        public Object parse(Object raw) {
            if (raw == null) {
                return null;
            }
            return switch (this) {
                case COUNT, LIMIT, MICROS -> whole(raw);
                case BUFFER_POOL -> BufferPool.parse(raw.toString()).id();
            };
        }

        private Integer whole(Object raw) {
            if (raw instanceof Integer i) {
                return i;
            }
            if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
                return n.intValue();
            }
            try {
                return Integer.valueOf(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + expected + ", got '" + raw + "'");
            }
        }

        /** The problem with a canonical value, or null when the value is allowed. */
        String problem(Object value) {
            return switch (this) {
                case COUNT -> (Integer) value < 1 ? "must be at least 1, got " + value : null;
                case LIMIT -> (Integer) value < 1 && (Integer) value != -1 ? "must be at least 1, or -1 for no limit, got " + value : null;
                case MICROS -> (Integer) value < 0 ? "must be 0 or more microseconds of CPU per request, got " + value : null;
                case BUFFER_POOL -> null;
            };
        }

        /** Whether a canonical value is this kind's default, held as unset. */
        boolean isDefault(Object value) {
            return this == MICROS && Integer.valueOf(0).equals(value);
        }

        /**
         * The value a record states when the knob is unset: the apps' own default (0) for microseconds,
         * which is known and always asked, and none for an engine's default, which the harness does not assume.
         */
        public Object orDefault(Object value) {
            return value == null && this == MICROS ? Integer.valueOf(0) : value;
        }

        /** A value as the command line, {@code /info}'s read-back and the CSV write it. */
        public String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
