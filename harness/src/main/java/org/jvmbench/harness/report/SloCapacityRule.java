package org.jvmbench.harness.report;

import java.util.List;
import org.jvmbench.harness.plan.Slo;

/**
 * How the report finds a configuration's capacity at an SLO from its open points: the highest
 * offered rate whose latency percentile (from intended send time) stays within the target. The
 * report only needs this much; the rule itself belongs with the other rules of trust
 * (issue 9), and until it is there {@link ProvisionalSloCapacity} stands in. An adapter from
 * that record to this interface is all the report needs to follow it.
 */
interface SloCapacityRule {

    /**
     * @param points one configuration's open points on one endpoint, any order
     * @param slo    the sweep's target
     */
    Capacity capacity(List<RatePoint> points, Slo slo);

    /**
     * One offered rate of a configuration.
     *
     * @param id               the point's id, to link its row
     * @param offeredRps       requests due per second
     * @param percentileMicros the SLO's percentile of the latency from intended send time, null when not measured
     * @param flagged          the point carries a flag: the capacity row says so
     */
    record RatePoint(String id, double offeredRps, Long percentileMicros, boolean flagged) {
    }

    /**
     * @param outcome what the rule found
     * @param at      the highest rate within the target (for {@link Outcome#MET_AT_EVERY_RATE}: the
     *                highest rate offered, so the capacity is at least that), null otherwise
     * @param brokenAt the first rate past the target, or null when none was
     */
    record Capacity(Outcome outcome, RatePoint at, RatePoint brokenAt) {
    }

    enum Outcome {
        /** Within the target up to a rate, past it at the next. */
        MET_UP_TO("met up to"),
        /** Within the target at every rate offered: the capacity is at least the highest. */
        MET_AT_EVERY_RATE("met at every rate (at least)"),
        /** Past the target already at the lowest rate offered. */
        NEVER_MET("never met"),
        /** No point had the percentile. */
        NOT_MEASURED("not measured");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }
}
