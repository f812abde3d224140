package org.jvmbench.loadtests.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jvmbench.protocol.Histograms;

/**
 * The mutable side of our own recording of one Gatling run; {@link #snapshot()} gives the
 * immutable {@link RunRecording}. Gatling's own numbers are too coarse for comparisons (whole
 * milliseconds, throughput over a duration rounded up to whole seconds), so the simulation
 * brackets every request with hooks ({@link RecordingHooks}) that call in here.
 *
 * <p>Closed model: {@link #requestSent()} and {@link #responseReceived}. Open model
 * ({@link #open}): a connection that is free {@link #claimSlot claims} the next due request of
 * the {@link ArrivalSchedule}, waits for its time, then {@link #scheduledRequestSent} and
 * {@link #scheduledResponseReceived} record both the latency from the actual send (service
 * time) and from the due time (what a user arriving on schedule would see).
 *
 * <p>Thread-safe: Gatling calls the hooks from all its event-loop threads at once. Times are
 * {@link System#nanoTime()} readings kept as offsets from the moment this recorder was made,
 * so comparisons never depend on where the JVM's nanoTime origin lies.
 */
public final class RunRecorder {

    /**
     * A send later than this after its due time counts as late (or, when it waited for a free
     * connection, as queued). Ten times what a warm injector shows for nine sends in ten (under
     * 0.2 ms measured: a Gatling pause wakes on Netty's timer to within a few hundred
     * microseconds), so a send past it was held up by the injector's CPU, a GC or the machine,
     * not by the timer. Measurements in loadtests/README.md, "The open model".
     */
    public static final Duration LATE_THRESHOLD = Duration.ofMillis(2);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NOTHING_SENT = Long.MAX_VALUE;
    private static final long NOTHING_RECEIVED = Long.MIN_VALUE;
    // Seconds of per-second counts kept beyond the expected span, for slow last responses.
    private static final int SPARE_SECONDS = 30;

    private final LongSupplier nanoClock;
    private final long originNanos;
    // Wall-clock time at originNanos, in epoch nanoseconds (microsecond precision on Linux), so
    // a completion can be put in its epoch second without reading the wall clock per request.
    private final long originEpochNanos;
    private final long originEpochSecond;
    private final long requestTimeoutNanos;
    private final long lateThresholdNanos = LATE_THRESHOLD.toNanos();

    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(Histograms.SIGNIFICANT_DIGITS);
    private final LongAdder ok = new LongAdder();
    private final LongAdder ko = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    // Index 0 is the epoch second the recorder was made in; the run starts in it or shortly after.
    private final AtomicLongArray completedPerSecond;
    private final AtomicLong firstSent = new AtomicLong(NOTHING_SENT);
    private final AtomicLong lastReceived = new AtomicLong(NOTHING_RECEIVED);
    private final LongAdder connectionsUsed = new LongAdder();

    // Open model only; null for a closed one.
    private final ArrivalSchedule schedule;
    private final ConcurrentHistogram intendedLatencyMicros;
    private final LongAdder late = new LongAdder();
    private final LongAdder queued = new LongAdder();
    private final AtomicLong maxLateNanos = new AtomicLong();

    /**
     * A closed-model recorder.
     *
     * @param requestTimeout the simulation's request timeout, to tell a timeout from a
     *                       connection failure when no status arrived
     * @param expectedSpan   how long the run should last, to size the per-second counts; a
     *                       response later than that plus 30 s counts in the last second kept
     */
    public RunRecorder(Duration requestTimeout, Duration expectedSpan) {
        this(requestTimeout, expectedSpan, null, System::nanoTime, Clock.systemUTC().instant());
    }

    /**
     * An open-model recorder with its timetable: {@code ratePerSecond} requests due per second
     * for {@code duration}.
     */
    public static RunRecorder open(Duration requestTimeout, Duration duration, double ratePerSecond) {
        return new RunRecorder(requestTimeout, duration.plus(requestTimeout),
                new ArrivalSchedule(ratePerSecond, duration), System::nanoTime, Clock.systemUTC().instant());
    }

