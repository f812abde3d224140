package org.jvmbench.servlet.undertow;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import java.util.Locale;

/**
 * Which byte-buffer pool Undertow's connections take their network buffers from
 * ({@code --bench.undertow.buffer-pool}).
 *
 * <p>{@link #DEFAULT} is what Undertow 2.3.24 builds by itself:
 * {@code new DefaultByteBufferPool(direct, size, -1, 4)}, a cache of up to 4 buffers per thread
 * and no shared pool at all. A buffer a thread frees goes into that thread's cache, and comes
 * back only to that thread, or is released when the cache's owner is collected and finalized.
 * With platform threads that is a few buffers per thread for good. With virtual threads, one
 * new thread per request, every request leaves its buffers in a cache nobody will use again,
 * held until a garbage collection finds the thread gone and a finalizer frees them: direct
 * memory grows to its limit (by default the heap size) between collections, and each time it
 * is reached the JVM forces a full collection to make room.
 *
 * <p>{@link #UNCACHED} is the same pool class without the per-thread cache
 * (thread-local cache size 0) and with a bounded shared queue: a freed buffer goes back to the
 * queue for any thread to take, or is freed at once when the queue is full, so nothing waits
 * for a collector.
 */
enum BufferPool {
    DEFAULT,
    UNCACHED;

    /** Buffers the uncached pool keeps for reuse: 16 MiB of 16 KiB buffers, more than 256 connections need at once. */
    static final int UNCACHED_POOLED_BUFFERS = 1024;

    /** The name /info and the command line use. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The uncached pool, with the buffer size and kind Undertow would have chosen itself. */
    static ByteBufferPool uncached(boolean direct, int bufferSize) {
        return new UncachedByteBufferPool(direct, bufferSize);
    }

    /** Which kind a running pool is: told by its class, not by configuration. */
    static BufferPool of(ByteBufferPool pool) {
        return pool instanceof UncachedByteBufferPool ? UNCACHED : DEFAULT;
    }

    /** Undertow's own pool class, built without a per-thread cache: its type marks it for /info. */
    static final class UncachedByteBufferPool extends DefaultByteBufferPool {
        UncachedByteBufferPool(boolean direct, int bufferSize) {
            super(direct, bufferSize, UNCACHED_POOLED_BUFFERS, 0);
        }
    }
}
