package org.jvmbench.harness.sampling;

import java.util.Map;

/**
 * One timestamped reading of the targets and the machine.
 *
 * @param monotonicNanos {@link System#nanoTime()}: rates divide by differences of this, immune to clock steps
 * @param epochMs        wall clock, to place the sample against the injector's measured window
 * @param targets        which pids were servers and injector when the sample was taken
 * @param processes      readings of the targets alive at that moment, by pid; a missing target is gone
 * @param machine        machine-wide CPU counters
 */
public record Sample(
        long monotonicNanos,
        long epochMs,
        Targets targets,
        Map<Long, ProcessReading> processes,
        MachineReading machine) {

    public Sample {
        processes = Map.copyOf(processes);
    }

    public boolean alive(long pid) {
        return processes.containsKey(pid);
    }
}