    /**
     * With a clock of the tests' choosing; {@code wallClockNow} is wall time at its current
     * reading, {@code schedule} null for a closed model.
     */
    RunRecorder(Duration requestTimeout, Duration expectedSpan, ArrivalSchedule schedule, LongSupplier nanoClock,
                Instant wallClockNow) {
        this.nanoClock = nanoClock;
        this.originNanos = nanoClock.getAsLong();
        this.originEpochNanos = Math.addExact(Math.multiplyExact(wallClockNow.getEpochSecond(), NANOS_PER_SECOND),
                wallClockNow.getNano());
        this.originEpochSecond = wallClockNow.getEpochSecond();
        this.requestTimeoutNanos = requestTimeout.toNanos();
        // +2: the run starts up to a second into the recorder's first second and its end is partial.
        int seconds = (int) Math.min(Integer.MAX_VALUE - SPARE_SECONDS, expectedSpan.toSeconds() + 2);
        this.completedPerSecond = new AtomicLongArray(seconds + SPARE_SECONDS);
        this.schedule = schedule;
        this.intendedLatencyMicros = schedule == null ? null : new ConcurrentHistogram(Histograms.SIGNIFICANT_DIGITS);
    }

    /** The recorder's clock: nanoseconds since it was made. */
    public long now() {
        return nanoClock.getAsLong() - originNanos;
    }

    /** Call once per user that uses its connection: each user keeps one connection of its own. */
    public void connectionUsed() {
        connectionsUsed.increment();
    }

    // ---- closed model

    /** Call right before a request goes out; hand the result to {@link #responseReceived}. */
    public long requestSent() {
        long sent = now();
        noteSent(sent);
        return sent;
    }

    /**
     * Call right after a request ended, with or without a response.
     *
     * @param sent   what {@link #requestSent()} returned for this request
     * @param status the HTTP status received, or {@code 0} if none arrived
     */
    public void responseReceived(long sent, int status) {
        record(sent, now(), status);
    }

    // ---- open model

    /**
     * Takes the next due request for a connection that is free now.
     *
     * @param claimed the connection's {@link #now()}
     * @return the request's due time on this recorder's clock, possibly past, or
     *         {@link ArrivalSchedule#NO_MORE} when the timetable is over
     */
    public long claimSlot(long claimed) {
        return schedule().claim(claimed);
    }

    /**
     * Call right before a scheduled request goes out; hand the result to
     * {@link #scheduledResponseReceived}.
     *
     * @param due                what {@link #claimSlot} returned
     * @param claimed            when the connection claimed it (its {@link #now()} then)
     * @param firstOnConnection  whether this is the connection's first request: its claim came when
     *                           the user started, not when a previous response freed it, so a late
     *                           claim is the injector's lateness, not a wait for a busy connection
     */
    public long scheduledRequestSent(long due, long claimed, boolean firstOnConnection) {
        schedule();
        long sent = now();
        noteSent(sent);
        // A connection that freed up after the due time kept the request waiting: the server's
        // doing (queued). From the moment the request had a connection on, any delay is ours (late).
        long waitedForConnection = firstOnConnection ? 0 : claimed - due;
        if (waitedForConnection > lateThresholdNanos) {
            queued.increment();
        }
        long readyAt = firstOnConnection ? due : Math.max(due, claimed);
        long lateNanos = sent - readyAt;
        if (lateNanos > lateThresholdNanos) {
            late.increment();
        }
        if (lateNanos > maxLateNanos.get()) {
            maxLateNanos.accumulateAndGet(lateNanos, Math::max);
        }
        return sent;
    }

