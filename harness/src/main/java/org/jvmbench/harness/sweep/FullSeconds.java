package org.jvmbench.harness.sweep;

import java.util.ArrayList;
import java.util.List;
import org.jvmbench.harness.trust.SettleRule;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * The whole wall-clock seconds of a phase: the injector's per-second counts (on wall-clock
 * seconds) without the partial first and last second, each with its epoch second, so they line
 * up with the sampler's seconds and with other phases.
 *
 * @param firstEpochSecond the epoch second of {@code counts[0]}
 * @param counts           requests completed in each whole second
 */
record FullSeconds(long firstEpochSecond, List<Long> counts) {

    FullSeconds {
        counts = List.copyOf(counts);
    }

    /**
     * The injector counts per wall-clock second and says how much of the first and the last
     * second its window covered: an edge second counts only when the window covered all of it.
     */
    static FullSeconds of(PhaseResult phase) {
        List<Long> perSecond = phase.perSecond();
        long first = phase.perSecondStartEpochSecond();
        if (perSecond.isEmpty()) {
            return new FullSeconds(first, List.of());
        }
        int from = phase.firstSecondCoveredMs() >= 1000 ? 0 : 1;
        int to = phase.lastSecondCoveredMs() >= 1000 ? perSecond.size() : perSecond.size() - 1;
        if (to <= from) {
            return new FullSeconds(first + from, List.of());
        }
        return new FullSeconds(first + from, perSecond.subList(from, to));
    }

    List<SettleRule.Second> seconds() {
        List<SettleRule.Second> seconds = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            seconds.add(new SettleRule.Second(firstEpochSecond + i, counts.get(i)));
        }
        return seconds;
    }

    List<Double> asDoubles() {
        return counts.stream().map(Long::doubleValue).toList();
    }
}
