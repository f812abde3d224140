package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.jvmbench.harness.load.InjectorHungException;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.server.RunningServer;
import org.jvmbench.harness.stats.Latencies;
import org.jvmbench.harness.trust.Stalls;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * What an endpoint's open points need once its warm-up ({@link WarmUpLoop}) has settled the
 * server, in the same fork, before the first of them is measured.
 *
 * <p><b>The capacity probe</b>, when any point's rate is a share of capacity: a closed-model run
 * at the points' pool size ({@code connections} users, each on its own keep-alive connection,
 * back to back) for the sweep's point duration; its answered requests per second are the capacity
 * every share is taken of. Why this run:
 * <ul>
 *   <li>closed at the pool's size is the most that pool can carry: an open point sends over the
 *       same {@code connections}, and a connection in the open model is never busier than a
 *       closed user, so the closed maximum is where the open model's queue starts to grow for
 *       good, whether the server or the pool is what limits; a share of 1.0 is that point, and
 *       the shares below it say how close to it a configuration keeps its latency;</li>
 *   <li>in the same fork, right after the warm-up, because a configuration's capacity differs
 *       from one start of its JVMs to the next (JIT decisions, memory layout): a share of another
 *       fork's capacity, or of a mean over forks, would put a point at a rate other than the one
 *       it is labelled with;</li>
 *   <li>for a point's duration, so the capacity is known as precisely as any point's RPS, and one
 *       run rather than a search over open rates: a search would cost several points per
 *       endpoint and its answer would depend on a latency target, which is the report's question,
 *       not the load's.</li>
 * </ul>
 *
 * <p><b>An open warm-up slice</b>, for every endpoint with open points: one slice at the lowest
 * open point's rate and pool. The settle rule judged the closed slices, and keeps judging only
 * them: in an open run the server completes what falls due, so its per-second throughput is flat
 * by construction below capacity and says nothing about whether the server has settled. The
 * slice is for the injector, whose open path (the timetable, the pauses) is not compiled by a
 * closed warm-up: the first open run after one sent 5.7 % of its requests late
 * (loadtests/README.md), which would flag the first point {@code INJECTOR_LATE}; and for the
 * server, which meets the open model's pattern of idle connections and bursts before it is
 * measured. Nothing of either run enters any number but the capacity.
 */
final class OpenWarmUp {

    private final Injector injector;
    private final RunningServer server;
    private final RunFolder.ForkFiles files;
    private final String forkId;
    private final Duration probeDuration;
    private final Duration slice;
    private final Duration requestTimeout;
    private final Duration deadlineSlack;

    OpenWarmUp(Injector injector, RunningServer server, RunFolder.ForkFiles files, String forkId, Duration probeDuration,
               Duration slice, Duration requestTimeout, Duration deadlineSlack) {
        this.injector = injector;
        this.server = server;
        this.files = files;
        this.forkId = forkId;
        this.probeDuration = probeDuration;
        this.slice = slice;
        this.requestTimeout = requestTimeout;
        this.deadlineSlack = deadlineSlack;
    }

    /**
     * The warm-up's outcome with the capacity added, or the failure that ends the fork; {@code warm}
     * itself when the endpoint has no open point or its warm-up already failed.
     */
    WarmUpLoop.Outcome run(String endpoint, List<LoadPoint> points, WarmUpLoop.Outcome warm) throws IOException, InterruptedException {
        List<LoadPoint> open = points.stream().filter(p -> p.key().open()).toList();
        if (warm.failure() != null || open.isEmpty()) {
            return warm;
        }
        CapacityProbe capacity = null;
        List<LoadPoint> shares = open.stream().filter(p -> p.key().level().share() != null).toList();
        if (!shares.isEmpty()) {
            int users = shares.stream().mapToInt(LoadPoint::connections).max().orElseThrow();
            Ran probe = run(PhaseCommand.closed(forkId + "-capacity", urls(), List.of(endpoint), users, probeDuration.toMillis(),
                    requestTimeout.toMillis(), files.warmUpResults().toString(), result("capacity"), false, log()),
                    probeDuration, "the capacity probe");
            if (probe.failure() != null) {
                return probe.failure();
            }
            PhaseResult p = probe.phase();
            Throughput throughput = Throughput.of(p.requests(), p.ok(), p.ko(), p.errors(), p.windowSeconds());
            if (!(throughput.rps() > 0)) {
                return new WarmUpLoop.Outcome(null, "the server answered none of the capacity probe's " + p.requests()
                        + " requests with 200 (" + p.errors() + ")", false);
            }
            capacity = new CapacityProbe(users, throughput.rps(), p.requests(), p.ko(), p.windowSeconds(),
                    p.histogramMicros() == null ? null : Latencies.summarize(Histograms.decode(p.histogramMicros())),
                    p.histogramMicros());
        }
        LoadPoint lowest = lowestRate(open, capacity);
        Ran slice = run(PhaseCommand.open(forkId + "-warmup-open", urls(), List.of(endpoint),
                PointLoad.offeredRps(lowest.key(), capacity), lowest.connections(), this.slice.toMillis(), requestTimeout.toMillis(),
                files.warmUpResults().toString(), result("open"), false, log()), this.slice, "the open warm-up");
        if (slice.failure() != null) {
            return slice.failure();
        }
        return new WarmUpLoop.Outcome(warm.record(), null, false, capacity);
    }

    /** The open point offering the fewest requests a second: the open warm-up's load. */
    static LoadPoint lowestRate(List<LoadPoint> open, CapacityProbe capacity) {
        return open.stream().min(Comparator.comparingDouble(p -> PointLoad.offeredRps(p.key(), capacity))).orElseThrow();
    }

    /** A phase's result, or why the fork cannot go on after it. */
    private record Ran(PhaseResult phase, WarmUpLoop.Outcome failure) {
    }

    private Ran run(PhaseCommand command, Duration duration, String what) throws IOException, InterruptedException {
        PhaseResult phase;
        try {
            phase = injector.run(command, duration.plus(requestTimeout).plus(deadlineSlack));
        } catch (InjectorHungException e) {
            files.requireWritable();
            boolean died = !server.alive();
            return new Ran(null, new WarmUpLoop.Outcome(null, died ? "the server died during " + what
                    : what + " " + e.getMessage(), died));
        } finally {
            files.dropWarmUpResults();
        }
        if (!server.alive()) {
            return new Ran(null, new WarmUpLoop.Outcome(null, "the server died during " + what, true));
        }
        String hung = Stalls.hungReason(phase.requests(), phase.ok(), phase.ko(), phase.errors(), FullSeconds.of(phase).counts(),
                requestTimeout);
        if (hung == null && phase.error() != null) {
            hung = "the load run failed: " + phase.error();
        }
        if (hung != null) {
            return new Ran(null, new WarmUpLoop.Outcome(null, "the server hung during " + what + ": " + hung, false));
        }
        return new Ran(phase, null);
    }

    private String result(String name) {
        return files.warmUpResults().resolve(name + ".json").toString();
    }

    private String log() {
        return files.warmUpLog().toString();
    }

    private List<String> urls() {
        return server.urls().stream().map(Object::toString).toList();
    }
}
