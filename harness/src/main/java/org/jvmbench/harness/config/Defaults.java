package org.jvmbench.harness.config;

import java.time.Duration;

/**
 * Every default of the harness, in one place. The CLI, the sweep files and the README
 * refer here; nothing else hard-codes these numbers.
 */
public final class Defaults {

    private Defaults() {
    }

    // --- servers -----------------------------------------------------------------------

    /** Servers listen on loopback only unless asked: load never leaves the machine. */
    public static final String BIND = "127.0.0.1";

    /** Port of {@code ./bench serve}; sweeps pick free ports themselves. */
    public static final int PORT = 8080;

    /**
     * Heap of each server JVM, as -Xms and -Xmx both, so heap growth never shows up as RSS
     * drift. Written as a user writes it (a constant for {@code --help}); parsed by
     * {@link org.jvmbench.harness.server.HeapSize}.
     */
    public static final String HEAP = "512m";

    /**
     * The collector, always named: a JVM that sees one CPU silently switches to SerialGC, so
     * pinning would otherwise change the GC under the reader's feet. Parsed by
     * {@link org.jvmbench.harness.server.Gc}.
     */
    public static final String GC = "G1";

    /**
     * The servlet app's starvation mode is off: it exists to show a bounded pool deadlocking
     * on its own subtasks, and only a sweep about that question turns it on.
     */
    public static final boolean STARVATION = false;

    /** How long a server may take to answer its first {@code /info}. */
    public static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(90);

    /** How long a server gets to exit after SIGTERM before it is killed. */
    public static final Duration SERVER_STOP_TIMEOUT = Duration.ofSeconds(10);

    // --- load ----------------------------------------------------------------------------

    /** Warm-up of server and injector together before a server configuration is measured. */
    public static final Duration WARMUP = Duration.ofSeconds(30);

    /** Measured duration of one point. */
    public static final Duration DURATION = Duration.ofSeconds(30);

    /** Each server configuration runs this many times on a fresh JVM. */
    public static final int REPEAT = 1;

    /** A request with no answer by then counts as a KO of kind {@code timeout}. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Heap of the Gatling injector JVM. */
    public static final String INJECTOR_HEAP = "1g";

    // --- bounds: what a machine can honour, checked before anything starts -------------

    /**
     * The longest duration, warm-up or request timeout: a day. Longer is a typo, not a
     * benchmark, and far longer ({@code 9223372036854775807h}) does not fit a
     * {@link Duration} at all.
     */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    /**
     * The smallest server heap, 32 MiB. Measured on both apps (Spring Boot 3.5, JDK 25, G1):
     * at 8 MiB neither starts ("Java heap space" while the context is built), at 12 and 16 MiB
     * both start and answer, but 256 connections of {@code /json?items=1000} at 16 MiB mostly
     * time out while the collector runs; 32 MiB served them. Below this a point measures the GC.
     */
    public static final long MIN_SERVER_HEAP_BYTES = 32L << 20;

    /**
     * The smallest injector heap, 256 MiB. Measured with the injector against the reactive app:
     * at 8 MiB it exits, at 16 MiB Gatling fails with OutOfMemoryError; at 32 MiB it runs but
     * completes 3-7 k requests in 8 s where 64 MiB and more complete 23-46 k: a starved
     * injector would be reported as a slow server. 256 MiB is four times the least that ran at
     * full speed (64 MiB, 1024 users), room for more users and longer histograms.
     */
    public static final long MIN_INJECTOR_HEAP_BYTES = 256L << 20;

    /**
     * Memory a JVM takes beyond its heap (metaspace, code cache, thread stacks, GC
     * structures): 160 MiB. Measured as RSS minus heap of each app at -Xmx32m after 10 s of
     * {@code /json} at 64 connections: 143-153 MiB. Every server process and the injector must
     * fit in the machine's memory with it, or points end in "server died" and swap.
     */
    public static final long JVM_NON_HEAP_BYTES = 160L << 20;

    /**
     * Open files the injector needs besides one socket per connection: ~100 jars on its
     * classpath, logs, Gatling's result files, epoll and pipe descriptors. Concurrency is
     * refused above the open-file limit minus this, since the injector holds every connection.
     */
    public static final long OPEN_FILES_RESERVE = 1024;

    // --- flags -----------------------------------------------------------------------------

    /** Injector at or above this share of its CPUs: it may be the bottleneck. */
    public static final double INJECTOR_SATURATED_RATIO = 0.90;

    /** Error ratio above which a point is flagged. */
    public static final double ERROR_RATIO = 0.001;

    /** Client/server count difference above which a point is flagged. */
    public static final double COUNT_MISMATCH_RATIO = 0.01;

    /** Mean CPU of other processes (cores) at or above which a point is flagged as disturbed. */
    public static final double NOISY_OTHER_CPU_CORES_MEAN = 0.10;

    /** One second of other processes' CPU (cores) at or above which a point is flagged as disturbed. */
    public static final double NOISY_OTHER_CPU_CORES_PEAK = 0.50;

    /** Sampling period of server, injector and machine CPU and memory. */
    public static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);

    // --- reports ---------------------------------------------------------------------------

    /**
     * A comparison calls a relative difference below this "no change" (5 %): smaller
     * differences are within what repeated runs on one machine commonly show.
     */
    public static final double COMPARE_THRESHOLD = 0.05;
}
