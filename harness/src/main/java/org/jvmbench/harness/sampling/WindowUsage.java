package org.jvmbench.harness.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.settings.CpuSet;

/**
 * The resources of one measured window, computed from raw samples by a pure function.
 * <p>
 * Which samples count is the edge rule of {@link WindowSelection}: only samples inside
 * {@code [startEpochMs, endEpochMs]}, so only intervals whose both ends fall in the window; a
 * window holding fewer than two samples widens to the samples around it ({@link #widened()}).
 * <p>
 * CPU means are total CPU time over total wall time of those intervals (a time-weighted mean);
 * peaks and series entries are per interval, i.e. one second at the default period. Other
 * processes' CPU is clamped at 0 per interval for peak and series, but its mean is taken from
 * the totals before clamping, so tick rounding noise does not bias it upwards. Memory means
 * are plain means over the selected samples.
 *
 * @param resources        the summary a point result carries
 * @param serverCpuCores   per interval, summed over server processes
 * @param serverRssBytes   at the end of each interval, summed over server processes
 * @param injectorCpuCores per interval, 0 where the injector was not alive at both ends
 * @param otherCpuCores    per interval, machine minus server minus injector, clamped at 0
 * @param perCpuBusyCores  mean busy share of cpu0, cpu1, ... (1.0 = that CPU never idle)
 * @param goneServerPids   server processes missing from at least one selected sample
 * @param injectorGone     the injector was missing from at least one selected sample
 * @param intervals        sampling intervals the figures come from
 * @param widened          fewer than two samples fell inside the window, so samples around it were used
 */
