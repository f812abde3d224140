package org.jvmbench.harness.sweep;

import org.jvmbench.harness.plan.Paired;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.plan.Load;
import org.jvmbench.harness.plan.ServerEntry;
import org.jvmbench.harness.plan.Sweep;

/**
 * A ready sweep cut down to what proves that every kind of server it names runs: entries that
 * differ only in thread counts or tuning are one kind, and the first of each kind keeps the
 * first value of every axis (processes keeps its first two, so one JVM and several are both
 * started, the fewest several: eight JVMs on one CPU take most of a minute to start), its first endpoint, and its heaviest closed load or its lowest open rate.
 * Running every ready sweep whole takes well over an hour on a 2-CPU machine (each fork warms
 * and probes its server); a sample starts every kind of server the sweeps name in minutes.
 */
final class SmokeSample {

    private SmokeSample() {
    }

    /** {@code resolved} with each entry narrowed, everything else of the sweep kept. */
    static Sweep of(Sweep resolved) {
        Map<List<Object>, ServerEntry> kinds = new LinkedHashMap<>();
        for (ServerEntry e : resolved.servers()) {
            kinds.putIfAbsent(kind(e), e);
        }
        List<ServerEntry> entries = new java.util.ArrayList<>(kinds.values().stream().map(SmokeSample::narrowed).toList());
        if (resolved.inRounds() && entries.size() < 2) {
            // a paired sweep compares: its sample keeps a second configuration to pair the first with
            ServerEntry e = resolved.servers().getFirst();
            if (e.threads() != null && e.threads().size() > 1) {
                entries.set(0, withThreads(entries.getFirst(), firstTwo(e.threads())));
            } else if (resolved.servers().size() > 1) {
                entries.add(narrowed(resolved.servers().get(1)));
            }
        }
        // the fewest rounds and the shortest slice that still give an interval: seconds, not minutes, per point
        Paired quick = resolved.inRounds()
                ? new Paired(3, java.time.Duration.ofSeconds(3), resolved.paired().seed(), resolved.paired().maxAlive()) : null;
        return resolved.toBuilder().paired(quick).load(null).servers(entries).build();
    }

    /** What starts a different kind of server: app, engine, jar, thread kind, several JVMs, the AOT cache, open load. */
    static List<Object> kind(ServerEntry e) {
        return Arrays.asList(head(e.apps()), head(e.engines()), e.jar(), head(e.virtualThreads()),
                e.processes() != null && e.processes().stream().anyMatch(p -> p > 1), head(e.aotCache()), e.load().rates() != null);
    }

    private static <T> T head(List<T> axis) {
        return axis == null || axis.isEmpty() ? null : axis.getFirst();
    }

    private static ServerEntry narrowed(ServerEntry e) {
        return e.toBuilder().apps(first(e.apps())).engines(first(e.engines())).workers(first(e.workers()))
                .threads(first(e.threads())).virtualThreads(first(e.virtualThreads())).processes(firstTwo(e.processes()))
                .tuning(firstOfEach(e.tuning())).aotCache(first(e.aotCache())).load(narrowed(e.load())).build();
    }

    private static ServerEntry withThreads(ServerEntry e, List<Integer> threads) {
        return e.toBuilder().threads(threads).build();
    }

    private static Map<String, List<Object>> firstOfEach(Map<String, List<Object>> axes) {
        Map<String, List<Object>> first = new LinkedHashMap<>();
        axes.forEach((key, values) -> first.put(key, first(values)));
        return first;
    }

    private static Load narrowed(Load load) {
        return new Load(first(load.endpoints()), last(load.concurrency()), first(load.rates()), load.connections());
    }

    /** A one-value axis; a null element ({@code default}) is kept, which List.of would refuse. */
    private static <T> List<T> first(List<T> axis) {
        return axis == null || axis.isEmpty() ? axis : Collections.singletonList(axis.getFirst());
    }

    private static <T> List<T> last(List<T> axis) {
        return axis == null || axis.isEmpty() ? axis : Collections.singletonList(axis.getLast());
    }

    private static <T> List<T> firstTwo(List<T> axis) {
        return axis == null || axis.size() < 2 ? axis : List.copyOf(axis.subList(0, 2));
    }
}
