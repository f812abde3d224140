package org.jvmbench.servlet.undertow;

import io.undertow.servlet.handlers.ServletRequestContext;
import org.xnio.XnioWorker;

/**
 * The XNIO worker serving the current request: Undertow's IO threads and its bounded worker
 * pool. Reached through the exchange, so /info reads the pool the server actually built
 * rather than echoing configuration.
 */
public final class XnioWorkers {

    private XnioWorkers() {
    }

    /** @throws IllegalStateException when not called from within a servlet request */
    public static XnioWorker ofCurrentRequest() {
        return ServletRequestContext.requireCurrent().getExchange().getConnection().getWorker();
    }
}
