package org.jvmbench.harness.placement;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.load.Injector;
import org.jvmbench.harness.load.InjectorHungException;
import org.jvmbench.harness.plan.Hosts;
import org.jvmbench.harness.result.InjectorShare;
import org.jvmbench.protocol.phase.LoadModel;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/**
 * The injectors of a multi-host sweep as one: each phase is split (the load is a total,
 * {@link Hosts#share}), every injector is asked to get ready, all are released together (the
 * start barrier), and their results are merged exactly ({@link PhaseMerge}). An injector that
 * fails is left out of the merge and named in the point's shares; it is started again and
 * warmed at once ({@link #rewarm}). Only when none answers is the phase lost.
 *
 * <p>Just over 300 lines: the start barrier, the split of a load, the restart of a failed
 * injector and the exact merge are one protocol with one set of injectors; apart, each would hold
 * its own copy of who is alive.
 */
final class InjectorGroup implements Injector {

    /** How to start (again) the injector of one host. */
    @FunctionalInterface
    interface Starter {
        RemoteInjector start(int index) throws IOException;
    }

    private final Starter starter;
    private final List<String> hosts;
    private final List<Long> offsetsMs;
    private final RemoteInjector[] members;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private List<InjectorShare> lastShares = List.of();
    private boolean closed;

