package org.jvmbench.harness.plan;

import org.jvmbench.harness.server.CpuSet;

/**
 * Which CPUs the servers and the load injector are pinned to. Never overlapping: a shared
 * CPU would make the client's work show up as the server's latency.
 */
public record CpuPinning(CpuSet server, CpuSet injector) {
}
