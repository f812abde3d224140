package org.jvmbench.harness.sweep;

import java.util.List;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.stats.Latencies;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * A point's load as the injector runs it, and what an open point records of it. A closed point
 * is {@code concurrency} users sending back to back; an open point is requests falling due at
 * its rate over a pool of {@code concurrency} connections, the rate being the sweep's own when
 * absolute, or its share of the capacity that the endpoint's probe measured in the same fork.
 */
final class PointLoad {

    private PointLoad() {
    }

    /**
     * Requests due per second at an open point: its absolute rate, or its share of the capacity.
     *
     * @throws IllegalStateException for a share without a capacity: the fork did not probe
     */
    static double offeredRps(PointKey key, CapacityProbe capacity) {
        if (key.level().rate() != null) {
            return key.level().rate();
        }
        if (key.level().share() == null) {
            throw new IllegalStateException(key.id() + " is a closed point: it offers no rate");
        }
        if (capacity == null || !(capacity.rps() > 0)) {
            throw new IllegalStateException(key.id() + " is a share of capacity, and no capacity was measured");
        }
        return key.level().share() * capacity.rps();
    }

    /** The phase that measures {@code point}, with Gatling's report, into the point's files. */
    static PhaseCommand command(LoadPoint point, CapacityProbe capacity, List<String> urls, Sweep sweep,
                                RunFolder.PointFiles files) {
        return command(point, capacity, urls, sweep, files, true);
    }

    /** As above; without Gatling's own report when {@code report} is false (a paired slice: seconds, many of them). */
    static PhaseCommand command(LoadPoint point, CapacityProbe capacity, List<String> urls, Sweep sweep,
                                RunFolder.PointFiles files, boolean report) {
        long durationMs = sweep.duration().toMillis();
        long timeoutMs = sweep.requestTimeout().toMillis();
        if (!point.key().open()) {
            return PhaseCommand.closed(point.id(), urls, List.of(point.endpoint()), point.connections(), durationMs, timeoutMs,
                    files.gatlingResults().toString(), files.phaseResult().toString(), report, files.gatlingLog().toString());
        }
        return PhaseCommand.open(point.id(), urls, List.of(point.endpoint()), offeredRps(point.key(), capacity),
                point.connections(), durationMs, timeoutMs, files.gatlingResults().toString(), files.phaseResult().toString(),
                report, files.gatlingLog().toString());
    }

    /**
     * What an open point offered and how its timetable held, from the injector's phase; null for a
     * closed point. The capacity is recorded only with a share of it, the rate it was taken from.
     */
    static OpenLoad open(LoadPoint point, CapacityProbe capacity, PhaseResult phase) {
        PointKey key = point.key();
        if (!key.open()) {
            return null;
        }
        CapacityProbe probe = key.level().share() != null ? capacity : null;
        PhaseResult.Schedule s = phase.schedule();
        String intended = s == null ? null : s.intendedHistogramMicros();
        return OpenLoad.builder().offeredRps(offeredRps(key, probe)).capacityRps(probe == null ? null : probe.rps())
                .connections(point.connections()).connectionsUsed(phase.connectionsUsed())
                .scheduledRequests(s == null ? 0 : s.scheduledRequests())
                .lateRequests(s == null ? 0 : s.lateRequests()).maxLateMicros(s == null ? 0 : s.maxLateMicros())
                .queuedRequests(s == null ? 0 : s.queuedRequests())
                .lateThresholdMicros(s == null ? 0 : s.lateThresholdMicros())
                .intendedLatency(intended == null ? null : Latencies.summarize(Histograms.decode(intended)))
                .intendedHistogram(intended).probe(probe).build();
    }
}
