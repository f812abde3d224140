package org.jvmbench.harness.report;

import java.util.Comparator;
import java.util.List;
import org.jvmbench.harness.plan.Slo;

/**
 * Stands in for the capacity-at-SLO rule of issue 9 until that rule lands in trust: walks the
 * rates from the lowest and stops at the first whose percentile exceeds the target (or was not
 * measured: a rate the server could not be measured at is past any target). Latency is not
 * assumed to be monotone in the rate, so a rate within the target after a broken one does not
 * count; a flagged rate counts, and its row carries the flag.
 */
final class ProvisionalSloCapacity implements SloCapacityRule {

    @Override
    public Capacity capacity(List<RatePoint> points, Slo slo) {
        List<RatePoint> sorted = points.stream().sorted(Comparator.comparingDouble(RatePoint::offeredRps)).toList();
        if (sorted.stream().allMatch(p -> p.percentileMicros() == null)) {
            return new Capacity(Outcome.NOT_MEASURED, null, null);
        }
        long targetMicros = slo.latency().toNanos() / 1000;
        RatePoint last = null;
        for (RatePoint p : sorted) {
            if (p.percentileMicros() == null || p.percentileMicros() > targetMicros) {
                return new Capacity(last == null ? Outcome.NEVER_MET : Outcome.MET_UP_TO, last, p);
            }
            last = p;
        }
        return new Capacity(Outcome.MET_AT_EVERY_RATE, last, null);
    }
}
