package org.jvmbench.harness.report;

import java.util.List;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Stability;

/**
 * How steady a point's measured windows were, as a table shows it: over several runs the worst
 * repetition's figure of each (a point is only as steady as its least steady repetition), so a clean-looking
 * median cannot hide one drifting repetition.
 *
 * @param repetitions   repetitions that recorded their steadiness
 * @param rpsCv         the largest coefficient of variation of a repetition's full seconds
 * @param trend         the repetition trend furthest from zero (last third against first third of the window)
 * @param jitMs         the most compilation time inside a repetition's window, null when no repetition knew it
 * @param gcMs          the most collection time inside a repetition's window
 * @param gcCount       the most collections inside a repetition's window
 * @param stalledSeconds the most seconds without a completed request while requests waited
 * @param fullSeconds   the fewest full seconds a repetition's window had
 */
record StabilityFigures(int repetitions, double rpsCv, double trend, Long jitMs, long gcMs, long gcCount, int stalledSeconds,
                        int fullSeconds) {

    /** Null when no repetition recorded its steadiness (results written before it was measured). */
    static StabilityFigures of(List<PointResult> repetitions) {
        List<Stability> all = repetitions.stream().filter(PointResult::measured).map(PointResult::stability)
                .filter(s -> s != null).toList();
        if (all.isEmpty()) {
            return null;
        }
        double cv = 0;
        double trend = 0;
        Long jit = null;
        long gc = 0;
        long gcCount = 0;
        int stalled = 0;
        int seconds = Integer.MAX_VALUE;
        for (Stability s : all) {
            cv = Math.max(cv, s.rpsCv());
            if (Math.abs(s.trend()) > Math.abs(trend)) {
                trend = s.trend();
            }
            if (s.jitMs() >= 0) {
                jit = jit == null ? s.jitMs() : Math.max(jit, s.jitMs());
            }
            gc = Math.max(gc, s.gcMs());
            gcCount = Math.max(gcCount, s.gcCount());
            stalled = Math.max(stalled, s.stalledSeconds());
            seconds = Math.min(seconds, s.fullSeconds());
        }
        return new StabilityFigures(all.size(), cv, trend, jit, gc, gcCount, stalled, seconds);
    }

    /** {@code CV 2.1 % · trend +0.8 % · JIT 12 ms}: the three figures a reader judges steadiness by. */
    String text() {
        return "CV " + Units.percent(rpsCv) + " · trend " + Units.signedPercent(trend) + " · JIT "
                + (jitMs == null ? "unknown" : jitMs + " ms");
    }
}
