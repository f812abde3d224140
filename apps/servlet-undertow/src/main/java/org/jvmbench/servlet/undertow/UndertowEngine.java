package org.jvmbench.servlet.undertow;

import io.undertow.Version;
import io.undertow.connector.ByteBufferPool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jvmbench.servlet.engine.Knobs;
import org.jvmbench.servlet.engine.ServletEngine;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xnio.management.XnioWorkerMXBean;

/**
 * Undertow's knobs and readings. Undertow has no Tomcat-like connection limits: its knobs are
 * the XNIO IO threads ({@code workers}) and the bounded XNIO worker pool ({@code threads}),
 * both read back from the XNIO worker serving the current request.
 */
@Component
class UndertowEngine implements ServletEngine {

    private final Knobs requested;

    UndertowEngine(Environment environment) {
        this.requested = new Knobs(
                environment.getProperty("server.undertow.threads.io", Integer.class),
                environment.getProperty("server.undertow.threads.worker", Integer.class),
                null, null, null, null, environment.getProperty("bench.undertow.buffer-pool"));
    }

    @Override
    public String name() {
        return "undertow";
    }

    @Override
    public String version() {
        return Version.getVersionString();
    }

    @Override
    public Knobs requested() {
        return requested;
    }

    @Override
    public Knobs effective() {
        XnioWorkerMXBean worker = XnioWorkers.ofCurrentRequest().getMXBean();
        return new Knobs(worker.getIoThreadCount(), worker.getMaxWorkerPoolSize(), null, null, null, null,
                BufferPool.of(XnioWorkers.bufferPoolOfCurrentRequest()).id());
    }

    @Override
    public Map<String, Object> detail() {
        XnioWorkerMXBean worker = XnioWorkers.ofCurrentRequest().getMXBean();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("xnio.worker", worker.getName());
        detail.put("xnio.ioThreadCount", worker.getIoThreadCount());
        detail.put("xnio.coreWorkerPoolSize", worker.getCoreWorkerPoolSize());
        detail.put("xnio.maxWorkerPoolSize", worker.getMaxWorkerPoolSize());
        detail.put("xnio.workerPoolSize", worker.getWorkerPoolSize());
        detail.put("xnio.workerQueueSize", worker.getWorkerQueueSize());
        ByteBufferPool buffers = XnioWorkers.bufferPoolOfCurrentRequest();
        detail.put("bufferPool.class", buffers.getClass().getName());
        detail.put("bufferPool.bufferSize", buffers.getBufferSize());
        detail.put("bufferPool.direct", buffers.isDirect());
        return detail;
    }

    @Override
    public Executor requestPool() {
        return XnioWorkers.ofCurrentRequest();
    }

    @Override
    public String requestPoolName() {
        return "XNIO worker pool";
    }
}
