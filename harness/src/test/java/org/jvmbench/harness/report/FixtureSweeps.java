package org.jvmbench.harness.report;

import org.jvmbench.harness.settings.ProfileMode;
import static org.jvmbench.harness.report.SweepFixture.key;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.LoadLevel;
import org.jvmbench.harness.result.PointKey;

/**
 * The sweep folders committed under {@code src/test/resources/report/}, and the code that
 * made them. Regenerate after changing this class or {@link SweepFixture}:
 * {@code ./mvnw -pl harness test -Dtest=CommittedFixturesTest -Dreport.fixtures.write=true},
 * then regenerate the goldens ({@code -Dreport.golden.update=true}) and review the diff.
 */
final class FixtureSweeps {

    /** Found from the project root, so harness-it's tests (run from their own module folder) read the same files. */
    static final Path ROOT = ProjectHome.locate().root().resolve(Path.of("harness", "src", "test", "resources", "report"));
    static final Path THREADS_IO = ROOT.resolve("sweeps/threads-io");
    static final Path INTERRUPTED = ROOT.resolve("sweeps/interrupted");
    static final Path BEFORE = ROOT.resolve("compare/before");
    static final Path AFTER = ROOT.resolve("compare/after");
    static final Path VIRTUAL = ROOT.resolve("compare/virtual");
    static final Path QUICK = ROOT.resolve("sweeps/quick");
    static final Path SLO = ROOT.resolve("sweeps/slo");

    private FixtureSweeps() {
    }

    static Map<Path, SweepFixture> all() {
        return Map.of(THREADS_IO, threadsIo(), INTERRUPTED, interrupted(),
                BEFORE, before(), AFTER, after(), VIRTUAL, virtual(), QUICK, quick(), SLO, slo());
    }

    static void writeAll() throws IOException {
        for (Map.Entry<Path, SweepFixture> e : all().entrySet()) {
            e.getValue().writeTo(e.getKey(), e.getKey().equals(INTERRUPTED) ? 900 : -1);
        }
    }

    /**
     * Two apps, three ways to run the servlet app, two reactive event-loop sizes, two endpoints,
     * two loads, three runs each; one run of one point saw a busy neighbour, one saturated the
     * injector.
     */
    static SweepFixture threadsIo() {
        SweepFixture f = SweepFixture.named("threads-io", 42)
                .description("Does the servlet app need more worker threads, virtual threads or a second "
                        + "process to keep up with the reactive app, when requests compute nothing and when each waits 10 ms?")
                .durationSeconds(20)
                .warmup("10s")
                .repeat(3)
                .heap("512m")
                .gc("G1")
                .cpus("0", "1")
                .requestTimeout("10s")
                .warmUpUsers(128)
                .calibration(41_250, 40_980);
        List<PointKey> servers = new ArrayList<>();
        for (String endpoint : List.of("/hello", "/io?ms=10")) {
            for (int concurrency : List.of(16, 128)) {
                servers.add(key("servlet", 2, 16, false, 1, endpoint, concurrency));
                servers.add(key("servlet", 2, 64, false, 1, endpoint, concurrency));
                servers.add(key("servlet", 2, null, true, 1, endpoint, concurrency));
                servers.add(key("servlet", 2, 64, false, 2, endpoint, concurrency));
                servers.add(key("reactive", 1, null, false, 1, endpoint, concurrency));
                servers.add(key("reactive", 2, null, false, 1, endpoint, concurrency));
            }
        }
        // a sweep runs each server configuration on a fresh JVM per repetition, all loads in turn
        for (int repetition = 1; repetition <= 3; repetition++) {
            for (PointKey k : servers) {
                if (repetition == 2 && k.configuration().app().equals("reactive") && k.configuration().workers() == 2
                        && k.endpoint().equals("/hello") && k.level().connections() == 128) {
                    f.modelled(k, repetition, new Flag(Flag.Code.INJECTOR_SATURATED,
                            "injector used 0.95 of its 1 CPU (95 %, limit 90 %)"));
                } else if (repetition == 3 && k.mode().equals("platform") && k.configuration().threads() == 16
                        && k.endpoint().startsWith("/io") && k.level().connections() == 128) {
                    f.modelled(k, repetition, new Flag(Flag.Code.NOISY_NEIGHBOUR,
                            "other processes used 0.14 cores on average and 0.60 at peak (limits 0.10 and 0.50)"));
                } else {
                    f.modelled(k, repetition);
                }
            }
        }
        return f;
    }

