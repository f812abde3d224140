package org.jvmbench.harness.report;

import org.jvmbench.harness.settings.ProfileMode;
import org.jvmbench.harness.result.RunFolder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.jvmbench.harness.plan.CpuPinning;
import org.jvmbench.harness.plan.DurationText;
import org.jvmbench.harness.plan.Load;
import org.jvmbench.harness.plan.ServerEntry;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepWriter;
import org.jvmbench.harness.environment.Calibration;
import org.jvmbench.harness.plan.Slo;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Footprint;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Stability;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.result.Keys;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.trust.Steadiness;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;

/**
 * Builds a sweep folder as the harness writes one: {@code sweep.json},
 * {@code environment.json}, {@code results.jsonl} and each run's files. Figures follow a
 * small model of the two apps on one pinned server core (CPU cost per request, pool-bound
 * waits, Little's law for latency) with seeded noise, so fixtures look like real sweeps and
 * come out the same every time.
 * <p>
 * Each run carries the evidence of schema 2 (its steadiness, the warm-up and start of its fork,
 * the footprint, the calibration and, where set, the injector's ceiling) unless the fixture is
 * made {@link #legacy()}, which writes what schema 1 wrote. The evidence comes from a random
 * source of its own, so adding it left the figures of older fixtures as they were.
 */
final class SweepFixture {

    static final Instant START = Instant.parse("2025-06-02T09:00:00Z");

    private final String name;
    private String description = "";
    private Duration warmup;
    private Integer repeat;
    private HeapSize heap;
    private Gc gc;
    private Duration requestTimeout;
    private CpuPinning cpus;
    private ObjectNode environment = standardEnvironment();
    private final List<PointResult> points = new ArrayList<>();
    private final Random random;
    private final Random evidence;
    private int durationSeconds = 20;
    private Instant clock = START;
    private boolean writeRunFiles = true;
    private boolean legacy;
    private int warmUpUsers = 64;
    private boolean warmUpSeries;
    private ProfileMode profile;
    private Slo slo;
    private Double calibrationStart;
    private final Map<String, Double> injectorCeilings = new LinkedHashMap<>();
    /** Per fork ({@code <configuration id>-r<repetition>}): its start, and its warm-up of each endpoint. */
    private final Map<String, Startup> startups = new LinkedHashMap<>();
    private final Map<String, WarmUp> warmUps = new LinkedHashMap<>();

    private SweepFixture(String name, long seed) {
        this.name = name;
        random = new Random(seed);
        evidence = new Random(seed * 31 + 7);
    }

    static SweepFixture named(String name, long seed) {
        return new SweepFixture(name, seed);
    }

    SweepFixture description(String text) {
        description = text;
        return this;
    }

    SweepFixture warmup(String text) {
        warmup = DurationText.parse(text);
        return this;
    }

    SweepFixture repeat(int times) {
        repeat = times;
        return this;
    }

    SweepFixture heap(String size) {
        heap = HeapSize.parse(size);
        return this;
    }

    SweepFixture gc(String name) {
        gc = Gc.parse(name);
        return this;
    }

    SweepFixture requestTimeout(String text) {
        requestTimeout = DurationText.parse(text);
        return this;
    }

    SweepFixture cpus(String server, String injector) {
        cpus = new CpuPinning(CpuSet.parse(server), CpuSet.parse(injector));
        return this;
    }

    SweepFixture durationSeconds(int seconds) {
        durationSeconds = seconds;
        return this;
    }

    /** Writes what schema 1 wrote: no steadiness, warm-up, start, footprint or calibration; series not aligned. */
    SweepFixture legacy() {
        legacy = true;
        return this;
    }

    /** The closed-model users of every warm-up (the load of a fork's heaviest point). */
    SweepFixture warmUpUsers(int users) {
        warmUpUsers = users;
        return this;
    }

    /** Keeps every warm-up's seconds in its points, as the harness does since it records them. */
    SweepFixture withWarmUpSeries() {
        warmUpSeries = true;
        return this;
    }

