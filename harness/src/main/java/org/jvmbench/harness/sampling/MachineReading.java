package org.jvmbench.harness.sampling;

import java.util.List;

/**
 * One reading of the whole machine's CPU counters from {@code /proc/stat}, cumulative since boot.
 * "Busy" is user + nice + system + irq + softirq + steal: idle and iowait are not work, and
 * guest time is left out because the kernel already counts it in user (guest_nice in nice).
 * Steal stays in: time the hypervisor gave to someone else is time our processes did not get,
 * which is exactly what the noisy-neighbour check looks for.
 *
 * @param busyNanos        busy time summed over all CPUs
 * @param perCpuBusyNanos  busy time of cpu0, cpu1, ... in that order
 * @param perCpuStealNanos the steal part of it, per CPU: judged on its own, since it is the
 *                         hypervisor's doing, not another process's on this machine
 */
public record MachineReading(long busyNanos, List<Long> perCpuBusyNanos, List<Long> perCpuStealNanos) {

    public MachineReading {
        perCpuBusyNanos = List.copyOf(perCpuBusyNanos);
        perCpuStealNanos = List.copyOf(perCpuStealNanos);
    }

    /** CPUs the kernel reports (online ones: one {@code cpuN} line each). */
    public int cpus() {
        return perCpuBusyNanos.size();
    }
}
