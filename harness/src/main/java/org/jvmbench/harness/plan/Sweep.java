package org.jvmbench.harness.plan;

import java.time.Duration;
import java.util.List;

/**
 * A sweep with every default filled in and command-line overrides applied: exactly what
 * runs, and what {@code reports/<run>/sweep.json} records so {@code --resume} can rebuild the
 * same plan. {@link SweepReader} builds it from a file, {@link SweepWriter} writes it back in
 * the same schema.
 *
 * @param name           file-name-safe name, the sweep file's name unless the file says otherwise
 * @param question       the question the sweep answers: the file's leading comment lines
 * @param description    free text, may be empty
 * @param duration       measured time of each point
 * @param warmup         load before the first point of each server run, excluded from results
 * @param repeat         each server configuration runs this many times, each on fresh JVMs
 * @param heap           server -Xms and -Xmx, e.g. {@code 512m}
 * @param gc             server collector
 * @param starvation     servlet only: every server runs in the apps' starvation mode, where
 *                       {@code /cpu?split=k} waits on subtasks queued on its own pool; a setting
 *                       of the whole sweep, like the heap, so not part of a point's key
 * @param requestTimeout a request unanswered by then is a KO of kind timeout
 * @param injectorHeap   heap of the Gatling JVM
 * @param cpus           where servers and injector are pinned
 * @param jvmArgs        extra server JVM arguments, appended last
 * @param servers        the server entries, in the order their configurations run
 */
public record Sweep(
        String name,
        String question,
        String description,
        Duration duration,
        Duration warmup,
        int repeat,
        String heap,
        Gc gc,
        boolean starvation,
        Duration requestTimeout,
        String injectorHeap,
        CpuPinning cpus,
        List<String> jvmArgs,
        List<ServerEntry> servers) {

    public Sweep {
        jvmArgs = List.copyOf(jvmArgs);
        servers = List.copyOf(servers);
    }

    /** This sweep with the command line's duration, warm-up and repeat in place of its own. */
    public Sweep withOverrides(Overrides overrides) {
        return new Sweep(name, question, description,
                overrides.duration() != null ? overrides.duration() : duration,
                overrides.warmup() != null ? overrides.warmup() : warmup,
                overrides.repeat() != null ? overrides.repeat() : repeat,
                heap, gc, starvation, requestTimeout, injectorHeap, cpus, jvmArgs, servers);
    }
}