    /** Every point profiled: flagged PROFILED, one flame graph per server process. */
    SweepFixture profiled(ProfileMode mode) {
        profile = mode;
        return this;
    }

    SweepFixture slo(double percentile, String latency) {
        slo = new Slo(percentile, DurationText.parse(latency));
        return this;
    }

    /** The calibration at the start and the end of the sweep, in environment.json and with every point. */
    SweepFixture calibration(double start, double end) {
        calibrationStart = start;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("start", new Calibration.Figure(start, 0.012, "0", null, Calibration.WORKLOAD));
        figures.put("end", new Calibration.Figure(end, 0.015, "0", null, Calibration.WORKLOAD));
        return environment("calibration", figures);
    }

    /** What the injector reaches against the reference server at this load. */
    SweepFixture injectorCeiling(String endpoint, int concurrency, double rps) {
        injectorCeilings.put(endpoint + " c" + concurrency, rps);
        return this;
    }

    /**
     * The resolved sweep the harness would have recorded: the settings given here (the rest
     * at their defaults) and one server entry per configuration of the points, each with the
     * endpoints and concurrencies its points have, in the order they first appear.
     */
    Sweep sweep() {
        Map<String, ConfigurationKey> configurations = new LinkedHashMap<>();
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        Map<String, Set<Integer>> concurrency = new LinkedHashMap<>();
        Map<String, Set<Double>> rates = new LinkedHashMap<>();
        for (PointResult p : points) {
            PointKey k = p.key();
            // an entry per configuration and load model: a recorded sweep is bound, not checked again
            String entry = k.configuration().id() + (k.open() ? " open" : "");
            configurations.putIfAbsent(entry, k.configuration());
            endpoints.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(k.endpoint());
            if (k.open()) {
                rates.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(k.level().rate() != null ? k.level().rate() : k.level().share());
            } else {
                concurrency.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(k.level().connections());
            }
        }
        List<ServerEntry> servers = new ArrayList<>();
        configurations.forEach((entry, c) -> {
            Load load = rates.containsKey(entry)
                    ? new Load(List.copyOf(endpoints.get(entry)), null, List.copyOf(rates.get(entry)),
                    points.stream().filter(p -> p.key().configuration().equals(c) && p.key().open()).findFirst()
                            .orElseThrow().key().level().connections())
                    : new Load(List.copyOf(endpoints.get(entry)), List.copyOf(concurrency.get(entry)));
            servers.add(ServerEntry.builder().apps(List.of(App.parse(c.app()))).workers(Arrays.asList(c.workers()))
                    .threads(Arrays.asList(c.threads())).virtualThreads(List.of(c.virtualThreads()))
                    .processes(List.of(c.processes())).load(load).build());
        });
        if (servers.isEmpty()) {
            servers.add(ServerEntry.builder().apps(List.of(App.SERVLET)).load(new Load(List.of("/hello"), List.of(64))).build());
        }
        return Sweep.builder().name(name).question("").description(description).duration(Duration.ofSeconds(durationSeconds))
                .warmup(warmup).repeat(repeat).heap(heap).gc(gc).requestTimeout(requestTimeout)
                .cpus(cpus != null ? cpus : new CpuPinning(CpuSet.parse("0"), CpuSet.parse("1"))).profile(profile).slo(slo)
                .servers(servers).build();
    }

    SweepFixture environment(String field, Object value) {
        environment.set(field, ReportJson.MAPPER.valueToTree(value));
        return this;
    }

    SweepFixture withoutEnvironment() {
        environment = null;
        return this;
    }

    SweepFixture withoutRunFiles() {
        writeRunFiles = false;
        return this;
    }

    List<PointResult> points() {
        return points;
    }

    static PointKey key(String app, Integer workers, Integer threads, boolean virtualThreads, int processes,
                        String endpoint, int concurrency) {
        return Keys.point(app, workers, threads, virtualThreads, processes, endpoint, concurrency);
    }

