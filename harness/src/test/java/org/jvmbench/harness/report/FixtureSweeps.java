package org.jvmbench.harness.report;

import static org.jvmbench.harness.report.SweepFixture.key;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointKey;

/**
 * The sweep folders committed under {@code src/test/resources/report/}, and the code that
 * made them. Regenerate after changing this class or {@link SweepFixture}:
 * {@code ./mvnw -pl harness test -Dtest=CommittedFixturesTest -Dreport.fixtures.write=true},
 * then regenerate the goldens ({@code -Dreport.golden.update=true}) and review the diff.
 */
final class FixtureSweeps {

    static final Path ROOT = Path.of("src", "test", "resources", "report");
    static final Path THREADS_IO = ROOT.resolve("sweeps/threads-io");
    static final Path INTERRUPTED = ROOT.resolve("sweeps/interrupted");
    static final Path BEFORE = ROOT.resolve("compare/before");
    static final Path AFTER = ROOT.resolve("compare/after");
    static final Path VIRTUAL = ROOT.resolve("compare/virtual");

    private FixtureSweeps() {
    }

    static Map<Path, SweepFixture> all() {
        return Map.of(THREADS_IO, threadsIo(), INTERRUPTED, interrupted(),
                BEFORE, before(), AFTER, after(), VIRTUAL, virtual());
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
                .requestTimeout("10s");
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
                if (repetition == 2 && k.app().equals("reactive") && k.workers() == 2
                        && k.endpoint().equals("/hello") && k.concurrency() == 128) {
                    f.modelled(k, repetition, new Flag(Flag.Code.INJECTOR_SATURATED,
                            "injector used 0.95 of its 1 CPU (95 %, limit 90 %)"));
                } else if (repetition == 3 && k.mode().equals("platform") && k.threads() == 16
                        && k.endpoint().startsWith("/io") && k.concurrency() == 128) {
                    f.modelled(k, repetition, new Flag(Flag.Code.NOISY_NEIGHBOUR,
                            "other processes used 0.14 cores on average and 0.60 at peak (limits 0.10 and 0.50)"));
                } else {
                    f.modelled(k, repetition);
                }
            }
        }
        return f;
    }

    /** Killed while writing its fourth line: no environment file, no run files. */
    static SweepFixture interrupted() {
        SweepFixture f = SweepFixture.named("interrupted", 7)
                .description("A sweep stopped with Ctrl-C during its fourth point.")
                .durationSeconds(10)
                .warmup("5s")
                .repeat(2)
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
     * The baseline of the comparison tests, three runs per point with set throughputs:
     * platform t64 (improves clearly in {@link #after}), reactive w2 (noisy in after), platform
     * t16 (only here).
     */
    static SweepFixture before() {
        SweepFixture f = compareSweep("before", 11, 3);
        runs(f, key("servlet", 2, 64, false, 1, "/hello", 64), 15_000, 15_200, 14_900);
        runs(f, key("reactive", 2, null, false, 1, "/hello", 64), 20_000, 20_400, 19_800);
        runs(f, key("servlet", 2, 16, false, 1, "/hello", 64), 14_000, 14_100, 13_900);
        runs(f, key("servlet", 2, 64, false, 1, "/io?ms=10", 64), 6_100, 6_150, 6_080);
        return f;
    }

    /** After a change: t64 +10 % beyond the runs' spread, reactive +6 % within it, a new point reactive w4. */
    static SweepFixture after() {
        SweepFixture f = compareSweep("after", 12, 3);
        runs(f, key("servlet", 2, 64, false, 1, "/hello", 64), 16_600, 16_800, 16_500);
        runs(f, key("reactive", 2, null, false, 1, "/hello", 64), 21_200, 19_500, 22_800);
        runs(f, key("reactive", 4, null, false, 1, "/hello", 64), 20_500, 20_700, 20_600);
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