    /**
     * Killed while writing its fourth line: no environment file, no run files, and results as
     * schema 1 wrote them (no steadiness, warm-up, start or footprint; series not aligned).
     */
    static SweepFixture interrupted() {
        SweepFixture f = SweepFixture.named("interrupted", 7)
                .description("A sweep stopped with Ctrl-C during its fourth point.")
                .durationSeconds(10)
                .warmup("5s")
                .repeat(2)
                .legacy()
                .withoutEnvironment()
                .withoutRunFiles();
        f.modelled(key("servlet", null, null, false, 1, "/hello", 64), 1);
        f.modelled(key("reactive", null, null, false, 1, "/hello", 64), 1);
        f.modelled(key("servlet", null, null, false, 1, "/hello", 64), 2, new Flag(Flag.Code.ERRORS,
                "0.40 % of requests failed (timeout 320), limit 0.1 %"));
        f.modelled(key("reactive", null, null, false, 1, "/hello", 64), 2);
        return f;
    }

    /**
     * The baseline of the comparison tests, with set throughputs: platform t64 in five runs
     * (improves clearly in {@link #after}), reactive w2 in three (noisy in after), platform t32
     * (flagged in after), platform t16 (only here).
     */
    static SweepFixture before() {
        SweepFixture f = compareSweep("before", 11, 3);
        runs(f, key("servlet", 2, 64, false, 1, "/hello", 64), 15_000, 15_200, 14_900, 15_100, 14_950);
        runs(f, key("reactive", 2, null, false, 1, "/hello", 64), 20_000, 20_400, 19_800);
        runs(f, key("servlet", 2, 16, false, 1, "/hello", 64), 14_000, 14_100, 13_900);
        runs(f, key("servlet", 2, 32, false, 1, "/hello", 64), 14_600, 14_700, 14_500);
        runs(f, key("servlet", 2, 64, false, 1, "/io?ms=10", 64), 6_100, 6_150, 6_080);
        return f;
    }

    /**
     * After a change: t64 +10 % with all five runs apart (significant), reactive +6 % with the runs
     * overlapping, t32 +14 % but one run flagged, a new point reactive w4.
     */
    static SweepFixture after() {
        SweepFixture f = compareSweep("after", 12, 3);
        runs(f, key("servlet", 2, 64, false, 1, "/hello", 64), 16_600, 16_800, 16_500, 16_700, 16_550);
        runs(f, key("reactive", 2, null, false, 1, "/hello", 64), 21_200, 19_500, 22_800);
        runs(f, key("reactive", 4, null, false, 1, "/hello", 64), 20_500, 20_700, 20_600);
        PointKey t32 = key("servlet", 2, 32, false, 1, "/hello", 64);
        f.run(t32, 1, 16_700);
        f.run(t32, 2, 16_600, new Flag(Flag.Code.ERRORS, "0.40 % of requests failed (timeout: 334)"));
        f.run(t32, 3, 16_800);
        runs(f, key("servlet", 2, 64, false, 1, "/io?ms=10", 64), 6_120, 6_090, 6_140);
        return f;
    }

    /** The servlet points of {@link #before} on virtual threads, one run each. */
    static SweepFixture virtual() {
        SweepFixture f = compareSweep("virtual", 13, 1);
        f.run(key("servlet", 2, 64, true, 1, "/hello", 64), 1, 14_200);
        f.run(key("servlet", 2, 64, true, 1, "/io?ms=10", 64), 1, 6_150);
        return f;
    }

