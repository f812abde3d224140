package org.jvmbench.reactive.web;

import java.time.Duration;
import java.util.List;
import org.jvmbench.common.CpuBody;
import org.jvmbench.common.CpuWork;
import org.jvmbench.common.Endpoint;
import org.jvmbench.common.ExtraCpu;
import org.jvmbench.common.IoBody;
import org.jvmbench.common.IoMode;
import org.jvmbench.common.JsonDocument;
import org.jvmbench.common.MixedBody;
import org.jvmbench.common.Parameters;
import org.jvmbench.common.RequestCounters;
import org.jvmbench.common.UnitRange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The work endpoints, event-loop style: nothing here blocks an event loop. Waits are timers
 * (Mono.delay fires on Schedulers.parallel()) and split CPU work joins without blocking.
 * Parameters are parsed by common code on the event loop before any work is scheduled, so
 * bad ones fail exactly as on the servlet app; a request is counted before parsing. Every work
 * request that parsed burns the extra CPU time, if any, in its handler: on the event loop that
 * took it, as the servlet app burns it on its request thread.
 */
@RestController
class WorkController {

    static final String APP = "reactive";

    private final RequestCounters counters;
    private final ExtraCpu extraCpu;

    WorkController(RequestCounters counters, ExtraCpu extraCpu) {
        this.counters = counters;
        this.extraCpu = extraCpu;
    }

    @GetMapping(Endpoint.Path.JSON)
    Mono<JsonDocument> json(@RequestParam(name = "items", required = false) String items) {
        counters.count(Endpoint.JSON);
        int count = Parameters.ITEMS.parse(items);
        extraCpu.burn();
        return Mono.fromSupplier(() -> JsonDocument.generate(count));
    }

    @GetMapping(Endpoint.Path.IO)
    Mono<IoBody> io(@RequestParam(name = "ms", required = false) String ms,
                    @RequestParam(name = IoMode.PARAMETER, required = false) String mode) {
        counters.count(Endpoint.IO);
        int waitMs = Parameters.MS.parse(ms);
        IoMode ioMode = IoMode.parse(mode);
        extraCpu.burn();
        return switch (ioMode) {
            case WAIT -> Mono.delay(Duration.ofMillis(waitMs)).map(tick -> IoBody.of(waitMs, ioMode, APP));
            // The common mistake, kept on purpose: a blocking sleep moved to a bounded pool.
            case OFFLOAD -> Mono.fromCallable(() -> {
                        Thread.sleep(waitMs);
                        return IoBody.of(waitMs, ioMode, APP);
                    })
                    .subscribeOn(Schedulers.boundedElastic());
        };
    }

    /**
     * With split=1 the work runs on the event loop, as a plain reactive handler's computation
     * would (the servlet app likewise runs it on the request thread). With split>1 the tasks
     * run on Schedulers.parallel() and their sums are reduced as they arrive.
     */
    @GetMapping(Endpoint.Path.CPU)
    Mono<CpuBody> cpu(@RequestParam(name = "n", required = false) String n,
                      @RequestParam(name = "split", required = false) String split) {
        counters.count(Endpoint.CPU);
        int units = Parameters.N.parse(n);
        int tasks = Parameters.SPLIT.parse(split);
        List<UnitRange> ranges = UnitRange.partition(units, tasks);
        extraCpu.burn();
        if (ranges.size() == 1) {
            return Mono.fromSupplier(() -> CpuBody.of(units, tasks, CpuWork.run(ranges.getFirst()), APP));
        }
        return Flux.fromIterable(ranges)
                .parallel(ranges.size())
                .runOn(Schedulers.parallel())
                .map(CpuWork::run)
                .reduce(CpuWork::combine)
                .map(result -> CpuBody.of(units, tasks, result, APP));
    }

    @GetMapping(Endpoint.Path.MIXED)
    Mono<MixedBody> mixed() {
        counters.count(Endpoint.MIXED);
        extraCpu.burn();
        return Mono.delay(Duration.ofMillis(Parameters.MIXED_WAIT_MS)).map(tick -> MixedBody.afterWait(APP));
    }
}