    /** A run whose figures come from the model. */
    SweepFixture modelled(PointKey key, int repetition, Flag... flags) {
        Model m = Model.of(key);
        double noise = 1 + random.nextGaussian() * 0.015;
        return run(key, repetition, m.rps * noise, flags);
    }

    /** A run with the given throughput; the rest follows from it. */
    SweepFixture run(PointKey key, int repetition, double rps, Flag... flags) {
        Model m = Model.of(key);
        Instant start = clock;
        Instant end = start.plusSeconds(durationSeconds);
        clock = end.plusSeconds(15);
        long requests = Math.round(rps * durationSeconds);
        List<Flag> flagList = new ArrayList<>(List.of(flags));
        boolean saturated = has(flagList, Flag.Code.INJECTOR_SATURATED);
        boolean noisy = has(flagList, Flag.Code.NOISY_NEIGHBOUR);
        boolean mismatch = has(flagList, Flag.Code.COUNT_MISMATCH);
        long ko = has(flagList, Flag.Code.ERRORS) ? Math.round(requests * 0.004) : 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        if (ko > 0) {
            errors.put("timeout", ko);
        }

        // Little's law gives the mean; the shape is a log-normal body with a thin slow tail
        double meanMicros = key.level().connections() / rps * 1_000_000;
        Histogram histogram = latencies(meanMicros, requests);
        LatencySummary latency = summary(histogram);

        double cpu = Math.min(0.985, rps * m.cpuMicrosPerRequest / 1_000_000 + 0.02);
        double injector = saturated ? 0.93 + random.nextDouble() * 0.03 : Math.min(0.85, rps * 28 / 1_000_000 + 0.05);
        double other = noisy ? 0.14 : 0.01 + random.nextDouble() * 0.01;
        long rss = Math.round(m.rssBytes * (1 + random.nextGaussian() * 0.01));
        List<Double> rpsSeries = new ArrayList<>();
        List<Double> cpuSeries = new ArrayList<>();
        List<Long> rssSeries = new ArrayList<>();
        List<Double> injectorSeries = new ArrayList<>();
        List<Double> otherSeries = new ArrayList<>();
        for (int s = 0; s < durationSeconds; s++) {
            double wobble = 1 + random.nextGaussian() * 0.02;
            rpsSeries.add(round1(rps * wobble * (s == 0 ? 0.97 : 1)));
            cpuSeries.add(round3(Math.min(1, cpu * wobble)));
            rssSeries.add(rss - (durationSeconds - s) * 96 * 1024L);
            injectorSeries.add(round3(Math.min(1, injector * (1 + random.nextGaussian() * 0.02))));
            otherSeries.add(round3(noisy && s >= 8 && s < 11 ? 0.6 - (s - 8) * 0.1 : other * (0.5 + random.nextDouble())));
        }
        double otherPeak = otherSeries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Long pss = key.configuration().processes() > 1 ? Long.valueOf(Math.round(rss * 0.86)) : legacy ? null : Long.valueOf(Math.round(rss * 0.965));
        ResourceUsage resources = legacy
                ? ResourceUsage.builder().serverCpuCores(round3(cpu))
                        .serverCpuCoresPeak(round3(Math.min(1, cpu * 1.04))).serverRssBytes(rss)
                        .serverRssBytesPeak(rss + 3 * 1024 * 1024).serverPssBytes(pss).serverThreads(m.threads)
                        .injectorCpuCores(round3(injector)).injectorCpus(1).otherCpuCores(round3(other))
                        .otherCpuCoresPeak(round3(otherPeak)).build()
                : ResourceUsage.builder().serverCpuCores(round3(cpu))
                        .serverCpuCoresPeak(round3(Math.min(1, cpu * 1.04))).serverRssBytes(rss)
                        .serverRssBytesPeak(rss + 3 * 1024 * 1024).serverPssBytes(pss).serverThreads(m.threads)
                        .injectorCpuCores(round3(injector)).injectorCpus(1).otherCpuCores(round3(other))
                        .otherCpuCoresPeak(round3(otherPeak)).serverCpusOther(round3(other * 0.6))
                        .serverCpusOtherPeak(round3(otherPeak * 0.6)).injectorCpusOther(round3(other * 0.4))
                        .injectorCpusOtherPeak(round3(otherPeak * 0.4))
                        .serverCpusSteal(has(flagList, Flag.Code.CPU_STEAL) ? 0.081 : round3(evidence.nextDouble() * 0.004))
                        .injectorCpusSteal(round3(evidence.nextDouble() * 0.004)).build();
        long serverRequests = mismatch ? Math.round(requests * 0.985) : requests;

        String id = key.id() + "-r" + repetition;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("gatlingReport", "points/" + id + "/gatling/index.html");
        files.put("serverLog", "points/" + id + "/server.log");
        files.put("samples", "points/" + id + "/samples.csv");
        Series series;
        Stability stability = null;
        WarmUp warmUp = null;
        Startup startup = null;
        Footprint footprint = null;
        if (legacy) {
            series = new Series(null, rpsSeries, cpuSeries, rssSeries, injectorSeries, otherSeries);
        } else {
            // the window's partial first second is not one of its full seconds
            if (has(flagList, Flag.Code.UNSTEADY)) {
                for (int s = 1; s < rpsSeries.size(); s++) {
                    rpsSeries.set(s, round1(rpsSeries.get(s) * (0.9 + 0.2 * s / durationSeconds)));
                }
            }
            int stalled = has(flagList, Flag.Code.STALLED) ? 2 : 0;
            for (int s = 0; s < stalled; s++) {
                rpsSeries.set(durationSeconds / 2 + s, 0.0);
            }
            series = new Series(start.getEpochSecond() + 1, rest(rpsSeries), rest(cpuSeries), rest(rssSeries),
                    rest(injectorSeries), rest(otherSeries));
            Steadiness shape = Steadiness.of(series.rps());
            long gcCount = 1 + requests / 120_000;
            stability = new Stability(shape.seconds(), round4(shape.cv()), round4(shape.trend()),
                    has(flagList, Flag.Code.UNSTEADY) ? 2_400 : evidence.nextInt(40), gcCount * (3 + evidence.nextInt(4)),
                    gcCount, stalled, stalled);
            // flags given without a reason get the one the harness's rules would write from these figures
            Stability st = stability;
            flagList.replaceAll(f -> !f.reason().isEmpty() ? f : switch (f.code()) {
                case UNSTEADY -> new Flag(f.code(), String.format(java.util.Locale.ROOT,
                        "throughput drifted %+.1f %% from the first third of the window to the last (≤ 5 %%); the JIT "
                                + "compiled for %d ms, %.0f %% of the window (≤ 2 %%)", st.trend() * 100, st.jitMs(),
                        st.jitMs() / (durationSeconds * 10.0)));
                case STALLED -> new Flag(f.code(), st.stalledSeconds() + " of " + st.fullSeconds() + " seconds had no "
                        + "completed request while requests were outstanding (longest " + st.longestStallSeconds() + " s)");
                default -> f;
            });
            String fork = key.configuration().id() + "-r" + repetition;
            startup = startups.computeIfAbsent(fork, f -> startup(key));
            double previous = warmUps.entrySet().stream().filter(e -> e.getKey().startsWith(fork + " "))
                    .mapToDouble(e -> e.getValue().sinceStartSeconds()).max().orElse(0);
            Instant pointStart = start;
            warmUp = warmUps.computeIfAbsent(fork + " " + key.endpoint(), f -> {
                WarmUp w = warmUp(key, rps, has(flagList, Flag.Code.NOT_STEADY), startups.get(fork), previous);
                return warmUpSeries ? withSeries(key, w, rps, pointStart) : w;
            });
            footprint = new Footprint(
                    key.configuration().processes() * Math.round((18 + evidence.nextDouble() * 10 + (m.threads / 8.0)) * 1024 * 1024),
                    key.configuration().processes() * (heap == null ? 512L : heap.bytes() / (1024 * 1024)) * 1024 * 1024,
                    key.configuration().processes() * Math.round((62 + evidence.nextDouble() * 8) * 1024 * 1024),
                    key.configuration().processes() * Math.round((70 + evidence.nextDouble() * 8) * 1024 * 1024),
                    m.threads);
        }
        if (profile != null) {
            flagList.add(new Flag(Flag.Code.PROFILED, "async-profiler 4.1, " + profile.id()
                    + " with perf_events, attached for the measured window"));
            for (int p = 1; p <= key.configuration().processes(); p++) {
                files.put(key.configuration().processes() == 1 ? "flameGraph" : "flameGraph-" + p,
                        "points/" + id + "/flame-graph" + (key.configuration().processes() == 1 ? "" : "-" + p) + ".html");
            }
        }
        Double ceiling = legacy ? null : injectorCeilings.get(key.endpoint() + " c" + key.level().connections());
        points.add(PointResult.builder(id, key, repetition)
                .window(start, end)
                .throughput(new Throughput(requests, requests - ko, ko, errors, durationSeconds, round3(rps)))
                .latency(latency)
                .resources(resources)
                .counts(new Reconciliation(requests, serverRequests))
                .flags(List.copyOf(flagList))
                .series(series)
                .histogram(Base64.getEncoder().encodeToString(compressed(histogram)))
                .files(files)
                .stability(stability)
                .warmUp(warmUp)
                .startup(startup)
                .footprint(footprint)
                .calibrationOpsPerSecond(legacy ? null : calibrationStart)
                .injectorCeilingRps(ceiling)
                .build());
        return this;
    }