public record WindowUsage(
        ResourceUsage resources,
        List<Double> serverCpuCores,
        List<Long> serverRssBytes,
        List<Double> injectorCpuCores,
        List<Double> otherCpuCores,
        List<Double> perCpuBusyCores,
        List<Long> goneServerPids,
        boolean injectorGone,
        int intervals,
        boolean widened) {

    public WindowUsage {
        serverCpuCores = List.copyOf(serverCpuCores);
        serverRssBytes = List.copyOf(serverRssBytes);
        injectorCpuCores = List.copyOf(injectorCpuCores);
        otherCpuCores = List.copyOf(otherCpuCores);
        perCpuBusyCores = List.copyOf(perCpuBusyCores);
        goneServerPids = List.copyOf(goneServerPids);
    }

    /**
     * Summarises the samples of {@code [startEpochMs, endEpochMs]}, both from the injector's clock
     * (first request sent, last response received).
     *
     * @throws IllegalArgumentException if fewer than two samples exist around the window
     */
    public static WindowUsage of(List<Sample> samples, long startEpochMs, long endEpochMs) {
        return of(samples, startEpochMs, endEpochMs, null, null);
    }

    /**
     * As {@link #of(List, long, long)}, and judges other processes and steal on each CPU set
     * apart: what ran beside the server on the server's CPUs, and beside the injector on its own.
     *
     * @param serverCpus   the CPUs the servers are pinned to, or null when unpinned
     * @param injectorCpus the CPUs the injector is pinned to, or null when unpinned
     */
    public static WindowUsage of(List<Sample> samples, long startEpochMs, long endEpochMs,
                                 CpuSet serverCpus, CpuSet injectorCpus) {
        WindowSelection selection = WindowSelection.of(samples, startEpochMs, endEpochMs);
        List<Sample> selected = selection.samples();

        long wallNanos = 0;
        long serverCpuNanos = 0;
        long injectorCpuNanos = 0;
        long injectorWallNanos = 0;
        long machineBusyNanos = 0;
        long[] perCpuBusyNanos = new long[selected.getLast().machine().cpus()];
        List<Double> serverSeries = new ArrayList<>();
        List<Long> rssSeries = new ArrayList<>();
        List<Double> injectorSeries = new ArrayList<>();
        List<Double> otherSeries = new ArrayList<>();
        CpuSetShare onServerCpus = new CpuSetShare(serverCpus);
        CpuSetShare onInjectorCpus = new CpuSetShare(injectorCpus);
        for (int i = 1; i < selected.size(); i++) {
            Interval interval = Interval.between(selected.get(i - 1), selected.get(i));
            if (interval.wallNanos() <= 0) {
                continue;
            }
            wallNanos += interval.wallNanos();
            serverCpuNanos += interval.serverCpuNanos();
            injectorCpuNanos += interval.injectorCpuNanos();
            if (interval.injectorMeasured()) {
                injectorWallNanos += interval.wallNanos();
            }
            machineBusyNanos += interval.machineBusyNanos();
            for (int cpu = 0; cpu < Math.min(perCpuBusyNanos.length, interval.perCpuBusyNanos().size()); cpu++) {
                perCpuBusyNanos[cpu] += interval.perCpuBusyNanos().get(cpu);
            }
            serverSeries.add(interval.serverCores());
            rssSeries.add(serverSum(interval.end(), ProcessReading::rssBytes));
            injectorSeries.add(interval.injectorCores());
            otherSeries.add(interval.otherCores());
            onServerCpus.add(interval, interval.serverCpuNanos());
            onInjectorCpus.add(interval, interval.injectorCpuNanos());
        }

        long rssSum = 0;
        long rssPeak = 0;
        long pssSum = 0;
        boolean pssComplete = true;
        TreeSet<Long> goneServers = new TreeSet<>();
        boolean injectorGone = false;
        int injectorCpuCount = 0;
        for (Sample sample : selected) {
            long rss = serverSum(sample, ProcessReading::rssBytes);
            rssSum += rss;
            rssPeak = Math.max(rssPeak, rss);
            for (long pid : sample.targets().serverPids()) {
                ProcessReading reading = sample.processes().get(pid);
                if (reading == null) {
                    goneServers.add(pid);
                } else if (reading.pssBytes() == null) {
                    pssComplete = false;
                } else {
                    pssSum += reading.pssBytes();
                }
            }
            Long injectorPid = sample.targets().injectorPid();
            if (injectorPid != null) {
                ProcessReading injector = sample.processes().get(injectorPid);
                if (injector == null) {
                    injectorGone = true;
                } else {
                    injectorCpuCount = injector.allowedCpus();
                }
            }
        }

        List<Double> perCpuBusyCores = new ArrayList<>();
        for (long busy : perCpuBusyNanos) {
            perCpuBusyCores.add(ratio(busy, wallNanos));
        }
        ResourceUsage resources = ResourceUsage.builder().serverCpuCores(ratio(serverCpuNanos, wallNanos))
                .serverCpuCoresPeak(max(serverSeries)).serverRssBytes(Math.round((double) rssSum / selected.size()))
                .serverRssBytesPeak(rssPeak)
                .serverPssBytes(pssComplete ? Math.round((double) pssSum / selected.size()) : null)
                .serverThreads((int) serverSum(selected.getLast(), ProcessReading::threads))
                .injectorCpuCores(ratio(injectorCpuNanos, injectorWallNanos)).injectorCpus(injectorCpuCount)
                .otherCpuCores(Math.max(0, ratio(machineBusyNanos - serverCpuNanos - injectorCpuNanos, wallNanos)))
                .otherCpuCoresPeak(max(otherSeries)).serverCpusOther(onServerCpus.otherCores())
                .serverCpusOtherPeak(onServerCpus.otherPeak()).injectorCpusOther(onInjectorCpus.otherCores())
                .injectorCpusOtherPeak(onInjectorCpus.otherPeak()).serverCpusSteal(onServerCpus.stealCores())
                .injectorCpusSteal(onInjectorCpus.stealCores()).build();
        return new WindowUsage(resources, serverSeries, rssSeries, injectorSeries, otherSeries, perCpuBusyCores,
                List.copyOf(goneServers), injectorGone, serverSeries.size(), selection.widened());
    }

    /**
     * The per-second series of the point, with the requests per second the caller counted on the
     * client side (index k = second k of the window, like the others).
     */
    public Series series(Long startEpochSecond, List<Double> rps) {
        return new Series(startEpochSecond, List.copyOf(rps), serverCpuCores, serverRssBytes, injectorCpuCores, otherCpuCores);
    }

    /**
     * Other processes and steal on one CPU set, summed interval by interval: the set's busy time
     * with steal taken out, minus the pinned process's CPU, is what else ran there.
     */
    private static final class CpuSetShare {
        private final List<Integer> cpus;
        private long wallNanos;
        private long otherNanos;
        private long stealNanos;
        private double otherPeak;

        CpuSetShare(CpuSet set) {
            this.cpus = set == null ? null : set.cpus();
        }

        void add(Interval interval, long pinnedProcessNanos) {
            if (cpus == null) {
                return;
            }
            long other = interval.ownBusyNanos(cpus) - pinnedProcessNanos;
            wallNanos += interval.wallNanos();
            otherNanos += other;
            stealNanos += interval.stealNanos(cpus);
            otherPeak = Math.max(otherPeak, Math.max(0, interval.cores(other)));
        }

        Double otherCores() {
            return cpus == null ? null : Math.max(0, ratio(otherNanos, wallNanos));
        }

        Double otherPeak() {
            return cpus == null ? null : otherPeak;
        }

        Double stealCores() {
            return cpus == null ? null : ratio(stealNanos, wallNanos);
        }
    }

    private static long serverSum(Sample sample, java.util.function.ToLongFunction<ProcessReading> value) {
        long sum = 0;
        for (long pid : sample.targets().serverPids()) {
            ProcessReading reading = sample.processes().get(pid);
            if (reading != null) {
                sum += value.applyAsLong(reading);
            }
        }
        return sum;
    }

    private static double ratio(long nanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : (double) nanos / wallNanos;
    }

    private static double max(List<Double> values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
