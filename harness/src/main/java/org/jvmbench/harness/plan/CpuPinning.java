package org.jvmbench.harness.plan;

import java.util.List;
import org.jvmbench.harness.settings.CpuSet;

/**
 * Which CPUs the servers and the load injector are pinned to. Never overlapping: a shared
 * CPU would make the client's work show up as the server's latency. In a sweep file either
 * may be left out (it takes the rest of the machine); in a resolved sweep both are set.
 */
public record CpuPinning(CpuSet server, CpuSet injector) {

    public CpuPinning {
        if (server != null && injector != null) {
            List<Integer> shared = server.cpus().stream().filter(injector.cpus()::contains).toList();
            if (!shared.isEmpty()) {
                throw SettingException.record("server CPUs " + server + " and injector CPUs " + injector + " overlap on "
                        + (shared.size() == 1 ? "CPU " : "CPUs ") + new CpuSet(shared)
                        + ": the injector's work would count against the server");
            }
        }
    }
}
