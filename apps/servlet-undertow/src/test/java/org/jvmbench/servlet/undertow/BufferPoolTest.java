package org.jvmbench.servlet.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.DefaultByteBufferPool;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The mechanism behind the Undertow virtual-thread leak, on the pool itself: a buffer a virtual
 * thread frees stays in that thread's cache in Undertow's default pool, where the next request's
 * thread cannot have it; the uncached pool hands it to the next thread.
 */
class BufferPoolTest {

    /** Allocates and frees one buffer on a new virtual thread, as one request does, and returns it. */
    private static ByteBuffer oneRequest(ByteBufferPool pool) throws InterruptedException {
        AtomicReference<ByteBuffer> used = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try (PooledByteBuffer pooled = pool.allocate()) {
                used.set(pooled.getBuffer());
            }
        }).join();
        return used.get();
    }

    @Test
    void undertowsDefaultPoolKeepsAFreedBufferWithTheVirtualThreadThatFreedIt() throws Exception {
        // What Undertow 2.3.24's builder makes when given no pool.
        ByteBufferPool pool = new DefaultByteBufferPool(false, 1024, -1, 4);

        assertThat(oneRequest(pool)).isNotSameAs(oneRequest(pool));
        assertThat(BufferPool.of(pool)).isEqualTo(BufferPool.DEFAULT);
    }

    @Test
    void theUncachedPoolHandsAFreedBufferToTheNextThread() throws Exception {
        ByteBufferPool pool = BufferPool.uncached(false, 1024);

        assertThat(oneRequest(pool)).isSameAs(oneRequest(pool));
        assertThat(BufferPool.of(pool)).isEqualTo(BufferPool.UNCACHED);
        assertThat(BufferPool.UNCACHED.id()).isEqualTo("uncached");
    }
}