    /**
     * @param hosts     each injector's host, as its share names it
     * @param offsetsMs each host's clock minus this machine's, to place their start times on one clock
     */
    InjectorGroup(Starter starter, List<String> hosts, List<Long> offsetsMs) throws IOException {
        this.starter = starter;
        this.hosts = List.copyOf(hosts);
        this.offsetsMs = List.copyOf(offsetsMs);
        this.members = new RemoteInjector[hosts.size()];
        try {
            for (int i = 0; i < members.length; i++) {
                members[i] = starter.start(i);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public PhaseResult run(PhaseCommand command, Duration deadline) throws IOException, InterruptedException, InjectorHungException {
        int n = members.length;
        int total = command.model() == LoadModel.CLOSED ? command.users() : command.connections();
        // a share of 0 (fewer connections than injectors, open loads only) leaves that injector idle, not failed
        int loaded = Math.min(n, total);
        List<String> failures = new ArrayList<>(java.util.Collections.nCopies(n, (String) null));
        List<PhaseCommand> mine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mine.add(null);
            int share = Hosts.share(total, i, n);
            if (share == 0) {
                continue;
            }
            if (members[i] == null || !members[i].running()) {
                restart(i, failures);
            }
            mine.set(i, members[i] == null ? null : members[i].share(command, share, command.ratePerSecond() / loaded));
        }

        // the barrier: every injector idle and reading, then all released at once
        List<Future<Boolean>> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            ready.add(!active(mine, failures, k) ? null
                    : threads.submit(() -> members[k].prepare(mine.get(k), Defaults.INJECTOR_READY_TIMEOUT)));
        }
        for (int i = 0; i < n; i++) {
            if (ready.get(i) != null && !Boolean.TRUE.equals(outcome(ready.get(i), failures, i))) {
                failures.set(i, failures.get(i) != null ? failures.get(i) : "did not answer ready within "
                        + Defaults.INJECTOR_READY_TIMEOUT.toSeconds() + " s");
            }
        }
        OptionalLong[] cpuBefore = new OptionalLong[n];
        long[] readAt = new long[n];
        for (int i = 0; i < n; i++) {
            if (active(mine, failures, i)) {
                cpuBefore[i] = members[i].cpuNanos();
                readAt[i] = System.nanoTime();
            }
        }
        List<Future<Void>> released = new ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            int k = i;
            released.add(!active(mine, failures, k) ? null : threads.submit(() -> {
                go.await();
                members[k].release(mine.get(k));
                return null;
            }));
        }
        go.countDown();
        // the deadline runs from the release: a cold injector's time to get ready is not the phase's
        long end = System.nanoTime() + deadline.toNanos();
        for (int i = 0; i < n; i++) {
            if (released.get(i) != null) {
                outcome(released.get(i), failures, i);
            }
        }

        List<Future<Optional<PhaseResult>>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            results.add(!active(mine, failures, k) ? null : threads.submit(() -> members[k].await(mine.get(k), end)));
        }
        PhaseResult[] parts = new PhaseResult[n];
        Double[] cores = new Double[n];
        int[] cpus = new int[n];
        for (int i = 0; i < n; i++) {
            if (results.get(i) == null) {
                continue;
            }
            Optional<PhaseResult> result = outcome(results.get(i), failures, i);
            if (result == null || result.isEmpty()) {
                failures.set(i, failures.get(i) != null ? failures.get(i) : members[i].whyNoResult(command.id()));
                continue;
            }
            parts[i] = result.get();
            OptionalLong after = members[i].cpuNanos();
            if (cpuBefore[i].isPresent() && after.isPresent()) {
                cores[i] = (after.getAsLong() - cpuBefore[i].getAsLong()) / (double) Math.max(1, System.nanoTime() - readAt[i]);
            }
            cpus[i] = members[i].allowedCpus();
            members[i].fetchLog(mine.get(i), command.log() == null ? null : Path.of(command.log()));
            members[i].dropResults(mine.get(i));
        }
        for (int i = 0; i < n; i++) {
            if (failures.get(i) != null && members[i] != null) {
                members[i].close();
                members[i] = null;
            }
        }
        for (int i = 0; i < n; i++) {
            if (failures.get(i) != null) {
                rewarm(i, command);
            }
        }
        lastShares = shares(mine, parts, cores, cpus, failures);
        List<PhaseResult> answered = java.util.Arrays.stream(parts).filter(p -> p != null).toList();
        if (answered.isEmpty()) {
            throw new InjectorHungException("no injector answered " + command.id() + ": " + String.join("; ", describe(failures)));
        }
        return PhaseMerge.merge(command.id(), answered);
    }

    /** Each injector's part, its start placed on this machine's clock by its host's offset. */
    private List<InjectorShare> shares(List<PhaseCommand> mine, PhaseResult[] parts, Double[] cores, int[] cpus, List<String> failures) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null && parts[i].requests() > 0) {
                earliest = Math.min(earliest, parts[i].windowStartEpochMs() - offsetsMs.get(i));
            }
        }
        List<InjectorShare> shares = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            PhaseCommand c = mine.get(i);
            int load = c == null ? 0 : c.model() == LoadModel.CLOSED ? c.users() : c.connections();
            PhaseResult p = parts[i];
            if (c == null && failures.get(i) == null) {
                // idle: its share of the load was 0
                shares.add(new InjectorShare(hosts.get(i), 0, 0, 0, 0, null, cpus[i], 0, null));
            } else if (p == null) {
                shares.add(new InjectorShare(hosts.get(i), load, 0, 0, 0, null, cpus[i], 0,
                        failures.get(i) == null ? "no result" : failures.get(i)));
            } else {
                long lag = p.requests() > 0 && earliest != Long.MAX_VALUE ? p.windowStartEpochMs() - offsetsMs.get(i) - earliest : 0;
                shares.add(new InjectorShare(hosts.get(i), load, p.requests(), p.ok(), p.ko(), cores[i], cpus[i], lag,
                        p.error() == null ? null : "its load run failed: " + p.error()));
            }
        }
        return List.copyOf(shares);
    }

    /**
     * Starts a failed injector again and gives it one warm-up slice of this phase's load, alone,
     * before the phase is handed back: a fresh Gatling JVM spends its first seconds loading
     * classes, so released cold at the next barrier it would start seconds after the others
     * (the merged window would hold seconds nobody sent in). Its requests reach the server
     * inside the failed phase's counters, a point already flagged; its result is dropped. A
     * failure here is left for the next phase to try again.
     */
    private void rewarm(int i, PhaseCommand failed) throws InterruptedException {
        int n = members.length;
        int total = failed.model() == LoadModel.CLOSED ? failed.users() : failed.connections();
        int share = Hosts.share(total, i, n);
        if (share == 0 || closed) {
            return;
        }
        List<String> ignored = new ArrayList<>(java.util.Collections.nCopies(n, (String) null));
        restart(i, ignored);
        if (members[i] == null) {
            return;
        }
        Path out = Path.of(failed.out());
        PhaseCommand slice = new PhaseCommand(failed.id() + "-rewarm", failed.baseUrls(), failed.paths(), failed.model(),
                failed.users(), failed.ratePerSecond(), failed.connections(), Defaults.WARMUP_SLICE.toMillis(), failed.requestTimeoutMs(),
                out.resolveSibling("rewarm-results").toString(), out.resolveSibling("rewarm-" + i + ".json").toString(), false, null);
        PhaseCommand mine = members[i].share(slice, share, failed.ratePerSecond() / Math.min(n, total));
        try {
            if (members[i].prepare(mine, Defaults.INJECTOR_READY_TIMEOUT)) {
                members[i].release(mine);
                members[i].await(mine, System.nanoTime() + Defaults.WARMUP_SLICE.plus(Defaults.DEADLINE_SLACK).toNanos()
                        + Duration.ofMillis(failed.requestTimeoutMs()).toNanos());
                members[i].dropResults(mine);
            }
        } catch (IOException | RuntimeException e) {
            members[i].close();
            members[i] = null;
        }
    }

    /** Has a part of this phase, and has not failed so far. */
    private static boolean active(List<PhaseCommand> mine, List<String> failures, int i) {
        return mine.get(i) != null && failures.get(i) == null;
    }

    private List<String> describe(List<String> failures) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) != null) {
                lines.add(hosts.get(i) + " " + failures.get(i));
            }
        }
        return lines;
    }

    private void restart(int i, List<String> failures) {
        try {
            members[i] = starter.start(i);
        } catch (IOException | RuntimeException e) {
            members[i] = null;
            failures.set(i, "could not be started: " + e.getMessage());
        }
    }

    /** A task's value, or null with its failure noted. */
    private static <T> T outcome(Future<T> task, List<String> failures, int i) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failures.set(i, cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    @Override
    public boolean alive() {
        // a member that failed is started again at the next phase: the group lives while it is open
        return !closed;
    }

    @Override
    public Long localPid() {
        return null;
    }

    @Override
    public List<InjectorShare> lastShares() {
        return lastShares;
    }

    @Override
    public void close() {
        closed = true;
        List<Future<?>> stops = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            RemoteInjector member = members[i];
            members[i] = null;
            if (member != null) {
                stops.add(threads.submit(member::close));
            }
        }
        for (Future<?> stop : stops) {
            try {
                stop.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the session's end stops it regardless
            }
        }
        threads.shutdownNow();
    }
}
