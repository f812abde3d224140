package org.jvmbench.harness.sampling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.jvmbench.harness.config.Defaults;

/**
 * Samples the targets and the machine every period on a daemon thread and keeps every sample.
 * The recorder half of sampling: {@link WindowUsage} turns a {@link #snapshot()} into results.
 * <p>
 * {@link #start()} takes a first sample before returning and {@link #stop()} a last one after
 * the thread has ended, so a sampler that was started and stopped always holds two samples.
 * A reading that fails on the thread is counted and skipped: sampling keeps going.
 */
public final class Sampler implements AutoCloseable {

    public static final String THREAD_NAME = "bench-sampler";

    /** How long after a wall-clock boundary a sample is taken. */
    static final long ALIGNMENT_OFFSET_MS = 5;

    private enum State { NEW, RUNNING, STOPPED }

    private final ProcReader reader;
    private final Duration period;
    private final LongSupplier nanoTime;
    private final LongSupplier epochMs;

    private volatile Targets targets;
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String lastFailure;

    private State state = State.NEW;
    private volatile boolean running;
    private Thread thread;

    /** Samples every {@link Defaults#SAMPLE_PERIOD}. */
    public Sampler(ProcReader reader, Targets targets) {
        this(reader, targets, Defaults.SAMPLE_PERIOD);
    }

    public Sampler(ProcReader reader, Targets targets, Duration period) {
        this(reader, targets, period, System::nanoTime, System::currentTimeMillis);
    }

    Sampler(ProcReader reader, Targets targets, Duration period, LongSupplier nanoTime, LongSupplier epochMs) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("sampling period must be positive, got " + period);
        }
        this.reader = reader;
        this.targets = targets;
        this.period = period;
        this.nanoTime = nanoTime;
        this.epochMs = epochMs;
    }

    /** Takes the first sample, failing here if the machine cannot be read, then samples every period. */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("sampler already " + state.name().toLowerCase());
        }
        append(take());
        running = true;
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        state = State.RUNNING;
    }

    /** Ends the thread, then takes a last sample. Does nothing if not running. */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return;
        }
        state = State.STOPPED;
        // unpark, never interrupt: an interrupt closes the channel of a /proc read under way,
        // which would make a live process read as gone
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(period.toMillis() + 5_000);
            if (thread.isAlive()) {
                recordFailure("sampling thread did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleQuietly();
    }

    @Override
    public void close() {
        stop();
    }

    /** From the next sample on, read these processes instead (e.g. a new injector per point). */
    public void retarget(Targets targets) {
        this.targets = targets;
    }

    /** All samples so far, oldest first; a copy, safe to use while sampling goes on. */
    public List<Sample> snapshot() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Readings that failed and were skipped. */
    public int failures() {
        return failures.get();
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** One sample now, on the caller's thread: tests drive a sampler step by step with it. */
    void sampleOnce() {
        append(take());
    }

    /**
     * Samples on a fixed schedule on the wall clock's period boundaries (whole seconds at the
     * default period, a few milliseconds after each): the injector counts completions per
     * wall-clock second, so a sample interval and a second of requests are then the same
     * second. A late sample skips the missed slots rather than bursting to catch up.
     */
    private void run() {
        long periodNanos = period.toNanos();
        long next = firstAlignedTick(System.nanoTime(), System.currentTimeMillis(), period.toMillis());
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            sampleQuietly();
            next += periodNanos;
            long now = System.nanoTime();
            if (next <= now) {
                next = now + periodNanos;
            }
        }
    }

    /**
     * The monotonic time of the first boundary of the wall clock's {@code periodMs} after now,
     * plus {@link #ALIGNMENT_OFFSET_MS} so the reading falls just inside the new second.
     */
    static long firstAlignedTick(long nowNanos, long nowEpochMs, long periodMs) {
        long boundary = (Math.floorDiv(nowEpochMs, periodMs) + 1) * periodMs + ALIGNMENT_OFFSET_MS;
        return nowNanos + (boundary - nowEpochMs) * 1_000_000L;
    }

    private void sampleQuietly() {
        try {
            sampleOnce();
        } catch (RuntimeException e) {
            // one bad reading must not end sampling: count it and go on
            recordFailure(e.toString());
        }
    }

    private Sample take() {
        Targets current = targets;
        long nanos = nanoTime.getAsLong();
        long millis = epochMs.getAsLong();
        Map<Long, ProcessReading> processes = new HashMap<>();
        for (long pid : current.serverPids()) {
            reader.process(pid).ifPresent(r -> processes.put(pid, r));
        }
        if (current.injectorPid() != null) {
            reader.process(current.injectorPid()).ifPresent(r -> processes.put(r.pid(), r));
        }
        return new Sample(nanos, millis, current, processes, reader.machine());
    }

    private void append(Sample sample) {
        synchronized (samples) {
            samples.add(sample);
        }
    }

    private void recordFailure(String message) {
        failures.incrementAndGet();
        lastFailure = message;
    }
}