    /**
     * An open-load run of {@code key} (its {@code rate} or {@code rateFraction} set): requests due
     * at {@code offeredRps} against a configuration that serves {@code capacityRps} at most, each
     * taking {@code serviceMicros} on its own. Below capacity the intended latency stays near the
     * service time; near and past it requests queue for a connection and it climbs steeply (the
     * hockey stick), while the service time barely moves.
     */
    SweepFixture open(PointKey key, int repetition, double offeredRps, double capacityRps, double serviceMicros,
                      Flag... flags) {
        Model m = Model.of(key);
        double utilisation = offeredRps / capacityRps;
        double kept = Math.min(offeredRps, capacityRps * 0.995) * (1 + evidence.nextGaussian() * 0.004);
        run(key, repetition, kept, flags);
        PointResult closedShape = points.removeLast();
        long requests = closedShape.throughput().requests();
        // waiting for a free connection: M/D/1-like below capacity, a growing backlog past it
        double queueMicros = utilisation < 0.97 ? serviceMicros * utilisation * utilisation / (2 * (1 - utilisation))
                : serviceMicros * 16 + (utilisation - 0.97) * durationSeconds * 1_000_000 / 2;
        Histogram service = new Histogram(3_600_000_000L, 3);
        Histogram intended = new Histogram(3_600_000_000L, 3);
        shaped(serviceMicros * (1 + utilisation * 0.08), 0.12, queueMicros, requests, service, intended);
        boolean late = has(List.of(flags), Flag.Code.INJECTOR_LATE);
        long scheduled = Math.round(offeredRps * durationSeconds);
        long lateRequests = late ? Math.round(scheduled * 0.034) : Math.round(scheduled * 0.0004);
        long queued = utilisation < 0.7 ? 0 : Math.round(scheduled * Math.min(0.9, (utilisation - 0.7) * 2));
        OpenLoad open = OpenLoad.builder().offeredRps(round1(offeredRps))
                .capacityRps(key.level().share() == null ? null : round1(capacityRps))
                .connections(key.level().connections())
                .connectionsUsed((int) Math.min(key.level().connections(), Math.ceil(offeredRps * (serviceMicros + queueMicros) / 1e6) + 4))
                .scheduledRequests(scheduled).lateRequests(lateRequests).maxLateMicros(late ? 41_000 : 1_900)
                .queuedRequests(queued).lateThresholdMicros(1_000).intendedLatency(summary(intended))
                .intendedHistogram(Base64.getEncoder().encodeToString(compressed(intended))).build();
        PointResult r = closedShape;
        points.add(r.toBuilder()
                .latency(summary(service))
                .histogram(Base64.getEncoder().encodeToString(compressed(service)))
                .open(open)
                .injectors(null)
                .slices(null)
                .build());
        return this;
    }

