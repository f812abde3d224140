package org.jvmbench.servlet.web;

import io.undertow.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jvmbench.common.Endpoint;
import org.jvmbench.common.JvmFacts;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.common.RequestCounters;
import org.jvmbench.servlet.undertow.CpuSplitExecutors;
import org.jvmbench.servlet.undertow.XnioWorkers;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xnio.management.XnioWorkerMXBean;

/**
 * What the harness records with every run. {@code effective} is read from the XNIO worker
 * serving this very request and from the thread running this handler, never from
 * configuration, so a knob that did not take effect shows as a mismatch with {@code requested}.
 */
@RestController
class InfoController {

    private final RequestCounters counters;
    private final CpuSplitExecutors splitExecutors;
    private final InfoBody.Requested requested;

    InfoController(RequestCounters counters, CpuSplitExecutors splitExecutors, Environment environment) {
        this.counters = counters;
        this.splitExecutors = splitExecutors;
        this.requested = new InfoBody.Requested(
                environment.getProperty("server.undertow.threads.io", Integer.class),
                environment.getProperty("server.undertow.threads.worker", Integer.class),
                environment.getProperty("spring.threads.virtual.enabled", Boolean.class),
                environment.getProperty("bench.starvation", Boolean.class));
    }

    @GetMapping(Endpoint.Path.INFO)
    InfoBody info() {
        counters.count(Endpoint.INFO);
        XnioWorkerMXBean worker = XnioWorkers.ofCurrentRequest().getMXBean();
        Thread handler = Thread.currentThread();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("xnio.worker", worker.getName());
        detail.put("xnio.ioThreadCount", worker.getIoThreadCount());
        detail.put("xnio.coreWorkerPoolSize", worker.getCoreWorkerPoolSize());
        detail.put("xnio.maxWorkerPoolSize", worker.getMaxWorkerPoolSize());
        detail.put("xnio.workerPoolSize", worker.getWorkerPoolSize());
        detail.put("xnio.workerQueueSize", worker.getWorkerQueueSize());
        detail.put("handlerThread", handler.toString());
        detail.put("cpuSplitExecutor", splitExecutors.describeForCurrentRequest());
        detail.put("cpuSplitPoolParallelism", splitExecutors.sharedPoolParallelism());
        InfoBody.Effective effective = new InfoBody.Effective(
                worker.getIoThreadCount(), worker.getMaxWorkerPoolSize(), handler.isVirtual(),
                splitExecutors.starvation(), detail);
        return JvmFacts.info(WorkController.APP, "undertow", SpringBootVersion.getVersion(),
                Version.getVersionString(), requested, effective, counters);
    }
}
