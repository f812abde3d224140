package org.jvmbench.protocol.info;

import java.util.List;

/**
 * The JVM's cumulative counters at the moment {@code /info} answered, read from its own
 * MXBeans. Two readings around a window give what the JIT and the collectors did inside it.
 *
 * @param startEpochMs  when the JVM started (RuntimeMXBean), wall clock
 * @param compilationMs time the JIT compilers spent, summed over compiler threads
 *                      (CompilationMXBean; -1 where the JVM does not report it)
 * @param collectors    one entry per garbage collector, in the order the JVM lists them
 * @param memory        heap and non-heap at this moment, and the heap left after the last collection
 * @param threads       live threads
 */
public record JvmCounters(long startEpochMs, long compilationMs, List<Collector> collectors, Memory memory,
                          int threads) {

    /**
     * @param count  collections since start
     * @param timeMs accumulated collection time (for G1's young and concurrent collectors this is
     *               pause time plus concurrent work, as the MXBean reports it)
     */
    public record Collector(String name, long count, long timeMs) {
    }

    /**
     * @param heapUsedAfterGcBytes heap in use right after the most recent collection of each heap
     *                             pool, summed: the footprint that does not depend on when the
     *                             last collection happened to run
     * @param directBufferCount    direct ByteBuffers alive (the "direct" BufferPoolMXBean): network
     *                             buffers outside the heap, part of RSS but of no heap figure
     * @param directBufferBytes    the memory those direct buffers hold
     */
    public record Memory(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long heapUsedAfterGcBytes,
                         long nonHeapUsedBytes, long nonHeapCommittedBytes, long directBufferCount,
                         long directBufferBytes) {
    }

    /** Collections of all collectors together. */
    public long gcCount() {
        return collectors == null ? 0 : collectors.stream().mapToLong(Collector::count).sum();
    }

    /** Collection time of all collectors together. */
    public long gcTimeMs() {
        return collectors == null ? 0 : collectors.stream().mapToLong(Collector::timeMs).sum();
    }
}
