package org.jvmbench.common;

import java.util.ArrayList;
import java.util.List;

/** Units {@code [from, to)} of {@link CpuWork}: one task's share of a request. */
public record UnitRange(int from, int to) {

    public UnitRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
    }

    public int size() {
        return to - from;
    }

    /**
     * {@code n} units cut into {@code parts} contiguous ranges whose sizes differ by at most
     * one. Never more ranges than units: an empty task would only add scheduling noise.
     */
    public static List<UnitRange> partition(int n, int parts) {
        if (n < 1 || parts < 1) {
            throw new IllegalArgumentException("n and parts must be positive: " + n + ", " + parts);
        }
        int count = Math.min(n, parts);
        List<UnitRange> ranges = new ArrayList<>(count);
        int base = n / count;
        int extra = n % count;
        int from = 0;
        for (int i = 0; i < count; i++) {
            int to = from + base + (i < extra ? 1 : 0);
            ranges.add(new UnitRange(from, to));
            from = to;
        }
        return ranges;
    }
}