    /**
     * {@code ./bench} as it ships (sweeps/quick.yaml), profiled: one run per point, a flame graph
     * each, the warm-ups' seconds kept, the injector's ceiling on /json measured; one point near
     * that ceiling, one still drifting after a warm-up that reached its cap, one that stalled and
     * logged an OutOfMemoryError, one that lost CPU to the hypervisor.
     */
    static SweepFixture quick() {
        SweepFixture f = SweepFixture.named("quick", 21)
                .description("Both apps, /json and /io, two thread settings each, 64 connections.")
                .durationSeconds(10)
                .warmup("4m")
                .repeat(1)
                .cpus("0", "1")
                .profiled(ProfileMode.CPU)
                .withWarmUpSeries()
                .calibration(41_310, 39_870)
                .injectorCeiling("/json", 64, 27_500);
        PointKey t8 = key("servlet", 1, 8, false, 1, "/json", 64);
        PointKey t64 = key("servlet", 1, 64, false, 1, "/json", 64);
        PointKey w1 = key("reactive", 1, null, false, 1, "/json", 64);
        PointKey w2 = key("reactive", 2, null, false, 1, "/json", 64);
        f.modelled(t8, 1);
        f.modelled(withEndpoint(t8, "/io?ms=10"), 1, new Flag(Flag.Code.STALLED, ""),
                new Flag(Flag.Code.FATAL_LOG, "the server logged a fatal error during the point: "
                        + "java.lang.OutOfMemoryError: Cannot reserve 8192 bytes of direct buffer memory"));
        f.modelled(t64, 1, new Flag(Flag.Code.NOT_STEADY, "the warm-up of /json reached its cap after 240 s without the "
                        + "server settling: trend +7.9 % (≤ 5 %), CV 6.1 % (≤ 10 %), JIT 3.4 % of the time (≤ 2 %), over the last 20 s"),
                new Flag(Flag.Code.UNSTEADY, ""));
        f.modelled(withEndpoint(t64, "/io?ms=10"), 1);
        f.run(w1, 1, 22_600, new Flag(Flag.Code.INJECTOR_BOUND,
                "22600 rps is 82 % of the 27500 rps the same injector reaches against a minimal server (≥ 80 %)"));
        f.modelled(withEndpoint(w1, "/io?ms=10"), 1);
        f.modelled(w2, 1);
        f.modelled(withEndpoint(w2, "/io?ms=10"), 1, new Flag(Flag.Code.CPU_STEAL,
                "the hypervisor took 0.08 cores of the server's CPUs on average (≥ 0.05)"));
        return f;
    }

    /**
     * Latency at fixed rates (issue 9's slo.yaml in small): four configurations on /io?ms=10,
     * first closed at 64 connections, then open at 25 %–100 % of their own capacity over 256
     * connections, two runs each, against p99 ≤ 50 ms. One rate left the injector late.
     */
    static SweepFixture slo() {
        SweepFixture f = SweepFixture.named("slo", 31)
                .description("At what rate does each configuration break p99 ≤ 50 ms on a 10 ms wait?")
                .durationSeconds(15)
                .warmup("4m")
                .repeat(2)
                .cpus("0", "1")
                .slo(99, "50ms")
                .calibration(41_020, 41_180);
        List<PointKey> configurations = List.of(key("servlet", 1, 8, false, 1, "/io?ms=10", 64),
                key("servlet", 1, 64, false, 1, "/io?ms=10", 64), key("servlet", 1, null, true, 1, "/io?ms=10", 64),
                key("reactive", 1, null, false, 1, "/io?ms=10", 64));
        List<Double> fractions = List.of(0.25, 0.5, 0.75, 0.9, 1.0);
        for (int repetition = 1; repetition <= 2; repetition++) {
            for (PointKey closed : configurations) {
                f.modelled(closed, repetition);
                double capacity = f.points().getLast().throughput().rps();
                for (double fraction : fractions) {
                    PointKey open = new PointKey(closed.configuration(), closed.endpoint(), LoadLevel.Open.atShare(fraction, 256));
                    boolean late = repetition == 2 && closed.configuration().app().equals("reactive") && fraction == 0.9;
                    f.open(open, repetition, capacity * fraction, capacity, 10_600 + 45, late
                            ? new Flag[] {new Flag(Flag.Code.INJECTOR_LATE, "the injector sent 3.4 % of the requests due "
                            + "more than 1 ms late (≤ 2 %); the latest by 41 ms")} : new Flag[0]);
                }
            }
        }
        return f;
    }

    private static PointKey withEndpoint(PointKey k, String endpoint) {
        return PointKey.of(k.configuration(), endpoint, k.level().connections());
    }

    private static SweepFixture compareSweep(String name, long seed, int repeat) {
        return SweepFixture.named(name, seed)
                .durationSeconds(10)
                .warmup("5s")
                .repeat(repeat)
                .withoutRunFiles();
    }

    private static void runs(SweepFixture f, PointKey key, double... rps) {
        for (int i = 0; i < rps.length; i++) {
            f.run(key, i + 1, rps[i]);
        }
    }
}