    private Startup startup(PointKey key) {
        double base = key.configuration().app().equals("reactive") ? 1.7 : 2.4;
        double slowest = 0;
        double sum = 0;
        for (int p = 0; p < key.configuration().processes(); p++) {
            // JVMs started together share the server's CPUs: each later one waits a little more
            double one = base * (1 + p * 0.55) * (1 + evidence.nextGaussian() * 0.04);
            slowest = Math.max(slowest, one);
            sum += one;
        }
        long rss = Math.round(Model.of(key).rssBytes * 0.62);
        return new Startup(key.configuration().processes(), round3(slowest), round3(sum), rss);
    }

    /** @param previousEnd since start, the end of the fork's last warm-up so far; 0 for its first */
    private WarmUp warmUp(PointKey key, double rps, boolean capped, Startup startup, double previousEnd) {
        double settle = switch (key.mode()) {
            case "platform" -> 70 + (key.configuration().threads() == null ? 16 : key.configuration().threads()) * 0.5;
            case "virtual" -> 55;
            default -> 30;
        };
        double seconds = capped ? 240 : Math.round(settle * (1 + evidence.nextGaussian() * 0.08));
        if (Ceiling.waitMillis(key.endpoint()).isPresent() && !capped) {
            // waits cost little CPU: the JIT is done sooner
            seconds = Math.max(20, Math.round(seconds * 0.4));
        }
        // after an earlier endpoint, its warm-up and its points ran first
        double startedAt = previousEnd == 0 ? startup.firstAnswerSeconds() + 0.6 : previousEnd + 2 * (durationSeconds + 15);
        String verdict = capped
                ? "trend +7.9 % (≤ 5 %), CV 6.1 % (≤ 10 %), JIT 3.4 % of the time (≤ 2 %), over the last 20 s"
                : String.format(java.util.Locale.ROOT, "trend %+.1f %% (≤ 5 %%), CV %.1f %% (≤ 10 %%), JIT %.1f %% of the time (≤ 2 %%), over the last 20 s",
                evidence.nextGaussian(), 2 + evidence.nextDouble() * 3, evidence.nextDouble() * 1.5);
        return WarmUp.builder().endpoint(key.endpoint()).users(Math.max(warmUpUsers, key.level().connections()))
                .settled(!capped).seconds(seconds).requests(Math.round(rps * seconds * 0.72))
                .sinceStartSeconds(round1(startedAt + seconds)).verdict(verdict).build();
    }

