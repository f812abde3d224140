package org.jvmbench.servlet.web;

import org.jvmbench.common.BadParameterException;
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
import org.jvmbench.servlet.split.CpuSplitExecutors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work endpoints, thread-per-request style: every wait blocks the request's thread.
 * Parameters arrive as raw strings and are parsed by common code, so both apps reject the
 * same inputs with the same bytes; a request is counted before parsing, 400s included. Every
 * work request that parsed burns the extra CPU time, if any, on its own thread before its work.
 */
@RestController
class WorkController {

    static final String APP = "servlet";

    private final RequestCounters counters;
    private final CpuSplitExecutors splitExecutors;
    private final ExtraCpu extraCpu;

    WorkController(RequestCounters counters, CpuSplitExecutors splitExecutors, ExtraCpu extraCpu) {
        this.counters = counters;
        this.splitExecutors = splitExecutors;
        this.extraCpu = extraCpu;
    }

    @GetMapping(Endpoint.Path.JSON)
    JsonDocument json(@RequestParam(name = "items", required = false) String items) {
        counters.count(Endpoint.JSON);
        int count = Parameters.ITEMS.parse(items);
        extraCpu.burn();
        return JsonDocument.generate(count);
    }

    @GetMapping(Endpoint.Path.IO)
    IoBody io(@RequestParam(name = "ms", required = false) String ms,
              @RequestParam(name = IoMode.PARAMETER, required = false) String mode) throws InterruptedException {
        counters.count(Endpoint.IO);
        int waitMs = Parameters.MS.parse(ms);
        IoMode ioMode = IoMode.parse(mode);
        if (ioMode == IoMode.OFFLOAD) {
            throw new BadParameterException(IoMode.PARAMETER,
                    "offload is not applicable on the servlet app: its handlers already block their own thread");
        }
        extraCpu.burn();
        Thread.sleep(waitMs);
        return IoBody.of(waitMs, ioMode, APP);
    }

    @GetMapping(Endpoint.Path.CPU)
    CpuBody cpu(@RequestParam(name = "n", required = false) String n,
                @RequestParam(name = "split", required = false) String split) {
        counters.count(Endpoint.CPU);
        int units = Parameters.N.parse(n);
        int tasks = Parameters.SPLIT.parse(split);
        extraCpu.burn();
        long result = CpuWork.runSplit(units, tasks, splitExecutors.forCurrentRequest());
        return CpuBody.of(units, tasks, result, APP);
    }

    @GetMapping(Endpoint.Path.MIXED)
    MixedBody mixed() throws InterruptedException {
        counters.count(Endpoint.MIXED);
        extraCpu.burn();
        Thread.sleep(Parameters.MIXED_WAIT_MS);
        return MixedBody.afterWait(APP);
    }
}
