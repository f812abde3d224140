package org.jvmbench.reactive.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jvmbench.common.Endpoint;
import org.jvmbench.common.ExtraCpu;
import org.jvmbench.common.JvmFacts;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.common.RequestCounters;
import org.jvmbench.reactive.netty.SchedulerCapacity;
import org.jvmbench.reactive.netty.ServerLoops;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServer;

/**
 * What the harness records with every run. {@code effective} is read from the running event
 * loop group and schedulers, and the body is built on the event loop that took the request,
 * which is how /info shows that the server really runs on the group it counted.
 */
@RestController
class InfoController {

    private final RequestCounters counters;
    private final ExtraCpu extraCpu;
    private final InfoBody.Requested requested;

    InfoController(RequestCounters counters, ExtraCpu extraCpu, Environment environment) {
        this.counters = counters;
        this.extraCpu = extraCpu;
        // Reactor reads its settings only as JVM system properties, never from Spring.
        String offloadOnVirtualThreads = System.getProperty(SchedulerCapacity.BOUNDED_ELASTIC_ON_VIRTUAL_THREADS);
        this.requested = new InfoBody.Requested(
                Integer.getInteger("reactor.netty.ioWorkerCount"),
                Integer.getInteger("reactor.schedulers.defaultPoolSize"),
                offloadOnVirtualThreads == null ? null : Boolean.valueOf(offloadOnVirtualThreads),
                environment.getProperty("bench.starvation", Boolean.class),
                null, null, null, null, null, environment.getProperty("bench.extra-cpu-micros", Integer.class));
    }

    /**
     * The event-loop readings are taken here, on the loop that took the request; then a probe
     * runs on boundedElastic, where /io?mode=offload sleeps, to see whether its threads are
     * virtual: {@code virtualThreads} on this app means "blocking offloads run on virtual threads".
     */
    @GetMapping(Endpoint.Path.INFO)
    Mono<InfoBody> info() {
        counters.count(Endpoint.INFO);
        Thread handler = Thread.currentThread();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventLoopGroup", ServerLoops.group().getClass().getSimpleName());
        detail.put("eventLoops", ServerLoops.count());
        detail.put("handlerOnServerEventLoop", ServerLoops.runsCurrentThread());
        detail.put("handlerThread", handler.getName());
        detail.put("parallelSchedulerCapacity", SchedulerCapacity.parallel());
        detail.put("boundedElasticCapacity", SchedulerCapacity.boundedElastic());
        detail.put("starvation", "not applicable: no bounded request pool to starve; bench.starvation is ignored");
        if (extraCpu.micros() > 0) {
            detail.put("extraCpuStepsPerMicro", extraCpu.stepsPerMicro()); // the calibration the spin runs on
        }
        int eventLoops = ServerLoops.count();
        int parallel = SchedulerCapacity.parallel();
        String engineVersion = HttpServer.class.getPackage().getImplementationVersion();
        return Mono.fromCallable(Thread::currentThread)
                .subscribeOn(Schedulers.boundedElastic())
                .map(offloadThread -> {
                    detail.put("boundedElasticThread", offloadThread.toString());
                    InfoBody.Effective effective = new InfoBody.Effective(eventLoops, parallel,
                            offloadThread.isVirtual(), false, null, null, null, null, null,
                            Math.toIntExact(extraCpu.micros()), detail);
                    return JvmFacts.info(WorkController.APP, "reactor-netty", SpringBootVersion.getVersion(),
                            engineVersion == null ? "unknown" : engineVersion, requested, effective, counters);
                });
    }
}
