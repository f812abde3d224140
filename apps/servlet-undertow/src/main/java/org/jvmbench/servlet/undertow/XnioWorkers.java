package org.jvmbench.servlet.undertow;

import io.undertow.connector.ByteBufferPool;
import io.undertow.servlet.handlers.ServletRequestContext;
import org.xnio.XnioWorker;

/**
 * The XNIO worker serving the current request (Undertow's IO threads and its bounded worker
 * pool) and its connection's buffer pool. Reached through the exchange, so /info reads what the
 * server actually built rather than echoing configuration.
 */
public final class XnioWorkers {

    private XnioWorkers() {
    }

    /** @throws IllegalStateException when not called from within a servlet request */
    public static XnioWorker ofCurrentRequest() {
        return ServletRequestContext.requireCurrent().getExchange().getConnection().getWorker();
    }

    /** The byte-buffer pool the current request's connection takes its buffers from. */
    public static ByteBufferPool bufferPoolOfCurrentRequest() {
        return ServletRequestContext.requireCurrent().getExchange().getConnection().getByteBufferPool();
    }
}
