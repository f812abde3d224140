package org.jvmbench.harness.result;

/**
 * One injector's part of a point driven from several hosts, kept beside the merged figures:
 * its own count, its CPU, and when it started. The merged throughput and latency are the
 * point's; these say whether each injector pulled its weight.
 *
 * @param host        {@code user@host:port} of its host
 * @param load        its share of the point's load: users (closed) or connections (open)
 * @param requests    requests it completed, ok and ko
 * @param ok          of which answered OK
 * @param ko          of which failed
 * @param cpuCores    mean cores its JVM used over its window (1.0 = one core fully busy), null when unread
 * @param cpus        CPUs it may run on: its ceiling
 * @param startLagMs  its first request after the earliest injector's, on the coordinator's clock
 *                    (each host's measured offset taken out)
 * @param failure     why it has no result, or null
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record InjectorShare(String host, int load, long requests, long ok, long ko, Double cpuCores, int cpus, long startLagMs,
                            String failure) {

    /** Cores used over cores allowed: near 1, the injector, not the server, may have been the limit. */
    public Double saturation() {
        return cpus > 0 && cpuCores != null ? cpuCores / cpus : null;
    }
}
