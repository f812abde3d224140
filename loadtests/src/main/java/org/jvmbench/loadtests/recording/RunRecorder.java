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
 * brackets every request with {@link #requestSent()} and {@link #responseReceived}.
 *
 * <p>Thread-safe: Gatling calls the hooks from all its event-loop threads at once. Times are
 * {@link System#nanoTime()} readings kept as offsets from the moment this recorder was made,
 * so comparisons never depend on where the JVM's nanoTime origin lies.
 */
public final class RunRecorder {


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

    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(Histograms.SIGNIFICANT_DIGITS);
    private final LongAdder ok = new LongAdder();
    private final LongAdder ko = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    // Index 0 is the epoch second the recorder was made in; the run starts in it or shortly after.
    private final AtomicLongArray completedPerSecond;
    private final AtomicLong firstSent = new AtomicLong(NOTHING_SENT);
    private final AtomicLong lastReceived = new AtomicLong(NOTHING_RECEIVED);

    /**
     * @param requestTimeout the simulation's request timeout, to tell a timeout from a
     *                       connection failure when no status arrived
     * @param expectedSpan   how long the run should last, to size the per-second counts; a
     *                       response later than that plus 30 s counts in the last second kept
     */
    public RunRecorder(Duration requestTimeout, Duration expectedSpan) {
        this(requestTimeout, expectedSpan, System::nanoTime, Clock.systemUTC().instant());
    }

    /** With a clock of the tests' choosing; {@code wallClockNow} is wall time at its current reading. */
    RunRecorder(Duration requestTimeout, Duration expectedSpan, LongSupplier nanoClock, Instant wallClockNow) {
        this.nanoClock = nanoClock;
        this.originNanos = nanoClock.getAsLong();
        this.originEpochNanos = Math.addExact(Math.multiplyExact(wallClockNow.getEpochSecond(), NANOS_PER_SECOND),
                wallClockNow.getNano());
        this.originEpochSecond = wallClockNow.getEpochSecond();
        this.requestTimeoutNanos = requestTimeout.toNanos();
        // +2: the run starts up to a second into the recorder's first second and its end is partial.
        int seconds = (int) Math.min(Integer.MAX_VALUE - SPARE_SECONDS, expectedSpan.toSeconds() + 2);
        this.completedPerSecond = new AtomicLongArray(seconds + SPARE_SECONDS);
    }

    /** Call right before a request goes out; hand the result to {@link #responseReceived}. */
    public long requestSent() {
        long sent = nanoClock.getAsLong() - originNanos;
        // Plain read first: after the first few requests the minimum never changes again, and
        // skipping the CAS keeps the hot path free of contention.
        if (sent < firstSent.get()) {
            firstSent.accumulateAndGet(sent, Math::min);
        }
        return sent;
    }

    /**
     * Call right after a request ended, with or without a response.
     *
     * @param sent   what {@link #requestSent()} returned for this request
     * @param status the HTTP status received, or {@code 0} if none arrived
     */
    public void responseReceived(long sent, int status) {
        long received = nanoClock.getAsLong() - originNanos;
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
        if (first == NOTHING_SENT || last == NOTHING_RECEIVED) {
            long originEpochMs = Math.floorDiv(originEpochNanos, 1_000_000L);
            return new RunRecording(ok.sum(), ko.sum(), errorCounts, originEpochMs, originEpochMs, 0,
                    histogram, CompletionsPerSecond.none(originEpochMs));
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
                CompletionsPerSecond.of(startEpochNanos, endEpochNanos, counts));
    }
}