    /** Throughput climbing as the JIT compiles, from about a third of the peak to the peak, in 5 s slices. */
    private WarmUp withSeries(PointKey key, WarmUp w, double rps, Instant pointStart) {
        long endEpochMs = pointStart.toEpochMilli() - 1_000;
        long startEpochMs = Math.round(endEpochMs - w.sinceStartSeconds() * 1000);
        long first = (long) Math.ceil((endEpochMs - w.seconds() * 1000) / 1000.0);
        long last = endEpochMs / 1000;
        double climb = Math.max(8, w.seconds() * (w.settled() ? 0.55 : 1.2));
        boolean jsonLike = Ceiling.waitMillis(key.endpoint()).isEmpty();
        List<Long> seconds = new ArrayList<>();
        for (long sec = first; sec < last; sec++) {
            double t = sec - first;
            double share = jsonLike ? 0.32 + 0.68 * (1 - Math.exp(-t / (climb / 3))) : 0.85 + 0.15 * (1 - Math.exp(-t / 6));
            // each 5 s slice loses its partial edge second: a gap, as the harness records it
            seconds.add((sec - first) % 5 == 4 ? null : Math.round(rps * share * (1 + evidence.nextGaussian() * 0.04)));
        }
        return w.toBuilder().jvmStartEpochMs(startEpochMs).startEpochSecond(first).rps(seconds).build();
    }