    /**
     * Call right after a scheduled request ended, with or without a response.
     *
     * @param due    its due time, as {@link #claimSlot} returned it
     * @param sent   what {@link #scheduledRequestSent} returned
     * @param status the HTTP status received, or {@code 0} if none arrived
     */
    public void scheduledResponseReceived(long due, long sent, int status) {
        long received = now();
        // Pauses have millisecond steps and are rounded down, so a request may go out up to 1 ms
        // before its slot; its latency then counts from the send, never less than its service time.
        intendedLatencyMicros.recordValue(Math.max(0, (received - Math.min(due, sent)) / 1_000));
        record(sent, received, status);
    }

    private ArrivalSchedule schedule() {
        if (schedule == null) {
            throw new IllegalStateException("a closed-model recorder has no schedule");
        }
        return schedule;
    }

    private void noteSent(long sent) {
        // Plain read first: after the first few requests the minimum never changes again, and
        // skipping the CAS keeps the hot path free of contention.
        if (sent < firstSent.get()) {
            firstSent.accumulateAndGet(sent, Math::min);
        }
    }

    private void record(long sent, long received, int status) {
        long elapsedNanos = received - sent;
        latencyMicros.recordValue(Math.max(0, elapsedNanos / 1_000));
        if (status == 200) {
            ok.increment();
        } else {
            ko.increment();
            errors.computeIfAbsent(errorKind(status, elapsedNanos, requestTimeoutNanos), k -> new LongAdder()).increment();
        }
        if (received > lastReceived.get()) {
            lastReceived.accumulateAndGet(received, Math::max);
        }
        completedPerSecond.incrementAndGet(secondIndex(received));
    }

    /**
     * Names a KO. Gatling does not tell a session why a request got no response, so a request
     * without status that lasted the whole request timeout is taken as timed out, and one that
     * ended sooner as a connect or I/O failure (refused, reset, closed).
     */
    static String errorKind(int status, long elapsedNanos, long requestTimeoutNanos) {
        if (status > 0) {
            return "status_" + status;
        }
        return elapsedNanos >= requestTimeoutNanos ? "timeout" : "connection";
    }

    /** Where a reading of the nano clock falls in {@link #completedPerSecond}: its epoch second, capped. */
    private int secondIndex(long offsetNanos) {
        long second = Math.floorDiv(originEpochNanos + offsetNanos, NANOS_PER_SECOND) - originEpochSecond;
        return (int) Math.max(0, Math.min(completedPerSecond.length() - 1, second));
    }

    /** What has been recorded so far; the simulation takes it once its run is over. */
    public RunRecording snapshot() {
        long first = firstSent.get();
        long last = lastReceived.get();
        Histogram histogram = latencyMicros.copy();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        int connections = (int) connectionsUsed.sum();
        ScheduleKept kept = schedule == null ? null : new ScheduleKept(schedule.ratePerSecond(), schedule.scheduled(),
                intendedLatencyMicros.copy(), lateThresholdNanos / 1_000, late.sum(), maxLateNanos.get() / 1_000,
                queued.sum());
        if (first == NOTHING_SENT || last == NOTHING_RECEIVED) {
            long originEpochMs = Math.floorDiv(originEpochNanos, 1_000_000L);
            return new RunRecording(ok.sum(), ko.sum(), errorCounts, originEpochMs, originEpochMs, 0,
                    histogram, CompletionsPerSecond.none(originEpochMs), connections, kept);
        }
        long startEpochNanos = originEpochNanos + first;
        long endEpochNanos = originEpochNanos + last;
        int firstIndex = secondIndex(first);
        int lastIndex = secondIndex(last);
        long[] counts = new long[lastIndex - firstIndex + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = completedPerSecond.get(firstIndex + i);
        }
        return new RunRecording(ok.sum(), ko.sum(), errorCounts,
                Math.floorDiv(startEpochNanos, 1_000_000L),
                Math.floorDiv(endEpochNanos, 1_000_000L),
                last - first, histogram,
                CompletionsPerSecond.of(startEpochNanos, endEpochNanos, counts), connections, kept);
    }
}
