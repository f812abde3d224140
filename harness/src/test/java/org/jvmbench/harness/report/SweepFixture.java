package org.jvmbench.harness.report;

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
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.LatencySummary;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Throughput;
import org.jvmbench.harness.server.App;
import org.jvmbench.harness.server.CpuSet;
import org.jvmbench.harness.server.Gc;
import org.jvmbench.harness.server.HeapSize;

/**
 * Builds a sweep folder as the harness writes one: {@code sweep.json},
 * {@code environment.json}, {@code results.jsonl} and each run's files. Figures follow a
 * small model of the two apps on one pinned server core (CPU cost per request, pool-bound
 * waits, Little's law for latency) with seeded noise, so fixtures look like real sweeps and
 * come out the same every time.
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
    private int durationSeconds = 20;
    private Instant clock = START;
    private boolean writeRunFiles = true;

    private SweepFixture(String name, long seed) {
        this.name = name;
        random = new Random(seed);
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

    /**
     * The resolved sweep the harness would have recorded: the settings given here (the rest
     * at their defaults) and one server entry per configuration of the points, each with the
     * endpoints and concurrencies its points have, in the order they first appear.
     */
    Sweep sweep() {
        Map<ConfigurationKey, Set<String>> endpoints = new LinkedHashMap<>();
        Map<ConfigurationKey, Set<Integer>> concurrency = new LinkedHashMap<>();
        for (PointResult p : points) {
            endpoints.computeIfAbsent(p.key().configuration(), k -> new LinkedHashSet<>()).add(p.key().endpoint());
            concurrency.computeIfAbsent(p.key().configuration(), k -> new LinkedHashSet<>()).add(p.key().concurrency());
        }
        List<ServerEntry> servers = new ArrayList<>();
        endpoints.forEach((c, e) -> servers.add(new ServerEntry(List.of(App.parse(c.app())), Arrays.asList(c.workers()),
                Arrays.asList(c.threads()), List.of(c.virtualThreads()), List.of(c.processes()),
                new Load(List.copyOf(e), List.copyOf(concurrency.get(c))))));
        if (servers.isEmpty()) {
            servers.add(new ServerEntry(List.of(App.SERVLET), null, null, null, null, new Load(List.of("/hello"), List.of(64))));
        }
        return new Sweep(null, name, "", description, Duration.ofSeconds(durationSeconds), warmup, null, repeat, heap, gc, null,
                requestTimeout, null, cpus != null ? cpus : new CpuPinning(CpuSet.parse("0"), CpuSet.parse("1")), null, null, null,
                null, servers);
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
        return new PointKey(app, workers, threads, virtualThreads, processes, endpoint, concurrency);
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
        List<Flag> flagList = List.of(flags);
        boolean saturated = has(flagList, Flag.Code.INJECTOR_SATURATED);
        boolean noisy = has(flagList, Flag.Code.NOISY_NEIGHBOUR);
        boolean mismatch = has(flagList, Flag.Code.COUNT_MISMATCH);
        long ko = has(flagList, Flag.Code.ERRORS) ? Math.round(requests * 0.004) : 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        if (ko > 0) {
            errors.put("timeout", ko);
        }

        // Little's law gives the mean; the shape is a log-normal body with a thin slow tail
        double meanMicros = key.concurrency() / rps * 1_000_000;
        Histogram histogram = latencies(meanMicros, requests);
        LatencySummary latency = new LatencySummary(histogram.getTotalCount(), round1(histogram.getMean()),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                "microseconds, 3 significant digits");

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
        ResourceUsage resources = new ResourceUsage(round3(cpu), round3(Math.min(1, cpu * 1.04)), rss,
                rss + 3 * 1024 * 1024, key.processes() > 1 ? Math.round(rss * 0.86) : null,
                m.threads, round3(injector), 1, round3(other), round3(otherPeak), null, null, null, null, null, null);
        long serverRequests = mismatch ? Math.round(requests * 0.985) : requests;

        String id = key.id() + "-r" + repetition;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("gatlingReport", "points/" + id + "/gatling/index.html");
        files.put("serverLog", "points/" + id + "/server.log");
        files.put("samples", "points/" + id + "/samples.csv");
        points.add(new PointResult(PointResult.SCHEMA_VERSION, id, key, repetition, start, end,
                new Throughput(requests, requests - ko, ko, errors, durationSeconds, round3(rps)),
                latency, resources, new Reconciliation(requests, serverRequests), flagList,
                new Series(null, rpsSeries, cpuSeries, rssSeries, injectorSeries, otherSeries),
                Base64.getEncoder().encodeToString(compressed(histogram)), files));
        return this;
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
                + "<h1>Gatling report (fixture)</h1><p>" + p.key().endpoint() + ", " + p.key().concurrency()
                + " users</p>\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(p.files().get("serverLog")),
                "Started " + p.key().app() + " in 1.9 seconds (process running for 2.3)\n");
        Files.writeString(dir.resolve(p.files().get("samples")),
                "second,server_cpu_cores,server_rss_bytes,injector_cpu_cores,other_cpu_cores\n"
                        + "1," + p.series().serverCpuCores().get(0) + "," + p.series().serverRssBytes().get(0) + ","
                        + p.series().injectorCpuCores().get(0) + "," + p.series().otherCpuCores().get(0) + "\n");
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
            boolean platform = k.app().equals("servlet") && !k.virtualThreads();
            double cost = switch (k.mode()) {
                case "platform" -> 52;
                case "virtual" -> 57;
                default -> 43;
            };
            double wait = Ceiling.waitMillis(k.endpoint()).orElse(0);
            if (wait > 0) {
                cost += 14; // timer and wake-up
            }
            cost *= 1 + (k.processes() - 1) * 0.06; // two JVMs share one core: more switching
            double cpuBound = 0.97 * 1_000_000 / cost;
            double rps = cpuBound * (k.concurrency() < 32 ? 0.9 : 1);
            if (wait > 0) {
                double ceiling = Ceiling.rps(k).orElse(Double.MAX_VALUE);
                rps = Math.min(rps, ceiling * 0.96);
            }
            int threads = platform ? (k.threads() == null ? 16 : k.threads()) + (k.workers() == null ? 2 : k.workers()) + 22
                    : (k.workers() == null ? 2 : k.workers()) + 24;
            long mib = platform ? 150 + (k.threads() == null ? 16 : k.threads()) / 2
                    : k.virtualThreads() ? 158 : 124 + 2L * (k.workers() == null ? 2 : k.workers());
            return new Model(rps, cost, mib * k.processes() * 1024 * 1024, threads * k.processes());
        }
    }
}