    private static <T> List<T> rest(List<T> values) {
        return List.copyOf(values.subList(1, values.size()));
    }

    /** Writes the folder; a {@code truncate} of n cuts the last results line after n characters, as a kill would. */
    Path writeTo(Path dir) throws IOException {
        return writeTo(dir, -1);
    }

    Path writeTo(Path dir, int truncateLastLineAt) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunFolder.SWEEP), SweepWriter.toJson(sweep()));
        if (environment != null) {
            Files.writeString(dir.resolve(RunFolder.ENVIRONMENT), pretty(environment));
        }
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            String line = ReportJson.MAPPER.writeValueAsString(points.get(i));
            if (i == points.size() - 1 && truncateLastLineAt >= 0) {
                jsonl.append(line, 0, Math.min(truncateLastLineAt, line.length()));
            } else {
                jsonl.append(line).append('\n');
            }
        }
        if (!points.isEmpty() || truncateLastLineAt >= 0) {
            Files.writeString(dir.resolve(RunFolder.RESULTS), jsonl);
        }
        if (writeRunFiles) {
            for (PointResult p : points) {
                writeRunFiles(dir, p);
            }
        }
        return dir;
    }

    private static void writeRunFiles(Path dir, PointResult p) throws IOException {
        Path gatling = dir.resolve(p.files().get("gatlingReport"));
        Files.createDirectories(gatling.getParent());
        Files.writeString(gatling, "<!doctype html><title>Gatling report " + p.id() + "</title>"
                + "<h1>Gatling report (fixture)</h1><p>" + p.key().endpoint() + ", " + p.key().level().connections()
                + " users</p>\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(p.files().get("serverLog")),
                "Started " + p.key().configuration().app() + " in 1.9 seconds (process running for 2.3)\n");
        for (FlameGraphs.Link flame : FlameGraphs.of(p)) {
            Files.writeString(dir.resolve(flame.path()), "<!doctype html><title>Flame graph " + p.id() + "</title>"
                    + "<h1>Flame graph (fixture)</h1><p>" + flame.label() + " of " + p.id() + "</p>\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve(p.files().get("samples")),
                "second,server_cpu_cores,server_rss_bytes,injector_cpu_cores,other_cpu_cores\n"
                        + "1," + p.series().serverCpuCores().get(0) + "," + p.series().serverRssBytes().get(0) + ","
                        + p.series().injectorCpuCores().get(0) + "," + p.series().otherCpuCores().get(0) + "\n");
    }

    private static LatencySummary summary(Histogram histogram) {
        return new LatencySummary(histogram.getTotalCount(), round1(histogram.getMean()),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                "microseconds, 3 significant digits");
    }

    /**
     * Service times, log-normal of this mean and spread with a thin slow tail, into {@code service};
     * each plus an exponential wait of mean {@code queueMicros} for a free connection into
     * {@code intended}, so a request's intended latency is never below its service time.
     */
    private void shaped(double meanMicros, double sigma, double queueMicros, long requests, Histogram service,
                        Histogram intended) {
        int samples = 3000;
        long weight = Math.max(1, requests / samples);
        double median = meanMicros / StrictMath.exp(sigma * sigma / 2);
        long recorded = 0;
        for (int i = 0; i < samples && recorded < requests; i++) {
            double v = median * StrictMath.exp(sigma * evidence.nextGaussian());
            if (evidence.nextDouble() < 0.003) {
                v *= 2 + evidence.nextDouble() * 3;
            }
            double wait = -queueMicros * StrictMath.log(1 - evidence.nextDouble());
            long count = i == samples - 1 ? Math.max(1, requests - recorded) : Math.min(weight, requests - recorded);
            service.recordValueWithCount(Math.max(1, Math.round(v)), count);
            intended.recordValueWithCount(Math.max(1, Math.round(v + wait)), count);
            recorded += count;
        }
    }

    private Histogram latencies(double meanMicros, long requests) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        int samples = 4000;
        long weight = Math.max(1, requests / samples);
        double sigma = 0.35;
        double median = meanMicros / StrictMath.exp(sigma * sigma / 2);
        long recorded = 0;
        for (int i = 0; i < samples && recorded < requests; i++) {
            double v = median * StrictMath.exp(sigma * random.nextGaussian());
            if (random.nextDouble() < 0.004) {
                v *= 3 + random.nextDouble() * 6;
            }
            long count = i == samples - 1 ? Math.max(1, requests - recorded) : Math.min(weight, requests - recorded);
            h.recordValueWithCount(Math.max(1, Math.round(v)), count);
            recorded += count;
        }
        return h;
    }

    private static byte[] compressed(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    private static boolean has(List<Flag> flags, Flag.Code code) {
        return flags.stream().anyMatch(f -> f.code() == code);
    }

    private static String pretty(Object value) throws IOException {
        return ReportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    /** A map that keeps the order it is written in, as the JSON files do (Map.of does not). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static ObjectNode standardEnvironment() {
        ObjectNode env = ReportJson.MAPPER.createObjectNode();
        env.put("cpuModel", "AMD EPYC 7B13");
        env.put("cpus", 2);
        env.put("kernel", "Linux 6.1.0-37-cloud-amd64");
        env.put("jdk", "25.0.1+8-LTS (Eclipse Adoptium)");
        env.set("jvmArgs", ReportJson.MAPPER.valueToTree(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
                "-XX:+AlwaysPreTouch")));
        env.set("pinning", ReportJson.MAPPER.valueToTree(ordered("server", "0", "injector", "1")));
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("springBoot", "3.5.16");
        versions.put("undertow", "2.3.20.Final");
        versions.put("reactorNetty", "1.2.12");
        versions.put("gatling", "3.15.1");
        env.set("versions", ReportJson.MAPPER.valueToTree(versions));
        env.put("commit", "3101a39");
        env.put("host", "bench-1");
        return env;
    }

    /**
     * One server core (CPU 0): the CPU a request costs caps RPS; on {@code /io} a request also
     * holds what it runs on for the wait, so platform threads cap RPS at threads x processes /
     * wait while virtual threads and the event loop are capped by the connections alone.
     */
    private record Model(double rps, double cpuMicrosPerRequest, long rssBytes, int threads) {

        static Model of(PointKey k) {
            boolean platform = k.configuration().app().equals("servlet") && !k.configuration().virtualThreads();
            double cost = switch (k.mode()) {
                case "platform" -> 52;
                case "virtual" -> 57;
                default -> 43;
            };
            double wait = Ceiling.waitMillis(k.endpoint()).orElse(0);
            if (wait > 0) {
                cost += 14; // timer and wake-up
            }
            cost *= 1 + (k.configuration().processes() - 1) * 0.06; // two JVMs share one core: more switching
            double cpuBound = 0.97 * 1_000_000 / cost;
            double rps = cpuBound * (k.level().connections() < 32 ? 0.9 : 1);
            if (wait > 0) {
                double ceiling = Ceiling.rps(k).orElse(Double.MAX_VALUE);
                rps = Math.min(rps, ceiling * 0.96);
            }
            int threads = platform ? (k.configuration().threads() == null ? 16 : k.configuration().threads()) + (k.configuration().workers() == null ? 2 : k.configuration().workers()) + 22
                    : (k.configuration().workers() == null ? 2 : k.configuration().workers()) + 24;
            long mib = platform ? 150 + (k.configuration().threads() == null ? 16 : k.configuration().threads()) / 2
                    : k.configuration().virtualThreads() ? 158 : 124 + 2L * (k.configuration().workers() == null ? 2 : k.configuration().workers());
            return new Model(rps, cost, mib * k.configuration().processes() * 1024 * 1024, threads * k.configuration().processes());
        }
    }
}
