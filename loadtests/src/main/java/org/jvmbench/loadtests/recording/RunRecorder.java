package org.jvmbench.loadtests.recording;

import java.time.Duration;
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
    private final long originEpochMs;
    private final long requestTimeoutNanos;

    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(Histograms.SIGNIFICANT_DIGITS);
    private final LongAdder ok = new LongAdder();
    private final LongAdder ko = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
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
        this(requestTimeout, expectedSpan, System::nanoTime, System.currentTimeMillis());
    }

    /** With a clock of the tests' choosing; {@code originEpochMs} is wall time at its current reading. */
    RunRecorder(Duration requestTimeout, Duration expectedSpan, LongSupplier nanoClock, long originEpochMs) {
        this.nanoClock = nanoClock;
        this.originEpochMs = originEpochMs;
        this.originNanos = nanoClock.getAsLong();
        this.requestTimeoutNanos = requestTimeout.toNanos();
        int seconds = (int) Math.min(Integer.MAX_VALUE - SPARE_SECONDS, expectedSpan.toSeconds() + 1);
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
        int second = (int) Math.min(completedPerSecond.length() - 1, (received - firstSent.get()) / NANOS_PER_SECOND);
        completedPerSecond.incrementAndGet(second);
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

    /** What has been recorded so far; the simulation takes it once its run is over. */
    public RunRecording snapshot() {
        long first = firstSent.get();
        long last = lastReceived.get();
        Histogram histogram = latencyMicros.copy();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        if (first == NOTHING_SENT || last == NOTHING_RECEIVED) {
            return new RunRecording(ok.sum(), ko.sum(), errorCounts, originEpochMs, originEpochMs, 0,
                    histogram, new long[0]);
        }
        long windowNanos = last - first;
        int seconds = (int) Math.min(completedPerSecond.length(), windowNanos / NANOS_PER_SECOND + 1);
        long[] perSecond = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            perSecond[i] = completedPerSecond.get(i);
        }
        return new RunRecording(ok.sum(), ko.sum(), errorCounts,
                originEpochMs + Math.floorDiv(first, 1_000_000L),
                originEpochMs + Math.floorDiv(last, 1_000_000L),
                windowNanos, histogram, perSecond);
    }
}
