package org.jvmbench.loadtests.recording;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open model's timetable: request k is due {@code k / rate} seconds after the first, whatever
 * the server does. One timetable for the whole pool (wrk2 keeps one per connection): connections
 * that are free take the next due request in turn ({@link #claim}), so when every connection is
 * busy the due requests wait, in order, for the first to free up, and their latency still counts
 * from when they fell due.
 *
 * <p>Times are offsets on the recorder's nano clock. The timetable starts at the first claim,
 * the moment the first connection is ready: the first request cannot be late to itself, and
 * everything the injector or the server delays after it shows.
 */
final class ArrivalSchedule {

    /** What {@link #claim} returns once no request falls due within the duration any more. */
    static final long NO_MORE = Long.MIN_VALUE;

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final double ratePerSecond;
    private final long durationNanos;
    private final AtomicLong origin = new AtomicLong(NOT_STARTED);
    private final AtomicLong nextSlot = new AtomicLong();

    ArrivalSchedule(double ratePerSecond, Duration duration) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number, not " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.durationNanos = duration.toNanos();
    }

    double ratePerSecond() {
        return ratePerSecond;
    }

    /** Slot k's offset from the timetable's start; exact to the nanosecond for whole rates. */
    private long dueAfterStart(long slot) {
        return (long) (slot * 1e9 / ratePerSecond);
    }

    /**
     * Takes the next due request for a connection that has just become free.
     *
     * @param nowNanos the claiming connection's clock reading
     * @return the request's due time, in the past when the connection comes late for it, or
     *         {@link #NO_MORE} when the timetable is over: the next request would fall due after
     *         the duration, or the duration is over and the rest will never be sent
     */
    long claim(long nowNanos) {
        long start = origin.get();
        if (start == NOT_STARTED) {
            origin.compareAndSet(NOT_STARTED, nowNanos);
            start = origin.get();
        }
        if (nowNanos - start >= durationNanos) {
            return NO_MORE;
        }
        long offset = dueAfterStart(nextSlot.getAndIncrement());
        return offset >= durationNanos ? NO_MORE : start + offset;
    }

    /** How many requests fall due within the duration: slots 0 to n-1. */
    long scheduled() {
        long n = (long) Math.ceil(durationNanos / 1e9 * ratePerSecond);
        while (n > 0 && dueAfterStart(n - 1) >= durationNanos) {
            n--;
        }
        while (dueAfterStart(n) < durationNanos) {
            n++;
        }
        return n;
    }
}
