package org.jvmbench.loadtests.recording;

import java.util.Arrays;

/**
 * Responses received in each wall-clock (epoch) second a run's window touches, so they line up
 * with a sampler that reads the machine on epoch-second boundaries. The window seldom starts or
 * ends on a boundary: the first and the last entry cover only part of their second, and say how
 * much, so a reader can drop or scale them instead of drawing a dip that never happened.
 *
 * @param startEpochSecond     the epoch second {@code counts[0]} counts
 * @param firstSecondCoveredMs milliseconds of that second inside the window
 * @param lastSecondCoveredMs  milliseconds of the last entry's second inside the window (the same
 *                             as the first when the window fits in one second)
 * @param counts               responses received per second; empty when nothing completed
 */
public record CompletionsPerSecond(long startEpochSecond, long firstSecondCoveredMs, long lastSecondCoveredMs,
                                   long[] counts) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MS = 1_000_000L;

    public CompletionsPerSecond {
        counts = counts.clone();
    }

    /** No completions: the window is empty, its second is the one given. */
    static CompletionsPerSecond none(long epochMs) {
        return new CompletionsPerSecond(Math.floorDiv(epochMs, 1000L), 0, 0, new long[0]);
    }

    /**
     * @param startEpochNanos the window's start (first request sent), epoch nanoseconds
     * @param endEpochNanos   the window's end (last response received), epoch nanoseconds
     * @param counts          one entry per epoch second from the start's to the end's
     */
    static CompletionsPerSecond of(long startEpochNanos, long endEpochNanos, long[] counts) {
        long firstSecond = Math.floorDiv(startEpochNanos, NANOS_PER_SECOND);
        long lastSecond = Math.floorDiv(endEpochNanos, NANOS_PER_SECOND);
        long firstCovered = Math.min(endEpochNanos, (firstSecond + 1) * NANOS_PER_SECOND) - startEpochNanos;
        long lastCovered = endEpochNanos - Math.max(startEpochNanos, lastSecond * NANOS_PER_SECOND);
        return new CompletionsPerSecond(firstSecond, Math.round(firstCovered / (double) NANOS_PER_MS),
                Math.round(lastCovered / (double) NANOS_PER_MS), counts);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** The sum of all entries: every response of the run. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompletionsPerSecond that && startEpochSecond == that.startEpochSecond
                && firstSecondCoveredMs == that.firstSecondCoveredMs && lastSecondCoveredMs == that.lastSecondCoveredMs
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(startEpochSecond) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CompletionsPerSecond[from " + startEpochSecond + ", first " + firstSecondCoveredMs + " ms, last "
                + lastSecondCoveredMs + " ms, " + Arrays.toString(counts) + "]";
    }
}
