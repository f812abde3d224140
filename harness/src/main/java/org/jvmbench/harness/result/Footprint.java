package org.jvmbench.harness.result;

/**
 * Memory that does not depend on allocation history, as the server's JVMs report it right
 * after the point (summed over processes). RSS and PSS (in {@link ResourceUsage}) are what
 * the machine pays; these say what the application holds: the heap left after the last
 * collection is its live data, committed heap is what the JVM reserved (fixed here, -Xms =
 * -Xmx), non-heap is code, metaspace and the like, and threads cost stacks.
 */
public record Footprint(
        long heapUsedAfterGcBytes,
        long heapCommittedBytes,
        long nonHeapUsedBytes,
        long nonHeapCommittedBytes,
        int liveThreads) {
}
