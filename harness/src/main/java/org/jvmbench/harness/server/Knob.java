package org.jvmbench.harness.server;

/**
 * The settings of a {@link ServerSpec}, by the two names a user knows them by: the key of a
 * sweep file and the flag of {@code ./bench serve}. A {@link KnobException} names one, so the
 * same rule reads right in both places.
 */
public enum Knob {
    APP("app", "--app"),
    ENGINE("engine", "--engine"),
    JAR("jar", "--jar"),
    READINESS("readiness", "--readiness"),
    PROCESSES("processes", "--processes"),
    WORKERS("workers", "--workers"),
    THREADS("threads", "--threads"),
    VIRTUAL_THREADS("virtualThreads", "--virtual-threads"),
    STARVATION("starvation", "--starvation"),
    MIN_THREADS("minThreads", "--min-threads"),
    MAX_CONNECTIONS("maxConnections", "--max-connections"),
    ACCEPT_COUNT("acceptCount", "--accept-count"),
    ACCEPTORS("acceptors", "--acceptors"),
    BUFFER_POOL("bufferPool", "--buffer-pool"),
    ELASTIC_THREADS("elasticThreads", "--elastic-threads"),
    EXTRA_CPU_MICROS("extraCpuMicros", "--extra-cpu-us"),
    AOT_CACHE("aotCache", "--aot-cache"),
    BIND("bind", "--bind"),
    PORT("port", "--port"),
    HEAP("heap", "--heap"),
    GC("gc", "--gc"),
    CPUS("cpus", "--cpus"),
    JVM_ARGS("jvmArgs", "--jvm-arg");

    private final String key;
    private final String flag;

    Knob(String key, String flag) {
        this.key = key;
        this.flag = flag;
    }

    /** The sweep file's key, e.g. {@code virtualThreads}. */
    public String key() {
        return key;
    }

    /** The flag of {@code ./bench serve}, e.g. {@code --virtual-threads}. */
    public String flag() {
        return flag;
    }
}
