package org.jvmbench.servlet.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jvmbench.common.Endpoint;
import org.jvmbench.common.ExtraCpu;
import org.jvmbench.common.JvmFacts;
import org.jvmbench.common.RequestCounters;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.servlet.engine.Knobs;
import org.jvmbench.servlet.engine.ServletEngine;
import org.jvmbench.servlet.split.CpuSplitExecutors;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the harness records with every run. {@code effective} is read from the running engine
 * (through {@link ServletEngine}) and from the thread running this handler, never from
 * configuration, so a knob that did not take effect shows as a mismatch with {@code requested}.
 */
@RestController
class InfoController {

    private final RequestCounters counters;
    private final CpuSplitExecutors splitExecutors;
    private final ServletEngine engine;
    private final ExtraCpu extraCpu;
    private final InfoBody.Requested requested;

    InfoController(RequestCounters counters, CpuSplitExecutors splitExecutors, ServletEngine engine, ExtraCpu extraCpu,
                   Environment environment) {
        this.counters = counters;
        this.splitExecutors = splitExecutors;
        this.engine = engine;
        this.extraCpu = extraCpu;
        Knobs knobs = engine.requested();
        this.requested = new InfoBody.Requested(knobs.workers(), knobs.threads(),
                environment.getProperty("spring.threads.virtual.enabled", Boolean.class),
                environment.getProperty("bench.starvation", Boolean.class),
                knobs.minThreads(), knobs.maxConnections(), knobs.acceptCount(), knobs.acceptors(), knobs.bufferPool(),
                environment.getProperty("bench.extra-cpu-micros", Integer.class));
    }

    @GetMapping(Endpoint.Path.INFO)
    InfoBody info() {
        counters.count(Endpoint.INFO);
        Thread handler = Thread.currentThread();
        Knobs knobs = engine.effective();
        Map<String, Object> detail = new LinkedHashMap<>(engine.detail());
        detail.put("handlerThread", handler.toString());
        detail.put("cpuSplitExecutor", splitExecutors.describeForCurrentRequest());
        detail.put("cpuSplitPoolParallelism", splitExecutors.sharedPoolParallelism());
        if (extraCpu.micros() > 0) {
            detail.put("extraCpuStepsPerMicro", extraCpu.stepsPerMicro()); // the calibration the spin runs on
        }
        InfoBody.Effective effective = new InfoBody.Effective(knobs.workers(), knobs.threads(), handler.isVirtual(),
                splitExecutors.starvation(), knobs.minThreads(), knobs.maxConnections(), knobs.acceptCount(),
                knobs.acceptors(), knobs.bufferPool(), Math.toIntExact(extraCpu.micros()), detail);
        return JvmFacts.info(WorkController.APP, engine.name(), SpringBootVersion.getVersion(), engine.version(),
                requested, effective, counters);
    }
}
