package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.WarmUp;

/**
 * The warm-up a point's configuration needed on its endpoint before the point, over its forks
 * (each a fresh JVM with its own warm-up): how long until the server settled, how many
 * requests that took, the time from the JVM's start to then (time to peak), and whether it
 * settled at all or reached the cap.
 *
 * @param forks             forks that recorded their warm-up
 * @param settledForks      of those, the ones whose warm-up settled before the cap
 * @param seconds           warm-up wall time, median (min–max) over the forks
 * @param requests          requests completed in the warm-up
 * @param sinceStartSeconds JVM start to the end of the warm-up: the time to peak
 * @param users             the warm-up's closed-model users
 * @param verdict           the settle rule's figures at the end: of the first fork that did not settle, else of the first
 */
record WarmUpFigures(int forks, int settledForks, Spread seconds, Spread requests, Spread sinceStartSeconds, int users,
                     String verdict) {

    /** Null when no repetition recorded a warm-up. */
    static WarmUpFigures of(List<PointResult> repetitions) {
        Map<Integer, WarmUp> byFork = new LinkedHashMap<>();
        for (PointResult r : repetitions) {
            if (r.warmUp() != null) {
                byFork.putIfAbsent(r.repetition(), r.warmUp());
            }
        }
        return ofWarmUps(new ArrayList<>(byFork.values()));
    }

    /** Over one warm-up per fork; null when there is none. */
    static WarmUpFigures ofWarmUps(List<WarmUp> all) {
        if (all.isEmpty()) {
            return null;
        }
        int settled = (int) all.stream().filter(WarmUp::settled).count();
        String verdict = all.stream().filter(w -> !w.settled()).map(WarmUp::verdict).findFirst()
                .orElse(all.getFirst().verdict());
        return new WarmUpFigures(all.size(), settled,
                Spread.of(all.stream().map(w -> w.seconds()).toList()),
                Spread.of(all.stream().map(w -> (double) w.requests()).toList()),
                Spread.of(all.stream().map(w -> w.sinceStartSeconds()).toList()),
                all.getFirst().users(), verdict);
    }

    boolean allSettled() {
        return settledForks == forks;
    }

    /** {@code 42 s} or {@code 240 s, not settled} (over several forks: median and range, and how many settled). */
    String text() {
        String time = MarkdownSummary.spread(seconds, Units::seconds) + " s";
        if (allSettled()) {
            return time;
        }
        return time + (forks == 1 ? ", not settled" : ", " + settledForks + " of " + forks + " settled");
    }

    /** {@code yes}, or how many settled and the rule's figures where one did not. */
    String settledText() {
        return allSettled() ? "yes" : (forks == 1 ? "no" : settledForks + " of " + forks) + ": " + verdict;
    }
}
