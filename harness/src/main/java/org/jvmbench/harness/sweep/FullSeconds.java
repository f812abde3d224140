package org.jvmbench.harness.sweep;

import java.util.ArrayList;
import java.util.List;
import org.jvmbench.harness.trust.SettleRule;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * The whole wall-clock seconds of a phase: the injector's per-second counts without the
 * partial first and last second, each with its epoch second, so they line up with the
 * sampler's seconds and with other phases.
 *
 * @param firstEpochSecond the epoch second of {@code counts[0]}
 * @param counts           requests completed in each whole second
 */
record FullSeconds(long firstEpochSecond, List<Long> counts) {

    FullSeconds {
        counts = List.copyOf(counts);
    }

    static FullSeconds of(PhaseResult phase) {
        List<Long> perSecond = phase.perSecond();
        if (perSecond.size() < 3) {
            return new FullSeconds(Math.floorDiv(phase.windowStartEpochMs(), 1000) + 1, List.of());
        }
        return new FullSeconds(Math.floorDiv(phase.windowStartEpochMs(), 1000) + 1, perSecond.subList(1, perSecond.size() - 1));
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
