package org.jvmbench.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * CPU-bound work the JIT cannot remove: each unit is a chain of SplitMix64 steps where every
 * step depends on the previous one (no vectorising, no skipping), and the result goes into
 * the response. Units are independent and their results are added, so the total is the same
 * however the units are split into tasks and in whatever order the tasks finish.
 */
public final class CpuWork {

    /** Mixing steps per unit; a unit is the grain of {@code n} and of splitting. */
    static final int STEPS_PER_UNIT = 10_000;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private CpuWork() {
    }

    /** The result of units {@code [range.from, range.to)}. */
    public static long run(UnitRange range) {
        long sum = 0;
        for (int unit = range.from(); unit < range.to(); unit++) {
            sum += unit(unit);
        }
        return sum;
    }

    /** Partial results combine by addition: commutative, so join order cannot matter. */
    public static long combine(long a, long b) {
        return a + b;
    }

    /**
     * Runs {@code n} units as {@code split} tasks on {@code executor} and blocks the calling
     * thread until all are done: the servlet way. With {@code split == 1} the caller does the
     * work itself, as a plain handler would.
     */
    public static long runSplit(int n, int split, Executor executor) {
        List<UnitRange> ranges = UnitRange.partition(n, split);
        if (ranges.size() == 1) {
            return run(ranges.getFirst());
        }
        List<CompletableFuture<Long>> parts = new ArrayList<>(ranges.size());
        for (UnitRange range : ranges) {
            parts.add(CompletableFuture.supplyAsync(() -> run(range), executor));
        }
        long total = 0;
        for (CompletableFuture<Long> part : parts) {
            total = combine(total, part.join());
        }
        return total;
    }

    /** The result as it appears in bodies: hex, so no JSON reader rounds a 64-bit value. */
    public static String format(long result) {
        return String.format("%016x", result);
    }

    static long unit(int index) {
        long x = (index + 1) * GOLDEN_GAMMA;
        for (int step = 0; step < STEPS_PER_UNIT; step++) {
            x += GOLDEN_GAMMA;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            x = z ^ (z >>> 31);
        }
        return x;
    }
}
