package org.jvmbench.harness.sweep;

import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Planner;
import org.jvmbench.harness.plan.SweepFileException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jvmbench.harness.environment.MachineCache;
import org.jvmbench.harness.plan.Sweep;

/**
 * One file of {@code sweeps/} as {@code ./bench sweeps} lists it: what it asks, how big it is
 * and how long it takes as written, or why it cannot run.
 *
 * @param name     the name {@code ./bench sweep NAME} takes
 * @param question the first line of its question, without the {@code Question:} label; empty if it has none
 * @param points   points of its plan, 0 when it does not read
 * @param estimate the ETA the runner would show at its start on this machine ({@link Eta}), zero when it does not read
 * @param problem  the one-line reason it does not read, or null
 */
public record ReadySweep(String name, String question, int points, Duration estimate, String problem) {

    private static final String LABEL = "Question:";

    /**
     * Every sweep in {@code sweepsDir}, sorted by name; a broken file is listed with its problem, not thrown.
     *
     * @param caches this machine's cache for a sweep's pinning, or null where there is none
     */
    public static List<ReadySweep> list(Path sweepsDir, int machineCpus, Function<Sweep, MachineCache> caches) {
        return Planner.available(sweepsDir).stream().map(name -> of(sweepsDir, name, machineCpus, caches)).toList();
    }

    private static ReadySweep of(Path sweepsDir, String name, int machineCpus, Function<Sweep, MachineCache> caches) {
        Path file = sweepsDir.resolve(name + ".yaml");
        try {
            Plan plan = Planner.plan(file, org.jvmbench.harness.plan.Overrides.NONE, machineCpus);
            String first = plan.sweep().question().lines().findFirst().orElse("").strip();
            if (first.startsWith(LABEL)) {
                first = first.substring(LABEL.length()).strip();
            }
            return new ReadySweep(name, first, plan.pointCount(), Eta.of(plan, caches.apply(plan.sweep())), null);
        } catch (SweepFileException e) {
            return new ReadySweep(name, "", 0, Duration.ZERO, e.getMessage());
        }
    }
}
