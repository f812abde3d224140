package org.jvmbench.harness.stats;

/** Which way a figure improves: throughput up, latency down. Decides who a ratio B/A favours. */
public enum Direction {
    /** Throughput, requests per CPU-second: a ratio B/A above 1 favours B. */
    HIGHER_IS_BETTER,
    /** Latency: a ratio B/A below 1 favours B. */
    LOWER_IS_BETTER;

    /** Whether a ratio B/A on this side of 1 favours B; 1 itself favours no one. */
    public boolean favoursB(double ratio) {
        return this == HIGHER_IS_BETTER ? ratio > 1 : ratio < 1;
    }
}
