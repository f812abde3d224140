package org.jvmbench.harness.config;

import java.time.Duration;

/**
 * Every default of the harness, in one place. The CLI, the sweep files and the README
 * refer here; nothing else hard-codes these numbers.
 *
 * <p>Over 300 lines on purpose: it is the one home of every default, bound and estimate, each
 * with the measurement behind it.
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
     * {@link org.jvmbench.harness.settings.HeapSize}.
     */
    public static final String HEAP = "512m";

    /**
     * The collector, always named: a JVM that sees one CPU silently switches to SerialGC, so
     * pinning would otherwise change the GC under the reader's feet. Parsed by
     * {@link org.jvmbench.harness.settings.Gc}.
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

    /**
     * The cap of a warm-up: each endpoint of a fork is warmed until the server has settled
     * ({@link #SETTLE_WINDOW} and the tolerances below), but never longer than this. On one
     * CPU the servlet app's JIT compiles for 80 s and more under load; a point reached at the
     * cap is measured and flagged {@code NOT_STEADY}.
     */
    public static final Duration WARMUP = Duration.ofMinutes(4);

    /** No warm-up ends sooner, even when the series looks flat from the start. */
    public static final Duration WARMUP_MINIMUM = Duration.ofSeconds(20);

    /**
     * Warm-up runs as slices of this length, each one injector phase; between slices the
     * harness reads the server's JIT counters and judges the settle rule.
     */
    public static final Duration WARMUP_SLICE = Duration.ofSeconds(5);

    /** The trailing stretch of full seconds the settle rule judges. */
    public static final Duration SETTLE_WINDOW = Duration.ofSeconds(20);

    /**
     * Settled only when the window's throughput rises less than this (last third against first);
     * either way when the server's JIT time is unknown.
     */
    public static final double SETTLE_TREND = 0.05;

    /**
     * Settled only when the window's per-second throughput varies less than this (stddev / mean),
     * judged only when the server's JIT time is unknown (see {@code trust.SettleRule} for why).
     */
    public static final double SETTLE_CV = 0.10;

    /**
     * Settled only when the server's JIT compilers spent less than this share of the window's
     * wall time compiling: on one CPU, compilation takes the requests' CPU away.
     */
    public static final double SETTLE_JIT_SHARE = 0.02;

    // --- the paired design ------------------------------------------------------------------

    /**
     * Rounds of a paired point: in each, every arm (a configuration's fork, kept alive and
     * warm) gets one slice of the same load in a fresh random order. 12 rounds of 5 s give a
     * two-arm comparison 2 minutes of load per point, and each fork pair a steady median ratio.
     */
    public static final int PAIRED_ROUNDS = 12;

    /**
     * One arm's turn in a round. Short enough that arms taking turns see the same machine (its
     * speed moves on the scale of tens of seconds), long enough for full seconds beside the
     * partial first and last.
     */
    public static final Duration PAIRED_SLICE = Duration.ofSeconds(5);

    /**
     * A slice is flagged when the arms not under load used more than this share of the server's
     * CPUs during it: an idle JVM's GC, JIT or timers then took CPU from the arm being measured.
     */
    public static final double PAIRED_PARKED_CPU_SHARE = 0.05;

    /**
     * A paired interval that holds no change and lies within this of it reads "no difference
     * beyond ±N %"; one that reaches further reads "cannot tell". Also {@code ./bench ab}'s
     * regression gate by default: B fails when its whole interval is this much slower.
     */
    public static final double PAIRED_THRESHOLD = 0.03;

    /** Measured duration of one point. */
    public static final Duration DURATION = Duration.ofSeconds(30);

    /** Each server configuration runs this many times on a fresh JVM. */
    public static final int REPEAT = 1;

    /** A request with no answer by then counts as a KO of kind {@code timeout}. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The connection pool of an open load when the sweep does not set one: enough for a 10 ms
     * answer at 25 000 requests a second, so on this project's machines the pool, not the
     * server, is never what holds an offered rate back; the point records it.
     */
    public static final int OPEN_CONNECTIONS = 256;

    /** Heap of the Gatling injector JVM. */
    public static final String INJECTOR_HEAP = "1g";

    /** Beyond a phase's duration and request timeout, what it may take before the injector counts as hung. */
    public static final Duration DEADLINE_SLACK = Duration.ofSeconds(60);

    // --- estimates (the ETA and ./bench sweeps) -------------------------------------------

    /** Starting, checking and stopping one fork's JVMs. */
    public static final Duration ESTIMATE_PER_FORK = Duration.ofSeconds(8);

    /**
     * What surrounds one slice of a paired point beside its measured time: the injector's phase
     * without Gatling's report, the server's counters read before and after.
     */
    public static final Duration ESTIMATE_PER_SLICE = Duration.ofSeconds(1);

    /** Gatling's start and report around one point. */
    public static final Duration ESTIMATE_PER_POINT = Duration.ofSeconds(3);

    /** A typical warm-up until settled, per endpoint of a fork (the cap bounds it). */
    public static final Duration ESTIMATE_WARMUP = Duration.ofSeconds(45);

    /** One calibration of the server's CPUs: its JVM's start, 2 s of warm-up and 5 × 0.5 s measured; twice a sweep. */
    public static final Duration ESTIMATE_CALIBRATION = Duration.ofSeconds(6);

    /**
     * The injector's ceiling probe when nothing is cached, before its loads (one
     * {@link #CEILING_DURATION} each): the reference target's start and the injector and target
     * warmed until settled (a cold Gatling needs ~30 s; the quick sweep's probe took ~66 s for one load).
     */
    public static final Duration ESTIMATE_CEILING_PROBE = Duration.ofSeconds(55);

    // --- the machine cache: what this machine measured before -----------------------------

    /**
     * How far the calibration at a sweep's start may be from the one measured beside the cached
     * injector ceilings before they are measured again: 10 %. The calibration's own slices spread
     * by up to ~10 % on the 2-CPU VMs this was built on, and a ceiling is only used to flag points
     * at 80 % of it or more, so a machine that moved less than this would flag the same points.
     */
    public static final double CACHE_TOLERANCE = 0.10;

    /** How many past measurements of each time the cache keeps; the ETA uses their median. */
    public static final int CACHE_TIMES_KEPT = 9;

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

    /** A second with the injector at or above this share of its CPUs counts as saturated. */
    public static final double INJECTOR_SATURATED_RATIO = 0.90;

    /** A point is flagged INJECTOR_SATURATED when at least this share of its seconds were saturated. */
    public static final double INJECTOR_SATURATED_SHARE = 0.20;

    /**
     * A point within this share of the injector's own ceiling (what it reaches against a
     * minimal server answering the same bytes, at the same load) is flagged INJECTOR_BOUND.
     */
    public static final double INJECTOR_BOUND_RATIO = 0.80;

    /**
     * Open load: a point is flagged INJECTOR_LATE when more than this share of its requests
     * went out late by the injector's own doing (past the 2 ms threshold, a connection free).
     * Measured on this project's 2-CPU machine: warm runs 0.3-1.8 %, a starved or cold
     * injector 5.7-6.7 % (loadtests/README.md).
     */
    public static final double INJECTOR_LATE_SHARE = 0.02;

    /** How long the injector's ceiling is measured at each load against the reference target. */
    public static final Duration CEILING_DURATION = Duration.ofSeconds(10);

    /**
     * The cap of the warm-up of the reference target and the injector before the first ceiling,
     * which ends sooner when their throughput settles. A fixed 15 s left the injector cold: its
     * ceiling (25,171 rps at 64 connections) came out below the 26,510 rps the same injector
     * then drove the servlet app to, flagging that point INJECTOR_BOUND.
     */
    public static final Duration CEILING_WARMUP = Duration.ofSeconds(90);

    /** Mean steal on a CPU set (cores) at or above which a point is flagged CPU_STEAL. */
    public static final double STEAL_CORES_MEAN = 0.05;

    /** A point whose own window drifted more than this (last third against first) is flagged UNSTEADY. */
    public static final double POINT_TREND = 0.05;

    /** A point whose server compiled for more than this share of the window is flagged UNSTEADY. */
    public static final double POINT_JIT_SHARE = 0.02;

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

    /**
     * How often a point reads the server's JIT and GC counters while it runs, so their growth is
     * taken between the readings nearest the measured window's edges rather than over the whole
     * phase (the injector's start and end included). One small request a second beside thousands.
     */
    public static final Duration COUNTERS_PERIOD = Duration.ofSeconds(1);

    /** The longest one reading of the counters may take; a slower one is skipped. */
    public static final Duration COUNTERS_TIMEOUT = Duration.ofSeconds(2);

    // --- reports ---------------------------------------------------------------------------

    /**
     * A comparison calls a relative difference below this "no change" (5 %): smaller
     * differences are within what repeated runs on one machine commonly show.
     */
    public static final double COMPARE_THRESHOLD = 0.05;

    // --- hosts (server and injectors over SSH) ----------------------------------------------

    /** SSH port of a host address given without one. */
    public static final int SSH_PORT = 22;

    /** How long connecting to a host, its key exchange and authentication may take together. */
    public static final Duration SSH_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** How long a short command on a host (a probe, a read, a kill) may run before it is killed. */
    public static final Duration SSH_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where uploads are kept on a host, relative to the login's home: one folder per content
     * hash, so a jar is copied once however many sweeps use it.
     */
    public static final String HOST_UPLOAD_CACHE = ".cache/jvm-bench/uploads";

    /** Readings of {@code date} a clock-offset measurement takes; the median is kept. */
    public static final int CLOCK_SAMPLES = 9;

    // --- reports: judging a comparison (appended) -----------------------------------------------

    /**
     * A comparison calls a difference significant when the Mann–Whitney test over the runs gives
     * a two-sided p at or below this.
     */
    public static final double COMPARE_ALPHA = 0.05;

    /**
     * Fewer repetitions a side than this and a comparison says "not enough repetitions" instead of testing:
     * with 2 against 2 the smallest p any result can give is 0.33.
     */
    public static final int COMPARE_MIN_REPETITIONS = 3;

    // --- reports: paired comparisons (appended) ------------------------------------------------

    /**
     * Fork pairs of {@code ./bench ab}: the interval is Student's t over fork pairs, so they, not
     * rounds, narrow it. An A/A run here had fork pairs 0.3–8.7 % apart (log sd about 4 %); with 5,
     * t(0.975, 4) · 4 % / √5 puts the interval near ±5 %; with 2 it would be near ±36 %.
     */
    public static final int AB_FORKS = 5;

    /** The confidence of a paired comparison's interval (95 %), as the words state it. */
    public static final double PAIRED_CONFIDENCE = 0.95;

    /**
     * The power at which a paired run states the smallest difference it could detect (80 %, the
     * usual in sample-size planning): a true difference that large leaves no change out of the
     * 95 % interval in four runs of five with the same fork pairs and spread.
     */
    public static final double PAIRED_POWER = 0.80;

    // --- AOT cache ---------------------------------------------------------------------------

    /**
     * How long a training JVM and the child JVM assembling its AOT cache may take from SIGTERM
     * to a complete cache. Measured on this project's 2-CPU machine, pinned to one CPU beside
     * other work: 6.2 s for the servlet app (56 MB cache), 7.6 s for the reactive one (61 MB);
     * the wait ends as soon as they are done, so the bound only stops a stuck assembly.
     */
    public static final Duration AOT_ASSEMBLY_TIMEOUT = Duration.ofMinutes(3);

    /** Starting and stopping a training JVM and assembling its cache, beside its warm-ups (the ETA). */
    public static final Duration ESTIMATE_AOT_TRAINING = Duration.ofSeconds(20);

    // --- several machines: the sweep's hosts section (appended) ---------------------------------

    /** The known_hosts file of {@code hosts:} when the sweep names none: OpenSSH's own. */
    public static final String HOSTS_KNOWN_HOSTS = "~/.ssh/known_hosts";

    /** The private key of {@code hosts:} when the sweep names none: OpenSSH's default key type's file. */
    public static final String HOSTS_IDENTITY = "~/.ssh/id_ed25519";

    /**
     * The largest tolerated distance of a host's clock from the coordinator's (10 ms): per-second
     * counts of several injectors are summed by wall-clock second, so an offset is a share of a
     * second's boundary misplaced; NTP on a LAN keeps well within 1 ms.
     */
    public static final Duration HOSTS_CLOCK_OFFSET = Duration.ofMillis(10);

    /**
     * The share of a point's duration by which the injectors' first requests may spread (2 %,
     * 200 ms of a 10 s point) before the point is flagged {@code INJECTORS_STAGGERED}: beyond it
     * the load was not the total it says for a visible part of the window. Released together at
     * the start barrier, injectors on a LAN start within milliseconds.
     */
    public static final double INJECTOR_START_SPREAD_SHARE = 0.02;

    /** Where a run's files on an injector host go, relative to the login's home: one folder per run. */
    public static final String HOST_RUNS_DIR = ".cache/jvm-bench/runs";

    /** How long every injector of a multi-host point may take to answer ready at the start barrier. */
    public static final Duration INJECTOR_READY_TIMEOUT = Duration.ofSeconds(30);
}
