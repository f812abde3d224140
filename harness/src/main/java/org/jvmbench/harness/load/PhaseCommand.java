package org.jvmbench.harness.load;

import java.util.List;

/**
 * One Gatling run inside the injector JVM: a line of JSON on its stdin. The injector
 * writes {@code out} (atomically) when the run is over.
 *
 * @param paths     user i requests {@code paths[i % n]}: one path for a point, several for a warm-up
 * @param report    whether Gatling writes its HTML report (not for warm-ups)
 * @param log       where the run's console goes (Gatling's progress and summary), so each point keeps its own
 */
public record PhaseCommand(
        String id,
        List<String> baseUrls,
        List<String> paths,
        int users,
        long durationMs,
        long requestTimeoutMs,
        String resultsDir,
        String out,
        boolean report,
        String log) {
}
