package org.jvmbench.harness.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened between two consecutive samples. A process counts only if it was the same
 * target, alive, at both ends: a process that exited (or started) in between contributes
 * nothing to that interval rather than a made-up delta.
 *
 * @param wallNanos        monotonic time between the samples
 * @param serverCpuNanos   CPU time of the servers, summed
 * @param injectorCpuNanos CPU time of the injector, 0 if it was not measured at both ends
 * @param injectorMeasured whether the injector was alive at both ends
 * @param machineBusyNanos busy time of all CPUs
 * @param perCpuBusyNanos  busy time of each CPU (steal included)
 * @param perCpuStealNanos steal time of each CPU
 * @param end              the later sample
 */
record Interval(
        long wallNanos,
        long serverCpuNanos,
        long injectorCpuNanos,
        boolean injectorMeasured,
        long machineBusyNanos,
        List<Long> perCpuBusyNanos,
        List<Long> perCpuStealNanos,
        Sample end) {

    static Interval between(Sample from, Sample to) {
        long server = 0;
        for (long pid : to.targets().serverPids()) {
            if (from.targets().serverPids().contains(pid)) {
                server += cpuDelta(from, to, pid);
            }
        }
        Long injectorPid = to.targets().injectorPid();
        boolean injectorMeasured = injectorPid != null
                && injectorPid.equals(from.targets().injectorPid())
                && from.alive(injectorPid) && to.alive(injectorPid);
        long injector = injectorMeasured ? cpuDelta(from, to, injectorPid) : 0;
        List<Long> fromCpus = from.machine().perCpuBusyNanos();
        List<Long> toCpus = to.machine().perCpuBusyNanos();
        List<Long> perCpu = new ArrayList<>();
        for (int cpu = 0; cpu < Math.min(fromCpus.size(), toCpus.size()); cpu++) {
            perCpu.add(toCpus.get(cpu) - fromCpus.get(cpu));
        }
        List<Long> fromSteal = from.machine().perCpuStealNanos();
        List<Long> toSteal = to.machine().perCpuStealNanos();
        List<Long> perCpuSteal = new ArrayList<>();
        for (int cpu = 0; cpu < Math.min(fromSteal.size(), toSteal.size()); cpu++) {
            perCpuSteal.add(Math.max(0, toSteal.get(cpu) - fromSteal.get(cpu)));
        }
        return new Interval(
                to.monotonicNanos() - from.monotonicNanos(),
                server,
                injector,
                injectorMeasured,
                to.machine().busyNanos() - from.machine().busyNanos(),
                List.copyOf(perCpu),
                List.copyOf(perCpuSteal),
                to);
    }

    /** 0 unless alive at both ends; a negative delta means the pid was reused by a new process, also 0. */
    private static long cpuDelta(Sample from, Sample to, long pid) {
        ProcessReading before = from.processes().get(pid);
        ProcessReading after = to.processes().get(pid);
        if (before == null || after == null) {
            return 0;
        }
        return Math.max(0, after.cpuNanos() - before.cpuNanos());
    }

    double serverCores() {
        return cores(serverCpuNanos);
    }

    double injectorCores() {
        return cores(injectorCpuNanos);
    }

    double machineCores() {
        return cores(machineBusyNanos);
    }

    /** Machine minus server minus injector, clamped at 0: tick rounding can make it slightly negative. */
    double otherCores() {
        return Math.max(0, cores(machineBusyNanos - serverCpuNanos - injectorCpuNanos));
    }

    /** Busy time of the given CPUs with steal taken out: what processes on this machine ran there. */
    long ownBusyNanos(List<Integer> cpus) {
        long sum = 0;
        for (int cpu : cpus) {
            if (cpu < perCpuBusyNanos.size()) {
                sum += perCpuBusyNanos.get(cpu) - (cpu < perCpuStealNanos.size() ? perCpuStealNanos.get(cpu) : 0);
            }
        }
        return sum;
    }

    long stealNanos(List<Integer> cpus) {
        long sum = 0;
        for (int cpu : cpus) {
            if (cpu < perCpuStealNanos.size()) {
                sum += perCpuStealNanos.get(cpu);
            }
        }
        return sum;
    }

    double cores(long cpuNanos) {
        return wallNanos <= 0 ? 0 : (double) cpuNanos / wallNanos;
    }
}
