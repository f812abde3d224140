package org.jvmbench.harness.result;

/**
 * Secondary results: what serving the load cost, sampled from {@code /proc} once a second
 * over the measured window. Server figures are summed over all server processes.
 *
 * @param serverCpuCores     mean cores used by the server (1.0 = one core fully busy)
 * @param serverCpuCoresPeak highest one-second value
 * @param serverRssBytes     mean resident set size
 * @param serverRssBytesPeak highest sample
 * @param serverPssBytes     mean proportional set size (shared pages split between processes), or null
 * @param serverThreads      live threads at the end of the window
 * @param injectorCpuCores   mean cores used by the Gatling JVM
 * @param injectorCpus       CPUs the injector is pinned to (its ceiling)
 * @param otherCpuCores      machine CPU minus server and injector: other processes' share
 * @param otherCpuCoresPeak  highest one-second value of it
 * @param serverCpusOther    other processes' cores on the server's CPUs: busy (steal excluded) minus the server
 * @param serverCpusOtherPeak highest one-second value of it
 * @param injectorCpusOther  other processes' cores on the injector's CPUs: busy (steal excluded) minus the injector
 * @param injectorCpusOtherPeak highest one-second value of it
 * @param serverCpusSteal    cores the hypervisor gave to someone else while the server's CPUs wanted them
 * @param injectorCpusSteal  the same on the injector's CPUs
 */
public record ResourceUsage(
        double serverCpuCores,
        double serverCpuCoresPeak,
        long serverRssBytes,
        long serverRssBytesPeak,
        Long serverPssBytes,
        int serverThreads,
        double injectorCpuCores,
        int injectorCpus,
        double otherCpuCores,
        double otherCpuCoresPeak,
        Double serverCpusOther,
        Double serverCpusOtherPeak,
        Double injectorCpusOther,
        Double injectorCpusOtherPeak,
        Double serverCpusSteal,
        Double injectorCpusSteal) {
}
