package org.jvmbench.harness.report;

import org.jvmbench.harness.settings.Knob;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvmbench.harness.config.ProjectHome;
import org.jvmbench.harness.plan.Slo;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.stats.RatioInterval;
import org.jvmbench.harness.stats.CapacityAtSlo;

/**
 * Every figure the README's headline table and docs/findings.md quote from a committed run is computed again from
 * that run's files, through the report's own readers. A row is a sentence (a literal piece of
 * README.md), the example it quotes, what the figure is, and the text the sentence states: the
 * row fails when the README no longer says it (reword the row with the README) or when the run
 * computes something else (the README or the run changed: correct the one that is wrong).
 */
class ReadmeFiguresTest {

    private static final Path EXAMPLES = ProjectHome.locate().reports().resolve("examples");
    private static final Path README = ProjectHome.locate().root().resolve("README.md");
    /** The findings moved out of the README; its headline table stays in it. Both are read as one text. */
    private static final Path FINDINGS = ProjectHome.locate().root().resolve("docs/findings.md");
    /** How a point is measured; it quotes the quick sweep's time-spent lines. */
    private static final Path MEASUREMENT = ProjectHome.locate().root().resolve("docs/measurement.md");
    private static final Map<String, SweepResults> RUNS = new ConcurrentHashMap<>();

    /**
     * @param sentence a literal substring of README.md holding the figure
     * @param example  the folder under reports/examples it is quoted from
     * @param expected the figure as the sentence states it (a substring of the sentence)
     * @param figure   computes that text from the example's files
     */
    record Quote(String sentence, String example, String expected, Function<Example, String> figure) {
        @Override
        public String toString() {
            return example + ": " + expected;
        }
    }

    static Stream<Quote> quotes() {
        return Stream.of(
                // The README's headline table
                new Quote("| B/A 0.999 (95 % CI 0.974–1.035) over 6 fork pairs: no difference named; JVMs of one configuration "
                        + "differed by up to 5.2 % from start to start", "aa-4",
                        "0.999 (95 % CI 0.974–1.035) over 6 fork pairs: no difference named; JVMs of one configuration differed by up to 5.2 %",
                        e -> paired(e, "B").replace("(", "(95 % CI ") + " over " + pairedComparison(e, "B").throughput().forkPairs()
                                + " fork pairs: " + (pairedComparison(e, "B").throughputDifference().winnerNamed() ? "a difference named"
                                : "no difference named") + "; JVMs of one configuration differed by up to "
                                + String.format(Locale.ROOT, "%.1f", 100 * (forkMedians(e, "B").stream().mapToDouble(r -> Math.abs(r - 1))
                                .max().orElseThrow())) + " %"),
                new Quote("| 0.937 (95 % CI 0.912–0.956) over 3 fork pairs: 6.3 % slower, named |", "sensitivity",
                        "0.937 (95 % CI 0.912–0.956) over 3 fork pairs: 6.3 % slower, named", e -> {
                            PairedTable.Comparison c = PairedTable.of(e.run()).rows().getFirst();
                            return MarkdownSummary.ratio(c.throughput()).replace("(", "(95 % CI ") + " over " + c.throughput().forkPairs()
                                    + " fork pairs: " + Units.percent(1 - c.throughput().median()) + " slower, "
                                    + (c.throughputDifference().winnerNamed() ? "named" : "not named");
                        }),
                // workers-vs-threads, paired: README row and docs/findings.md table and paragraph
                new Quote("| against 1 IO thread with 2 workers: 2 IO threads with 2 workers 0.846 (95 % CI 0.726–0.967), 2 with 1 worker "
                        + "0.609 (0.554–0.705), 4 with 1 worker 0.496 (0.456–0.540)", "workers-vs-threads",
                        "2 IO threads with 2 workers 0.846 (95 % CI 0.726–0.967), 2 with 1 worker 0.609 (0.554–0.705), 4 with 1 worker 0.496 (0.456–0.540)",
                        e -> "2 IO threads with 2 workers " + pairedLabel(e, "w2 t2").replace("(", "(95 % CI ") + ", 2 with 1 worker "
                                + pairedLabel(e, "w2 t1") + ", 4 with 1 worker " + pairedLabel(e, "w4 t1")),
                new Quote("| 1 IO thread, 4 workers | 19,222 (16,769–20,262) | 1.116 (1.031–1.266), flagged | 14 % | 1.034 (0.830–1.215) |",
                        "workers-vs-threads", "19,222 (16,769–20,262) | 1.116 (1.031–1.266), flagged | 14 % | 1.034 (0.830–1.215)",
                        e -> pairedRow(e, "w1 t4") + (e.points().stream().anyMatch(p -> p.key().configuration().label().endsWith("w1 t4")
                                && !p.flags().isEmpty()) ? ", flagged" : "") + pairedRowEnd(e, "w1 t4")),
                new Quote("| 1 IO thread, 2 workers (baseline) | 17,302 (16,239–17,518) | 1 |", "workers-vs-threads", "17,302 (16,239–17,518)",
                        e -> MarkdownSummary.spread(pairedComparison(e, c -> c.configuration().label().endsWith("w4 t1")).baselineRps(),
                                Units::whole)),
                new Quote("| 2 IO threads, 2 workers | 13,776 (12,686–15,364) | 0.846 (0.726–0.967): 15 % slower | 20 % | 1.704 (1.579–1.827) |",
                        "workers-vs-threads", "13,776 (12,686–15,364) | 0.846 (0.726–0.967): 15 % slower | 20 % | 1.704 (1.579–1.827)",
                        e -> pairedRow(e, "w2 t2") + ": " + slower(e, "w2 t2") + pairedRowEnd(e, "w2 t2")),
                new Quote("| 2 IO threads, 1 worker | 10,283 (8,284–11,354) | 0.609 (0.554–0.705): 39 % slower | 16 % | 1.462 (1.300–1.634) |",
                        "workers-vs-threads", "10,283 (8,284–11,354) | 0.609 (0.554–0.705): 39 % slower | 16 % | 1.462 (1.300–1.634)",
                        e -> pairedRow(e, "w2 t1") + ": " + slower(e, "w2 t1") + pairedRowEnd(e, "w2 t1")),
                new Quote("| 4 IO threads, 1 worker | 7,770 (6,999–8,756) | 0.496 (0.456–0.540): 50 % slower | 11 % | 1.824 (1.487–2.241) |",
                        "workers-vs-threads", "7,770 (6,999–8,756) | 0.496 (0.456–0.540): 50 % slower | 11 % | 1.824 (1.487–2.241)",
                        e -> pairedRow(e, "w4 t1") + ": " + slower(e, "w4 t1") + pairedRowEnd(e, "w4 t1")),
                new Quote("a second one\n15–39 %, four of them half", "workers-vs-threads", "15–39 %",
                        e -> slower(e, "w2 t2").replace(" % slower", "") + "–" + slower(e, "w2 t1").replace(" slower", "")),
                new Quote("`reports/examples/workers-vs-threads`, 2026-12-07, AMD EPYC, 36m32s", "workers-vs-threads", "36m32s",
                        e -> e.progress("^done: .* in (\\S+);")),
                new Quote("(`INJECTOR_SATURATED` on every baseline fork, `INJECTOR_BOUND`\non one w1 t4 fork)", "workers-vs-threads",
                        "`INJECTOR_SATURATED` on every baseline fork, `INJECTOR_BOUND`\non one w1 t4 fork", e -> {
                            List<PointResult> baseline = e.points().stream().filter(p -> p.key().configuration().label().endsWith("w1 t2")).toList();
                            long saturated = baseline.stream().filter(Example.flagged(Flag.Code.INJECTOR_SATURATED)).count();
                            long bound = e.points().stream().filter(p -> p.key().configuration().label().endsWith("w1 t4"))
                                    .filter(Example.flagged(Flag.Code.INJECTOR_BOUND)).count();
                            return "`INJECTOR_SATURATED` on " + (saturated == baseline.size() ? "every" : saturated + " of " + baseline.size())
                                    + " baseline fork, `INJECTOR_BOUND`\non " + (bound == 1 ? "one" : String.valueOf(bound)) + " w1 t4 fork";
                        }),
                new Quote("the interval says\n12 % (3–27 %)", "workers-vs-threads", "12 % (3–27 %)",
                        e -> pairedComparison(e, c -> c.configuration().label().endsWith("w1 t4")).throughputWords()
                                .replaceFirst(".* is (\\S+ %) faster .*\\(95 % CI (\\S+ %)\\)$", "$1 ($2)")),
                new Quote("w1 t4's JIT compiled through 2.7–3.6 %\nof two forks' slices", "workers-vs-threads", "2.7–3.6 %\nof two forks'",
                        e -> {
                            List<Double> jit = e.points().stream().filter(p -> p.key().configuration().label().endsWith("w1 t4"))
                                    .flatMap(p -> p.flags().stream()).filter(f -> f.code() == Flag.Code.UNSTEADY)
                                    .map(f -> Double.parseDouble(f.reason().replaceFirst(".* for (\\S+) %.*", "$1"))).sorted().toList();
                            return Units.plain(jit.getFirst()) + "–" + Units.plain(jit.getLast()) + " %\nof " + (jit.size() == 2 ? "two" : jit.size())
                                    + " forks'";
                        }),
                new Quote("fork pairs\n1.041, 1.051 and 1.041, so 1.041 (1.030–1.059)", "aa-3", "1.041, 1.051 and 1.041, so 1.041 (1.030–1.059)",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ") + ", so " + paired(e, "B")),
                new Quote("6m16s the first time (ETA 5m28s;", "quick-first-run", "6m16s the first time (ETA 5m28s",
                        e -> e.progress("^done: .* in (\\S+);") + " the first time (ETA " + e.progress("^ETA (\\S+) \\(nothing measured")),
                new Quote("and 5m19s the next (ETA 5m13s, from this machine's own times;", "quick-cached", "5m19s the next (ETA 5m13s",
                        e -> e.progress("^done: .* in (\\S+);") + " the next (ETA " + e.progress("^ETA (\\S+) \\(from what this machine")),
                new Quote("`reports/examples/quick-cached`); 79 % of that is warming", "quick-cached", "79 % of that is warming", e -> {
                    var spent = e.run().environment().get("timeSpent");
                    return Math.round(100 * spent.get("warming").asDouble() / spent.get("wall").asDouble()) + " % of that is warming";
                }),
                new Quote("time spent: measured 40s (11 %), warming 4m00s (64 %), starting 12s (3 %), probing 1m07s (18 %), calibrating 9s (2 %), "
                        + "other 7s (2 %); ETA was 5m28s, took 6m16s: 15 % longer", "quick-first-run",
                        "time spent: measured 40s (11 %), warming 4m00s (64 %), starting 12s (3 %), probing 1m07s (18 %), calibrating 9s (2 %), "
                                + "other 7s (2 %); ETA was 5m28s, took 6m16s: 15 % longer", e -> e.progress("^(time spent: .*)$")),
                new Quote("time spent: measured 40s (13 %), warming 4m11s (79 %), starting 13s (4 %), probing 0s (0 %), calibrating 9s (3 %), "
                        + "other 5s (2 %); ETA was 5m13s, took 5m19s: 2 % longer", "quick-cached",
                        "time spent: measured 40s (13 %), warming 4m11s (79 %), starting 13s (4 %), probing 0s (0 %), calibrating 9s (3 %), "
                                + "other 5s (2 %); ETA was 5m13s, took 5m19s: 2 % longer", e -> e.progress("^(time spent: .*)$")),
                new Quote("\"cached: measured 2026-12-07T05:38:18.254993841Z on this machine;\nthe calibration is 101489 ops/s, -0.6 % against the "
                        + "102152 measured beside them, within ±10 %\"", "quick-cached",
                        "cached: measured 2026-12-07T05:38:18.254993841Z on this machine;\nthe calibration is 101489 ops/s, -0.6 % against the "
                                + "102152 measured beside them, within ±10 %",
                        e -> e.run().environment().get("injectorCeilingSource").asText().replace("machine; the", "machine;\nthe")),
                new Quote("Reactive: 0.997 (95 % CI 0.987–1.009) over 6 fork pairs, no difference beyond ±2 %;", "aa-reactive",
                        "0.997 (95 % CI 0.987–1.009) over 6 fork pairs, no difference beyond ±2 %",
                        e -> paired(e, "B").replace("(", "(95 % CI ") + " over " + pairedComparison(e, "B").throughput().forkPairs()
                                + " fork pairs, " + pairedComparison(e, "B").throughputWords()),
                new Quote("(`reports/examples/aa-reactive`, 17m33s against an ETA of 19m53s", "aa-reactive", "17m33s against an ETA of 19m53s",
                        e -> e.progress("^done: .* in (\\S+);") + " against an ETA of " + e.progress("^ETA (\\S+) ")),
                new Quote("Fork pairs 0.999, 0.987, 0.986, 1.008, 1.012 and 0.995 →\n0.997 (0.987–1.009), \"no difference beyond ±2 %\"", "aa-reactive",
                        "0.999, 0.987, 0.986, 1.008, 1.012 and 0.995 →\n0.997 (0.987–1.009), \"no difference beyond ±2 %\"",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ") + " →\n" + paired(e, "B")
                                + ", \"" + pairedComparison(e, "B").throughputWords() + "\""),
                new Quote("moved from 11,206 to 21,628 rps\nbetween forks. 5 of its 12 points are flagged `INJECTOR_SATURATED`", "aa-reactive",
                        "11,206 to 21,628 rps\nbetween forks. 5 of its 12 points are flagged `INJECTOR_SATURATED`", e -> {
                            List<Double> a = e.points().stream().filter(p -> "A".equals(p.key().configuration().arm()))
                                    .map(p -> Spread.of(p.slices().stream().map(sl -> sl.rps()).toList()).median()).sorted().toList();
                            return Units.whole(a.getFirst()) + " to " + Units.whole(a.getLast()) + " rps\nbetween forks. "
                                    + e.count(Example.flagged(Flag.Code.INJECTOR_SATURATED)) + " of its " + e.points().size()
                                    + " points are flagged `INJECTOR_SATURATED`";
                        }),
                // the second reactive A/A run: the README's row and its findings paragraph
                new Quote("a second run 0.985 (0.917–1.042), no difference named but ±6 % wide |", "aa-reactive-2",
                        "0.985 (0.917–1.042), no difference named but ±6 % wide", e -> {
                            RatioInterval i = pairedComparison(e, "B").throughput();
                            boolean named = !pairedComparison(e, "B").throughputWords().startsWith("cannot tell");
                            return paired(e, "B") + (named ? ", a difference named" : ", no difference named") + " but ±"
                                    + Math.round(100 * (i.high() - i.low()) / 2) + " % wide";
                        }),
                new Quote("(`reports/examples/aa-reactive-2`, 19m49s\nagainst an ETA of 19m08s", "aa-reactive-2", "19m49s\nagainst an ETA of 19m08s",
                        e -> e.progress("^done: .* in (\\S+);") + "\nagainst an ETA of " + e.progress("^ETA (\\S+) ")),
                new Quote("fork pairs 1.013, 0.975, 1.048, 0.877, 0.996 and 0.964 →\n0.985 (0.917–1.042), \"cannot tell\"", "aa-reactive-2",
                        "1.013, 0.975, 1.048, 0.877, 0.996 and 0.964 →\n0.985 (0.917–1.042), \"cannot tell\"",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ") + " →\n" + paired(e, "B")
                                + ", \"" + pairedComparison(e, "B").throughputWords().replaceFirst(":.*", "") + "\""),
                new Quote("One fork pair came out 12 % apart (both of its points\n`INJECTOR_SATURATED`), and the machine moved from 10,509 to 22,322 rps "
                        + "between forks (its calibration\n−8.9 % from start to end)", "aa-reactive-2",
                        "12 % apart (both of its points\n`INJECTOR_SATURATED`), and the machine moved from 10,509 to 22,322 rps between forks "
                        + "(its calibration\n−8.9 %", e -> {
                            List<Double> pairs = forkMedians(e, "B");
                            int worst = 0;
                            for (int k = 1; k < pairs.size(); k++) {
                                if (Math.abs(Math.log(pairs.get(k))) > Math.abs(Math.log(pairs.get(worst)))) {
                                    worst = k;
                                }
                            }
                            int repetition = worst + 1;
                            boolean bothSaturated = e.points().stream().filter(p -> p.repetition() == repetition)
                                    .allMatch(Example.flagged(Flag.Code.INJECTOR_SATURATED));
                            List<Double> a = e.points().stream().filter(p -> "A".equals(p.key().configuration().arm()))
                                    .map(p -> Spread.of(p.slices().stream().map(sl -> sl.rps()).toList()).median()).sorted().toList();
                            return Math.round(100 * Math.abs(1 - pairs.get(worst))) + " % apart (" + (bothSaturated ? "both" : "not both")
                                    + " of its points\n`INJECTOR_SATURATED`), and the machine moved from " + Units.whole(a.getFirst()) + " to "
                                    + Units.whole(a.getLast()) + " rps between forks (its calibration\n"
                                    + e.progress("^calibration at the end: .*\\((\\S+ %) against the start\\)");
                        }),
                new Quote("the start order fixed, named one (1.041 (1.030–1.059))", "aa-3", "1.041 (1.030–1.059)", e -> paired(e, "B")),
                new Quote("Fork pairs 1.052, 1.022, 1.007, 0.991, 0.979 and 0.975;", "aa-4", "1.052, 1.022, 1.007, 0.991, 0.979 and 0.975",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ")),
                new Quote("B warmed last in the odd ones (1.052, 1.007, 0.979), A in the even ones (1.022, 0.991, 0.975)", "aa-4",
                        "odd ones (1.052, 1.007, 0.979), A in the even ones (1.022, 0.991, 0.975)", e -> {
                            // the arms start, and so warm, in the file's order in odd repetitions (B last), reversed in even ones
                            List<Double> m = forkMedians(e, "B");
                            java.util.function.IntFunction<String> every = from -> java.util.stream.IntStream.range(0, m.size())
                                    .filter(i -> i % 2 == from).mapToObj(i -> String.format(Locale.ROOT, "%.3f", m.get(i)))
                                    .collect(Collectors.joining(", "));
                            return "odd ones (" + every.apply(0) + "), A in the even ones (" + every.apply(1) + ")";
                        }),
                new Quote("four runs B was ahead in 11 of 15 fork pairs; a fair coin does that or more 5.9 % of the time", "aa-4",
                        "11 of 15 fork pairs; a fair coin does that or more 5.9 %", e -> {
                    List<Double> all = new java.util.ArrayList<>();
                    for (String run : List.of("aa", "aa-2", "aa-3", "aa-4")) {
                        all.addAll(forkMedians(Example.of(run), "B"));
                    }
                    int n = all.size();
                    long ahead = all.stream().filter(r -> r > 1).count();
                    // one-sided sign test: P(at least this many of n ahead) for a fair coin
                    double p = 0;
                    for (long k = ahead; k <= n; k++) {
                        double ways = 1;
                        for (int i = 0; i < k; i++) {
                            ways = ways * (n - i) / (i + 1);
                        }
                        p += ways / Math.pow(2, n);
                    }
                    return ahead + " of " + n + " fork pairs; a fair coin does that or more " + Units.percent(p);
                }),
                new Quote("B/A 0.999 (0.974–1.035), \"cannot tell: 95 % CI −2.6 to +3.5 %\"", "aa-4",
                        "0.999 (0.974–1.035), \"cannot tell: 95 % CI −2.6 to +3.5 %\"",
                        e -> paired(e, "B") + ", \"" + pairedComparison(e, "B").throughputWords() + "\""),
                new Quote("(identical forks\ndiffered by a log sd of 2.9 % in this run)", "aa-4", "2.9 %", e -> {
                    List<Double> logs = forkMedians(e, "B").stream().map(Math::log).toList();
                    double mean = logs.stream().mapToDouble(d -> d).average().orElseThrow();
                    double sd = Math.sqrt(logs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (logs.size() - 1));
                    return Units.percent(sd);
                }),
                // the fifth A/A run, on another VM
                new Quote("The same again on another VM (an Intel Xeon): 1.001 (95 % CI 0.969–1.035), no difference named, ±3.3 %.",
                        "aa-5", "1.001 (95 % CI 0.969–1.035), no difference named, ±3.3 %", e -> {
                            RatioInterval i = pairedComparison(e, "B").throughput();
                            return paired(e, "B").replace("(", "(95 % CI ") + ", "
                                    + (pairedComparison(e, "B").throughputDifference().winnerNamed() ? "a difference named" : "no difference named")
                                    + ", ±" + String.format(Locale.ROOT, "%.1f", 100 * (i.high() - i.low()) / 2) + " %";
                        }),
                new Quote("`reports/examples/aa-5`, 24m42s against an\nETA of 19m08s", "aa-5", "24m42s against an\nETA of 19m08s",
                        e -> e.progress("done: .* in (\\d+m\\d+s);") + " against an\nETA of " + e.progress("^ETA (\\S+) ")),
                new Quote("fork pairs 1.052, 0.968, 1.013, 0.989, 1.016 and 0.974 → B/A 1.001 (0.969–1.035), \"cannot tell: 95 % CI −3.1 to +3.5 %\"",
                        "aa-5", "1.052, 0.968, 1.013, 0.989, 1.016 and 0.974 → B/A 1.001 (0.969–1.035), \"cannot tell: 95 % CI −3.1 to +3.5 %\"",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ")
                                + " → B/A " + paired(e, "B") + ", \"" + pairedComparison(e, "B").throughputWords() + "\""),
                new Quote("neither lies wholly within ±3 % (−2.6 to +3.5 % and −3.1 to +3.5 %)", "aa-5",
                        "neither lies wholly within ±3 % (−2.6 to +3.5 % and −3.1 to +3.5 %)", e -> {
                            List<Example> runs = List.of(Example.of("aa-4"), e);
                            long within = runs.stream().map(r -> pairedComparison(r, "B").throughput())
                                    .filter(i -> i.low() >= 0.97 && i.high() <= 1.03).count();
                            return (within == 0 ? "neither lies" : within == 1 ? "one lies" : "both lie") + " wholly within ±3 % ("
                                    + runs.stream().map(r -> pairedComparison(r, "B").throughputWords().replace("cannot tell: 95 % CI ", ""))
                                    .collect(Collectors.joining(" and ")) + ")";
                        }),
                new Quote("identical forks differed by a log sd of 3.1 %", "aa-5", "3.1 %", e -> {
                    List<Double> logs = forkMedians(e, "B").stream().map(Math::log).toList();
                    double mean = logs.stream().mapToDouble(d -> d).average().orElseThrow();
                    double sd = Math.sqrt(logs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (logs.size() - 1));
                    return Units.percent(sd);
                }),
                new Quote("6 of its 12 points are\nflagged `UNSTEADY`", "aa-5", "6 of its 12 points are\nflagged `UNSTEADY`",
                        e -> e.count(p -> !p.flags().isEmpty()) + " of its " + e.points().size() + " points are\nflagged `"
                                + (e.count(Example.flagged(Flag.Code.UNSTEADY)) == e.count(p -> !p.flags().isEmpty()) ? "UNSTEADY" : "mixed") + "`"),
                new Quote("`reports/examples/aa-4`, 27m49s against an ETA of 17m48s", "aa-4", "27m49s against an ETA of 17m48s",
                        e -> e.progress("done: .* in (\\d+m\\d+s);") + " against an ETA of " + e.progress("^ETA (\\S+);")),
                new Quote("11 of its 12 points carry a flag (8 at or near the injector's own\nlimit, 8 with the JIT compiling in more than "
                        + "2 % of the slices' time, 5 with other processes on the\nCPUs)", "aa-4",
                        "11 of its 12 points carry a flag (8 at or near the injector's own\nlimit, 8 with the JIT compiling in more than "
                                + "2 % of the slices' time, 5 with other processes on the\nCPUs)",
                        e -> e.count(p -> !p.flags().isEmpty()) + " of its " + e.points().size() + " points carry a flag ("
                                + e.count(Example.flagged(Flag.Code.INJECTOR_BOUND).or(Example.flagged(Flag.Code.INJECTOR_SATURATED)))
                                + " at or near the injector's own\nlimit, " + e.count(Example.flagged(Flag.Code.UNSTEADY))
                                + " with the JIT compiling in more than 2 % of the slices' time, " + e.count(Example.flagged(Flag.Code.NOISY_NEIGHBOUR))
                                + " with other processes on the\nCPUs)"),
                new Quote("reaches 21,693 rps against a minimal server: `/json` at 14,893–19,104 rps (the forks' median slices)", "aa-4",
                        "21,693 rps against a minimal server: `/json` at 14,893–19,104 rps", e -> {
                            List<Double> forks = e.points().stream()
                                    .map(p -> Spread.of(p.slices().stream().map(sl -> sl.rps()).toList()).median()).sorted().toList();
                            return Units.whole(e.points().getFirst().injectorCeilingRps()) + " rps against a minimal server: `/json` at "
                                    + Units.whole(forks.getFirst()) + "–" + Units.whole(forks.getLast()) + " rps";
                        }),
                new Quote("was ahead in 8 of 9 fork\npairs", "aa", "8 of 9", e -> {
                    List<Double> all = new java.util.ArrayList<>(forkMedians(e, "B"));
                    all.addAll(forkMedians(Example.of("aa-2"), "B"));
                    all.addAll(forkMedians(Example.of("aa-3"), "B"));
                    return all.stream().filter(r -> r > 1).count() + " of " + all.size();
                }),
                new Quote("was 1.087, 1.046 and 1.003, each the same way", "aa", "1.087, 1.046 and 1.003",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ")),
                new Quote("for this run 1.046 (0.945–1.155), \"cannot tell: 95 % CI −5 to +16 %\"", "aa",
                        "1.046 (0.945–1.155), \"cannot tell: 95 % CI −5 to +16 %\"",
                        e -> paired(e, "B") + ", \"" + pairedComparison(e, "B").throughputWords() + "\""),
                new Quote("fork pairs 0.985, 1.002 and 1.064, B/A 1.002 (0.919–1.125), \"cannot\ntell: 95 % CI −8 to +12 %\"",
                        "aa-2", "0.985, 1.002 and 1.064, B/A 1.002 (0.919–1.125), \"cannot\ntell: 95 % CI −8 to +12 %\"",
                        e -> forkMedians(e, "B").stream().map(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(", ")).replaceFirst(", (?=[^,]*$)", " and ") + ", B/A " + paired(e, "B")
                                + ", \"" + pairedComparison(e, "B").throughputWords().replace("cannot tell: ", "cannot\ntell: ") + "\""),
                new Quote("these are 10.5 %\nand 10.3 %", "aa", "10.5 %\nand 10.3 %",
                        e -> String.format(Locale.ROOT, "%.1f %%\nand %.1f %%", 100 * pairedComparison(e, "B").throughput().halfWidth(),
                                100 * pairedComparison(Example.of("aa-2"), "B").throughput().halfWidth())),
                new Quote("`extraCpuMicros: 4`, 3 fork pairs × 12 rounds: 0.937 (0.912–0.956), \"servlet platform w1 t64 +cpu4us\nis 6.3 % slower than "
                        + "servlet platform w1 t64 (95 % CI 4.4–8.8 %)\"", "sensitivity",
                        "3 fork pairs × 12 rounds: 0.937 (0.912–0.956), \"servlet platform w1 t64 +cpu4us\nis 6.3 % slower than "
                                + "servlet platform w1 t64 (95 % CI 4.4–8.8 %)\"", e -> {
                            PairedTable.Comparison c = PairedTable.of(e.run()).rows().getFirst();
                            return c.throughput().forkPairs() + " fork pairs × " + c.throughput().rounds() / c.throughput().forkPairs()
                                    + " rounds: " + MarkdownSummary.ratio(c.throughput()) + ", \""
                                    + c.throughputWords().replace("+cpu4us is", "+cpu4us\nis") + "\"";
                        }),
                new Quote("where the 4 µs were 5.9–7.1 % of\nthe 56–68 µs a request", "sensitivity", "5.9–7.1 % of\nthe 56–68 µs", e -> {
                    List<Double> micros = e.points().stream().filter(p -> p.key().configuration().tuning().get(Knob.EXTRA_CPU_MICROS) == null)
                            .map(p -> p.resources().serverCpuCores() / p.throughput().rps() * 1e6).sorted().toList();
                    return String.format(Locale.ROOT, "%.1f–%.1f %% of\nthe %.0f–%.0f µs", 400 / micros.getLast(), 400 / micros.getFirst(),
                            micros.getFirst(), micros.getLast());
                }),
                new Quote("| B (identical) | 1.002 (0.689–1.455) | 0.980 (0.825–1.164) | cannot tell: 95 % CI −31 to +46 % |", "paired-proof",
                        "1.002 (0.689–1.455) | 0.980 (0.825–1.164) | cannot tell: 95 % CI −31 to +46 %",
                        e -> paired(e, "B") + " | " + MarkdownSummary.ratio(pairedComparison(e, "B").p99()) + " | "
                                + pairedComparison(e, "B").throughputWords()),
                new Quote("| slow (+4 µs CPU a request) | 0.937 (0.630–1.392) | 1.012 (0.889–1.152) | cannot tell: 95 % CI −37 to +39 % |",
                        "paired-proof", "0.937 (0.630–1.392) | 1.012 (0.889–1.152) | cannot tell: 95 % CI −37 to +39 %",
                        e -> paired(e, "slow") + " | " + MarkdownSummary.ratio(pairedComparison(e, "slow").p99()) + " | "
                                + pairedComparison(e, "slow").throughputWords()),
                new Quote("its median, 6.3 % slower, is in line", "paired-proof", "6.3 % slower",
                        e -> Units.percent(1 - pairedComparison(e, "slow").throughput().median()) + " slower"),
                new Quote("| event loop 16,175 requests a second, 64 platform threads 5,474, 8 platform threads 688 |", "slo",
                        "16,175 requests a second, 64 platform threads 5,474, 8 platform threads 688",
                        e -> Units.whole(e.slo("reactive-p1-w1-tdef-io_ms_10").capacity().offeredRps().median())
                                + " requests a second, 64 platform threads "
                                + Units.whole(e.slo("servlet-p1-w1-t64-io_ms_10").capacity().offeredRps().median())
                                + ", 8 platform threads " + Units.whole(e.slo("servlet-p1-w1-t8-io_ms_10").capacity().offeredRps().median())),
                new Quote("| first answer 1.9–2.8× sooner; time to peak", "startup", "1.9–2.8×",
                        e -> e.aotPairs(s -> s.firstAnswerSeconds(), (cold, aot) -> cold / aot,
                                v -> String.format(Locale.ROOT, "%.1f", v)) + "×"),
                new Quote("| capped at 962–976 requests a second by `boundedElastic`", "asgi", "962–976",
                        e -> e.medianRange(Example.id("-io_ms_10_mode_offload-").and(Example.not("-el1000-")))),
                new Quote("| stalled in 2 of 20 fresh starts;", "jetty-vt-starts", "2 of 20", e -> e.points().stream()
                        .filter(Example.flagged(Flag.Code.SERVER_HUNG)).map(PointResult::repetition).distinct().count()
                        + " of " + e.points().stream().map(PointResult::repetition).distinct().count()),
                new Quote("; none of 20 with the JDK's pollers on platform threads |", "jetty-vt-starts-poller1", "none of 20",
                        e -> (e.count(Example.flagged(Flag.Code.SERVER_HUNG)) == 0 ? "none" : "some") + " of "
                                + e.points().stream().map(PointResult::repetition).distinct().count()),
                new Quote("| CV 11 % (servlet) and 16 % (reactive) over five fresh JVMs", "steady", "CV 11 % (servlet) and 16 % (reactive) over five",
                        e -> "CV " + e.repeatCv("servlet-p1-w1-t8-json-c64") + " (servlet) and " + e.repeatCv("reactive-p1-w1-tdef-json-c64")
                                + " (reactive) over " + List.of("no", "one", "two", "three", "four", "five", "six")
                                .get(e.group("servlet-p1-w1-t8-json-c64").measuredRepetitions().size())),

                // How far to trust a figure: steady
                new Quote("| servlet, 1 IO thread, 8 workers | 25,506 (21,519–29,761) | 11 % | 7.35 ms |", "steady",
                        "25,506 (21,519–29,761) | 11 % | 7.35 ms",
                        e -> e.rpsSpread("servlet-p1-w1-t8-json-c64") + " | " + e.repeatCv("servlet-p1-w1-t8-json-c64")
                                + " | " + e.p99("servlet-p1-w1-t8-json-c64")),
                new Quote("| reactive, 1 event loop | 20,546 (19,366–27,898) | 16 % | 7.71 ms |", "steady",
                        "20,546 (19,366–27,898) | 16 % | 7.71 ms",
                        e -> e.rpsSpread("reactive-p1-w1-tdef-json-c64") + " | " + e.repeatCv("reactive-p1-w1-tdef-json-c64")
                                + " | " + e.p99("reactive-p1-w1-tdef-json-c64")),
                new Quote("each warmed until settled (servlet 117–142 s, reactive 46–66 s)", "steady", "servlet 117–142 s",
                        e -> "servlet " + e.warmUpSeconds("servlet-p1-w1-t8-json-c64") + " s"),
                new Quote("each warmed until settled (servlet 117–142 s, reactive 46–66 s)", "steady", "reactive 46–66 s",
                        e -> "reactive " + e.warmUpSeconds("reactive-p1-w1-tdef-json-c64") + " s"),
                new Quote("so 9 of the 10 points are flagged `UNSTEADY`", "steady", "9 of the 10",
                        e -> e.count(Example.flagged(Flag.Code.UNSTEADY)) + " of the " + e.count(p -> true)),
                new Quote("(their own window drifted 11–42 %)", "steady", "11–42 %", e -> e.unsteadyDrift("") + " %"),
                new Quote("with the JIT finished (at most 1.4 % of the window)", "steady", "at most 1.4 %",
                        e -> "at most " + Units.percent(e.max("", Example::jitShare))),
                new Quote("while the server's CPU stays at 0.98–0.99 cores and the injector's below 0.8", "steady",
                        "0.98–0.99 cores and the injector's below 0.8",
                        e -> e.range("", p -> p.resources().serverCpuCores(), Units::cores) + " cores and the injector's below "
                                + String.format(Locale.ROOT, "%.1f", Math.ceil(e.max("", p -> p.resources().injectorCpuCores()) * 10) / 10)),
                new Quote("The calibration workload on the server's CPU moved 1.9 %", "steady", "moved 1.9 %",
                        e -> "moved " + Units.percent(Math.abs(MachineSummary.of(e.run()).drift()))),

                // Servlet or reactive: quick-four, one run each
                quickFour("| servlet, 1 IO thread, 8 workers | 21,427 | 118 s | 771 (800: 8 threads / 10 ms) | 36 s |",
                        "servlet-p1-w1-t8", "21,427 | 118 s | 771"),
                quickFour("| servlet, 1 IO thread, 64 workers | 20,967 (`UNSTEADY`, `CPU_STEAL`) | 97 s | 4,900 (6,400) | 36 s |",
                        "servlet-p1-w1-t64", "20,967 (`UNSTEADY`, `CPU_STEAL`) | 97 s | 4,900"),
                quickFour("| reactive, 1 event loop | 21,967 (`UNSTEADY`) | 61 s | 5,974 (6,400) | 51 s |",
                        "reactive-p1-w1-tdef", "21,967 (`UNSTEADY`) | 61 s | 5,974"),
                quickFour("| reactive, 2 event loops | 21,411 | 66 s | 5,955 (6,400) | 41 s |",
                        "reactive-p1-w2-tdef", "21,411 | 66 s | 5,955"),
                new Quote("| servlet, 1 IO thread, 8 workers | 21,427 | 118 s | 771 (800: 8 threads / 10 ms) | 36 s |",
                        "quick-four", "| 36 s |", e -> "| " + e.warmUpSeconds("servlet-p1-w1-t8-io_ms_10-c64") + " s |"),
                new Quote("| servlet, 1 IO thread, 64 workers | 20,967 (`UNSTEADY`, `CPU_STEAL`) | 97 s | 4,900 (6,400) | 36 s |",
                        "quick-four", "| 36 s |", e -> "| " + e.warmUpSeconds("servlet-p1-w1-t64-io_ms_10-c64") + " s |"),
                new Quote("| reactive, 1 event loop | 21,967 (`UNSTEADY`) | 61 s | 5,974 (6,400) | 51 s |",
                        "quick-four", "| 51 s |", e -> "| " + e.warmUpSeconds("reactive-p1-w1-tdef-io_ms_10-c64") + " s |"),
                new Quote("| reactive, 2 event loops | 21,411 | 66 s | 5,955 (6,400) | 41 s |",
                        "quick-four", "| 41 s |", e -> "| " + e.warmUpSeconds("reactive-p1-w2-tdef-io_ms_10-c64") + " s |"),
                new Quote("the reactive app keeps p99 at 13 ms against the servlet app's 26 ms", "quick-four",
                        "13 ms against the servlet app's 26 ms",
                        e -> e.p99Whole("reactive-p1-w1-tdef-io_ms_10-c64") + " against the servlet app's "
                                + e.p99Whole("servlet-p1-w1-t64-io_ms_10-c64")),

                // The AOT cache: startup, two runs each
                startup("servlet-p1-wdef-tdef", "| servlet, cold | 6.5, 6.8 s | 196, 178 MiB | 163, 188 s | 19,630, 28,880 | 1,510, 1,526 |",
                        "6.5, 6.8 s | 196, 178 MiB | 163, 188 s | 19,630, 28,880 | 1,510, 1,526"),
                startup("servlet-p1-wdef-tdef-aot", "| servlet, AOT cache | 3.0, 2.4 s | 141, 141 MiB | 183, 172 s | 22,745, 25,889 | 1,504, 1,514 |",
                        "3.0, 2.4 s | 141, 141 MiB | 183, 172 s | 22,745, 25,889 | 1,504, 1,514"),
                startup("reactive-p1-wdef-tdef", "| reactive, cold | 5.9, 6.1 s | 213, 205 MiB | 102, 76 s | 24,208, 26,285 | 5,995, 6,001 |",
                        "5.9, 6.1 s | 213, 205 MiB | 102, 76 s | 24,208, 26,285 | 5,995, 6,001"),
                startup("reactive-p1-wdef-tdef-aot", "| reactive, AOT cache | 3.1, 2.5 s | 159, 166 MiB | 122, 96 s | 17,438, 23,828 | 6,031, 5,963 |",
                        "3.1, 2.5 s | 159, 166 MiB | 122, 96 s | 17,438, 23,828 | 6,031, 5,963"),
                new Quote("(first answer 1.9–2.8× sooner, run against run)", "startup", "1.9–2.8×",
                        e -> e.aotPairs(s -> s.firstAnswerSeconds(), (cold, aot) -> cold / aot,
                                v -> String.format(Locale.ROOT, "%.1f", v)) + "×"),
                new Quote("**memory at that moment drops** by 37–56 MiB", "startup", "by 37–56 MiB",
                        e -> "by " + e.aotPairs(s -> (double) s.rssBytesAtFirstAnswer(), (cold, aot) -> cold - aot, Units::mib) + " MiB"),

                // Which engine: engines, two runs each
                engines("servlet-p1-w1-t64", "| Undertow, 64 threads | 19,537 (18,414–20,659) | 14.5 ms | 6,079 (6,400) | 25.6 ms | 338 | 615 ms | 508 MiB |"),
                engines("servlet-tomcat-p1-wdef-t64", "| Tomcat, 64 threads | 23,114 (22,129–24,099) | 18.1 ms | 6,184 (6,400) | 24.8 ms | 335 | 660 ms | 514 MiB |"),
                engines("servlet-jetty-p1-wdef-t64", "| Jetty, 64 threads | 19,100 (19,078–19,122) | 23.1 ms | 5,822 (6,400) | 37.2 ms | 338 | 644 ms | 571 MiB |"),
                engines("servlet-vt-p1-w1-tdef-bpuncached", "| Undertow, virtual threads | 15,845 (13,690–18,000) | 17.4 ms | 8,308 (12,800) | 24.7 ms | 319 | 600 ms | 507 MiB |"),
                engines("servlet-tomcat-vt-p1-wdef-tdef", "| Tomcat, virtual threads | 15,145 (14,712–15,578) | 16.6 ms | 8,643 (12,800) | 21.0 ms | 340 | 405 ms | 508 MiB |"),
                engines("servlet-jetty-vt-p1-wdef-tdef", "| Jetty, virtual threads | 24,566 (22,697–26,436) | 12.6 ms | 9,212 (12,800) | 20.3 ms | 344 | 397 ms | 648 MiB |"),
                engines("reactive-p1-w1-tdef", "| Reactor Netty, 1 event loop | 25,169 (23,665–26,673) | 10.2 ms | 11,848 (12,800) | 15.6 ms | 344 | 420 ms | 521 MiB |"),
                new Quote("12 of the 14 `/json` runs are `UNSTEADY` (their own 20 s window drifted 5.1–33 %)", "engines",
                        "12 of the 14", e -> e.count(Example.flagged(Flag.Code.UNSTEADY).and(Example.on("/json")))
                                + " of the " + e.count(Example.on("/json"))),
                new Quote("12 of the 14 `/json` runs are `UNSTEADY` (their own 20 s window drifted 5.1–33 %)", "engines",
                        "drifted 5.1–33 %", e -> "drifted " + e.unsteadyDrift("-json-") + " %"),
                new Quote("serves the same 319–344 a second everywhere", "engines", "319–344",
                        e -> e.medianRange(Example.id("-mixed-"))),

                // Platform or virtual threads on Undertow: virtual, three runs each
                virtualIo("| 8 platform threads | 766 | 766 | 767 (ceiling 800) |", "servlet-p1-w1-t8", "766 | 766 | 767"),
                virtualIo("| 32 platform threads | 1,472 | 3,044 | 3,033 (3,200) |", "servlet-p1-w1-t32", "1,472 | 3,044 | 3,033"),
                virtualIo("| 128 platform threads | 1,476 | 5,201 | 11,964 (12,800) |", "servlet-p1-w1-t128", "1,476 | 5,201 | 11,964"),
                virtualIo("| virtual threads, `bufferPool: uncached` | 1,417 | 4,855 | 10,541 |", "servlet-vt-p1-w1-tdef-bpuncached",
                        "1,417 | 4,855 | 10,541"),
                virtualJson("| 24,137 (23,002–26,109) | 22,525 (20,195–23,220) | 18,630 (17,308–27,988) |", "servlet-p1-w1-t8"),
                virtualJson("| 18,229 (18,204–19,691) | 24,605 (19,977–25,632) | 19,105 (17,774–22,843) |", "servlet-p1-w1-t32"),
                virtualJson("| 19,636 (18,777–22,987) | 21,110 (17,143–26,190) | 21,298 (16,232–26,356) |", "servlet-p1-w1-t128"),
                virtualJson("| 12,461 (11,325–13,546) | 13,527 (11,659–14,826) | 12,370 (11,391–16,666) |",
                        "servlet-vt-p1-w1-tdef-bpuncached"),
                new Quote("The calibration workload on the server's CPU moved +6.4 % between the sweep's start and end.", "virtual",
                        "+6.4 %", e -> Units.signedPercent(MachineSummary.of(e.run()).drift())),

                // Reactive offload: asgi, three runs each
                asgi("| 1 event loop | 19,885 | 17,901 | 11,773 | 17,628 | 974 | 974 |", "reactive-p1-w1-tdef", true),
                asgi("| 2 event loops | 18,907 | 18,545 | 11,684 | 19,103 | 973 | 976 |", "reactive-p1-w2-tdef", true),
                asgi("| 1 loop, offload on virtual threads | | | | | 967 | 962 |", "reactive-vt-p1-w1-tdef", false),
                asgi("| 1 loop, cap lifted to 1,000 | | | | | 9,752 | 12,896 |", "reactive-p1-w1-tdef-el1000", false),
                asgi("| 1 loop, cap lifted, virtual threads | | | | | 9,995 | 14,380 |", "reactive-vt-p1-w1-tdef-el1000", false),
                new Quote("962–976 requests a second, whatever the loops", "asgi", "962–976",
                        e -> e.medianRange(Example.id("-io_ms_10_mode_offload-").and(Example.not("-el1000-")))),

                // What profiling costs: steady-profiled against steady
                new Quote("| profiled, 3 runs | 21,181 (20,332–21,834) | 8.61 ms |", "steady-profiled", "21,181 (20,332–21,834) | 8.61 ms",
                        e -> e.rpsSpread("servlet-p1-w1-t8-json-c64") + " | " + e.p99("servlet-p1-w1-t8-json-c64")),

                // Latency at a fixed rate: slo's closed capacity probes, medians of three runs
                // prose beside the tables
                new Quote("All four within 5 % of each other", "quick-four", "within 5 %",
                        e -> "within " + (int) Math.ceil(100 * (e.max("-json-", p -> p.throughput().rps())
                                / e.min("-json-", p -> p.throughput().rps()) - 1)) + " %"),
                new Quote("differ by up to 47 %; `/io` is bound by its pool", "startup", "up to 47 %",
                        e -> "up to " + Units.percent(PointGroup.of(e.points().stream().filter(Example.on("/json")).toList()).stream()
                                .mapToDouble(g -> g.rps().max() / g.rps().min() - 1).max().orElseThrow())),
                new Quote("The three 64-thread pools sit at 91–97 %", "engines", "91–97 %",
                        e -> e.groupRange(Example.id("-t64-io_ms_10-"), g -> g.rps().median() / Ceiling.rps(g.key()).orElseThrow(),
                                v -> strip(Units.percent(v))) + " %"),
                new Quote("virtual threads all three engines rise to 8,308–9,212", "engines", "8,308–9,212",
                        e -> e.medianRange(Example.id("servlet", "-vt-", "-io_ms_10-"))),
                new Quote("virtual threads (14,712 and 15,578) stayed below Tomcat's own pool (22,129 and 24,099)", "engines",
                        "(14,712 and 15,578) stayed below Tomcat's own pool (22,129 and 24,099)",
                        e -> "(" + e.rpsRuns("servlet-tomcat-vt-p1-wdef-tdef-json-c128").replace("–", " and ")
                                + ") stayed below Tomcat's own pool ("
                                + e.rpsRuns("servlet-tomcat-p1-wdef-t64-json-c128").replace("–", " and ") + ")"),
                new Quote("The 64-thread pools' p99 is 615–660 ms", "engines", "615–660 ms",
                        e -> e.groupRange(Example.id("-t64-mixed-"), g -> (double) g.latency().figures().p99Micros(), Example::wholeMillis) + " ms"),
                new Quote("event loop 397–420 ms", "engines", "397–420 ms",
                        e -> e.groupRange(Example.id("-mixed-").and(Example.id("-vt-").or(Example.id("reactive")))
                                .and(Example.not("servlet-vt-")), g -> (double) g.latency().figures().p99Micros(), Example::wholeMillis) + " ms"),
                new Quote("`engines` shows the same on Undertow (15,845 against 19,537 with 64 threads)", "engines", "15,845 against 19,537",
                        e -> e.rps("servlet-vt-p1-w1-tdef-bpuncached-json-c128") + " against " + e.rps("servlet-p1-w1-t64-json-c128")),
                new Quote("threads sit at 766–767 of 800 at every load", "virtual", "766–767",
                        e -> e.medianRange(Example.id("servlet-p1-w1-t8-io_ms_10-"))),
                new Quote("(p99 32.1 ms against 39.5 ms at", "virtual", "32.1 ms against 39.5 ms",
                        e -> e.p99("servlet-p1-w1-t128-io_ms_10-c256") + " against " + e.p99("servlet-vt-p1-w1-tdef-bpuncached-io_ms_10-c256")),
                new Quote("medians of 12,370–13,527", "virtual", "12,370–13,527",
                        e -> e.medianRange(Example.id("-bpuncached-json-"))),
                new Quote("against 18,229–24,605 for the pools", "virtual", "18,229–24,605",
                        e -> e.medianRange(Example.id("servlet-p1-", "-json-"))),
                virtualRss("| 18,630 (17,308–27,988) | 463–496 |", "servlet-p1-w1-t8-", "463–496"),
                virtualRss("| 19,105 (17,774–22,843) | 490–505 |", "servlet-p1-w1-t32-", "490–505"),
                virtualRss("| 21,298 (16,232–26,356) | 516–519 |", "servlet-p1-w1-t128-", "516–519"),
                virtualRss("| 12,370 (11,391–16,666) | 493–496 |", "-bpuncached-", "493–496"),
                virtualRss("| hung | 1,012–1,462 |", "-bpdefault-", "1,012–1,462"),
                virtualRss("at 493–496 MiB like the platform pools", "-bpuncached-", "493–496"),
                new Quote("140–301 ms against 17.2–27.2 ms for the timer", "asgi", "140–301 ms against 17.2–27.2 ms",
                        e -> e.groupRange(Example.id("-io_ms_10_mode_offload-").and(Example.not("-el1000-")),
                                g -> (double) g.latency().figures().p99Micros(), Units::millis) + " ms against "
                                + e.groupRange(Example.id("-io_ms_10-"), g -> (double) g.latency().figures().p99Micros(), Units::millis) + " ms"),
                new Quote("with the CPU nearly idle (0.11–0.16 cores)", "asgi", "0.11–0.16 cores",
                        e -> e.groupRange(Example.id("-io_ms_10_mode_offload-").and(Example.not("-el1000-")),
                                g -> g.serverCpuCores().median(), Units::cores) + " cores"),
                asgiOffload("| 974 | 974 | 140 / 279 ms | 0.12 / 0.11 | 20 |", "reactive-p1-w1-tdef"),
                asgiOffload("| 973 | 976 | 141 / 301 ms | 0.14 / 0.13 | 21 |", "reactive-p1-w2-tdef"),
                asgiOffload("| 967 | 962 | 159 / 300 ms | 0.16 / 0.14 | 11 |", "reactive-vt-p1-w1-tdef"),
                asgiOffload("| 9,752 | 12,896 | 23.9 / 33.3 ms | 0.93 / 1.00 | 265–266 |", "reactive-p1-w1-tdef-el1000"),
                asgiOffload("| 9,995 | 14,380 | 20.2 / 34.5 ms | 0.72 / 0.96 | 11 |", "reactive-vt-p1-w1-tdef-el1000"),
                new Quote("(0.72 cores, runs 0.67–0.77, against 0.93, runs 0.93–0.94)", "asgi", "0.72 cores, runs 0.67–0.77, against 0.93, runs 0.93–0.94",
                        e -> e.cpuWithRuns("reactive-vt-p1-w1-tdef-el1000-io_ms_10_mode_offload-c128") + " cores, runs "
                                + e.cpuRuns("reactive-vt-p1-w1-tdef-el1000-io_ms_10_mode_offload-c128") + ", against "
                                + e.cpuWithRuns("reactive-p1-w1-tdef-el1000-io_ms_10_mode_offload-c128") + ", runs "
                                + e.cpuRuns("reactive-p1-w1-tdef-el1000-io_ms_10_mode_offload-c128")),
                new Quote("(11,732–14,386 against 12,727–14,266)", "asgi", "11,732–14,386 against 12,727–14,266",
                        e -> e.rpsRuns("reactive-vt-p1-w1-tdef-el1000-io_ms_10_mode_offload-c256") + " against "
                                + e.rpsRuns("reactive-p1-w1-tdef-el1000-io_ms_10_mode_offload-c256")),
                new Quote("11,773 and 17,628 at 0.77 and 0.96 cores with one loop", "asgi", "11,773 and 17,628 at 0.77 and 0.96 cores",
                        e -> e.rps("reactive-p1-w1-tdef-io_ms_10-c128") + " and " + e.rps("reactive-p1-w1-tdef-io_ms_10-c256") + " at "
                                + e.cpuWithRuns("reactive-p1-w1-tdef-io_ms_10-c128") + " and "
                                + e.cpuWithRuns("reactive-p1-w1-tdef-io_ms_10-c256") + " cores"),
                new Quote("`/json` 17,901–19,885 against 18,545–18,907", "asgi", "17,901–19,885 against 18,545–18,907",
                        e -> e.medianRange(Example.id("reactive-p1-w1-tdef-json-")) + " against "
                                + e.medianRange(Example.id("reactive-p1-w2-tdef-json-"))),
                new Quote("17,628 against 19,103 with the runs overlapping (16,343–18,351 against", "asgi",
                        "17,628 against 19,103 with the runs overlapping (16,343–18,351",
                        e -> e.rps("reactive-p1-w1-tdef-io_ms_10-c256") + " against " + e.rps("reactive-p1-w2-tdef-io_ms_10-c256")
                                + " with the runs overlapping (" + e.rpsRuns("reactive-p1-w1-tdef-io_ms_10-c256")),
                new Quote("  16,672–19,165).", "asgi", "16,672–19,165", e -> e.rpsRuns("reactive-p1-w2-tdef-io_ms_10-c256")),
                new Quote("(58,576 against 76,441 ops/s; the start's own slices varied 25 %)", "asgi",
                        "58,576 against 76,441 ops/s; the start's own slices varied 25 %", e -> {
                            MachineSummary m = MachineSummary.of(e.run());
                            return Units.whole(m.calibrations().getFirst().opsPerSecond()) + " against "
                                    + Units.whole(m.calibrations().getLast().opsPerSecond()) + " ops/s; the start's own slices varied "
                                    + Units.percent(m.calibrations().getFirst().spread());
                        }),
                new Quote("ran 30 % faster at the sweep's end than at its start", "asgi", "30 % faster",
                        e -> Units.percent(MachineSummary.of(e.run()).drift()) + " faster"),
                new Quote("| not profiled, 5 runs | 25,506 (21,519–29,761) | 7.35 ms | 498 MiB |", "steady", "498 MiB",
                        e -> Units.mib(e.group("servlet-p1-w1-t8-json-c64").serverRssBytes().median()) + " MiB"),
                new Quote("| profiled, 3 runs | 21,181 (20,332–21,834) | 8.61 ms | 533 MiB |", "steady-profiled", "533 MiB",
                        e -> Units.mib(e.group("servlet-p1-w1-t8-json-c64").serverRssBytes().median()) + " MiB"),
                new Quote("About **17 % fewer requests a second and a 17 % higher p99**", "steady-profiled",
                        "17 % fewer requests a second and a 17 % higher p99", e -> {
                            PointGroup profiled = e.group("servlet-p1-w1-t8-json-c64");
                            PointGroup plain = Example.of("steady").group("servlet-p1-w1-t8-json-c64");
                            return Units.percent(1 - profiled.rps().median() / plain.rps().median()) + " fewer requests a second and a "
                                    + Units.percent((double) profiled.latency().figures().p99Micros() / plain.latency().figures().p99Micros() - 1) + " higher p99";
                        }),
                // the difference of the two medians the table above shows, as a reader would take it
                new Quote("and 35 MiB more resident memory", "steady-profiled", "35 MiB more",
                        e -> (Integer.parseInt(Units.mib(e.group("servlet-p1-w1-t8-json-c64").serverRssBytes().median()))
                                - Integer.parseInt(Units.mib(Example.of("steady").group("servlet-p1-w1-t8-json-c64").serverRssBytes().median())))
                                + " MiB more"),
                sloRow("| servlet, 8 platform threads | 765 | 688 (90 %) | 21 ms, 0.14 cores | 57 ms |", "slo", "servlet-p1-w1-t8-io_ms_10", true),
                sloRow("| servlet, 64 platform threads | 6,082 | 5,474 (90 %) | 22 ms, 0.49 cores | 177 ms |", "slo", "servlet-p1-w1-t64-io_ms_10", true),
                sloRow("| servlet, virtual threads (`bufferPool: uncached`) | 10,668 | 8,001 (75 %) ⚑ | 37 ms, 0.69 cores | 100 ms |",
                        "slo-virtual", "servlet-vt-p1-w1-tdef-bpuncached-io_ms_10", true),
                sloRow("| reactive, 1 event loop | 17,972 | 16,175 (90 %) | 29 ms, 0.88 cores | 1,063 ms |", "slo", "reactive-p1-w1-tdef-io_ms_10", true),
                sloRow("| 57 ms | 249 | 224 (90 %) ⚑ | 45 ms | 52 ms |", "slo", "servlet-p1-w1-t8-mixed", false),
                sloRow("| 177 ms | 359 | 270 (75 %) | 43 ms | 155 ms |", "slo", "servlet-p1-w1-t64-mixed", false),
                sloRow("| 100 ms | 326 | 163 (50 %) | 24 ms | 213 ms |", "slo-virtual", "servlet-vt-p1-w1-tdef-bpuncached-mixed", false),
                sloRow("| 1,063 ms | 351 | 263 (75 %) | 24 ms | 108 ms |", "slo", "reactive-p1-w1-tdef-mixed", false),
                new Quote("37× (the event loop, 29 ms → 1,063 ms)", "slo", "37× (the event loop, 29 ms → 1,063 ms)", e -> {
                    CapacityAtSlo.Row row = e.slo("reactive-p1-w1-tdef-io_ms_10");
                    long at = row.capacity().percentileMicros();
                    long above = e.intendedP99Above("reactive-p1-w1-tdef-io_ms_10");
                    return Math.round((double) above / at) + "× (the event loop, " + Example.wholeMillis(at) + " ms → "
                            + Example.wholeMillis(above) + " ms)";
                }),
                new Quote("stays at 24–46 ms on `/io` for the event loop and 64 threads", "slo", "24–46 ms",
                        e -> e.groupRange(Example.id("-io_ms_10-cap100-").and(Example.id("reactive").or(Example.id("-t64-"))),
                                g -> (double) g.latency().figures().p99Micros(), Example::wholeMillis) + " ms"),
                // wsgi, paired: the README's row, docs/findings.md's table and paragraph
                new Quote("| two against one: `/io?ms=10` at 256 connections 1.861 (95 % CI 1.761–1.957), the pool the limit; "
                        + "`/json` at 256 connections 0.927 (0.865–0.971), flagged; at 128 connections cannot tell on either |", "wsgi",
                        "`/io?ms=10` at 256 connections 1.861 (95 % CI 1.761–1.957), the pool the limit; `/json` at 256 connections "
                        + "0.927 (0.865–0.971), flagged; at 128 connections cannot tell on either", e -> {
                            boolean jsonFlagged = e.points().stream().filter(Example.on("/json"))
                                    .filter(p -> p.key().level().connections() == 256).allMatch(PointResult::flagged);
                            boolean poolBound = pairedAtLoad(e, "/io?ms=10", "c256").baselineRps().median() <= 64 / 0.010;
                            boolean neither = Stream.of("/json", "/io?ms=10")
                                    .allMatch(ep -> pairedAtLoad(e, ep, "c128").throughputWords().startsWith("cannot tell"));
                            return "`/io?ms=10` at 256 connections " + MarkdownSummary.ratio(pairedAtLoad(e, "/io?ms=10", "c256").throughput())
                                    .replace("(", "(95 % CI ") + (poolBound ? ", the pool the limit" : ", not the pool")
                                    + "; `/json` at 256 connections " + MarkdownSummary.ratio(pairedAtLoad(e, "/json", "c256").throughput())
                                    + (jsonFlagged ? ", flagged" : ", not all flagged") + "; at 128 connections "
                                    + (neither ? "cannot tell on either" : "told apart");
                        }),
                new Quote("`reports/examples/wsgi`, 2026-12-07, AMD EPYC, 45m43s", "wsgi", "45m43s",
                        e -> e.progress("^done: .* in (\\S+);")),
                new Quote("| `/json`, 128 | 17,025 (16,988–18,904) | 16,122 (15,328–17,796) | 0.915 (0.839–1.021) | 13 % |", "wsgi",
                        "17,025 (16,988–18,904) | 16,122 (15,328–17,796) | 0.915 (0.839–1.021) | 13 %", e -> levelRow(e, "/json", "c128")),
                new Quote("| `/json`, 256 | 16,964 (16,025–18,074) | 15,938 (15,235–16,660) | 0.927 (0.865–0.971) | 7.5 % |", "wsgi",
                        "16,964 (16,025–18,074) | 15,938 (15,235–16,660) | 0.927 (0.865–0.971) | 7.5 %", e -> levelRow(e, "/json", "c256")),
                new Quote("| `/io?ms=10`, 128 | 6,035 (5,878–6,057) | 7,768 (6,393–7,902) | 1.288 (0.955–1.572) | 36 % |", "wsgi",
                        "6,035 (5,878–6,057) | 7,768 (6,393–7,902) | 1.288 (0.955–1.572) | 36 %", e -> levelRow(e, "/io?ms=10", "c128")),
                new Quote("| `/io?ms=10`, 256 | 6,037 (6,000–6,067) | 11,248 (10,872–11,501) | 1.861 (1.761–1.957) | 6.8 % |", "wsgi",
                        "6,037 (6,000–6,067) | 11,248 (10,872–11,501) | 1.861 (1.761–1.957) | 6.8 %", e -> levelRow(e, "/io?ms=10", "c256")),
                new Quote("the bigger pool is **86 % faster (95 % CI 76–96 %)**, its p99 23 %\nlower (95 % CI 14–31 %)", "wsgi",
                        "86 % faster (95 % CI 76–96 %)**, its p99 23 %\nlower (95 % CI 14–31 %)", e -> {
                            PairedTable.Comparison c = pairedAtLoad(e, "/io?ms=10", "c256");
                            return c.throughputWords().replaceFirst(".* is (\\S+ %) faster .*(\\(95 % CI \\S+ %\\))$", "$1 faster $2")
                                    + "**, its p99 " + c.p99Words().replaceFirst(".*'s p99 is (\\S+ %) lower .*(\\(95 % CI \\S+ %\\))$", "$1\nlower $2");
                        }),
                new Quote("and one IO\nthread with 64 served 6,037", "wsgi", "6,037",
                        e -> Units.whole(pairedAtLoad(e, "/io?ms=10", "c256").baselineRps().median())),
                new Quote("At 128 connections the run cannot tell (−4 to +57 %): the forks of the\nbigger pool served 6,393–7,902", "wsgi",
                        "cannot tell (−4 to +57 %): the forks of the\nbigger pool served 6,393–7,902", e -> {
                            PairedTable.Comparison c = pairedAtLoad(e, "/io?ms=10", "c128");
                            return c.throughputWords().replaceFirst("^cannot tell: 95 % CI (\\S+) to (\\S+ %)$", "cannot tell ($1 to $2)")
                                    + ": the forks of the\nbigger pool served " + Units.whole(c.rps().min()) + "–" + Units.whole(c.rps().max());
                        }),
                new Quote("7 % slower at 256 connections\n(95 % CI 3–14 %), not told apart at 128 (−16 to +2 %), its p99 higher at both (22 % and 15 %)",
                        "wsgi", "7 % slower at 256 connections\n(95 % CI 3–14 %), not told apart at 128 (−16 to +2 %), its p99 higher at both (22 % and 15 %)",
                        e -> {
                            PairedTable.Comparison at256 = pairedAtLoad(e, "/json", "c256");
                            PairedTable.Comparison at128 = pairedAtLoad(e, "/json", "c128");
                            String p99 = Stream.of(at128, at256).map(c -> c.p99Words().replaceFirst(".*'s p99 is (\\S+ %) higher .*", "$1"))
                                    .collect(Collectors.joining(" and "));
                            return at256.throughputWords().replaceFirst(".* is (\\S+ %) slower .*\\(95 % CI (\\S+ %)\\)$", "$1 slower at 256 connections\n(95 % CI $2)")
                                    + ", not told apart at 128 "
                                    + at128.throughputWords().replaceFirst("^cannot tell: 95 % CI (\\S+) to (\\S+ %)$", "($1 to $2)")
                                    + ", its p99 higher at both (" + p99 + ")";
                        }),
                new Quote("11 of the 12 `/json` points\nare flagged", "wsgi", "11 of the 12 `/json` points\nare flagged", e -> {
                    List<PointResult> json = e.points().stream().filter(Example.on("/json")).toList();
                    return json.stream().filter(PointResult::flagged).count() + " of the " + json.size() + " `/json` points\nare flagged";
                }),
                // cpu, paired: the README's row, docs/findings.md's table and paragraph
                new Quote("| not on one server CPU: 81–91 requests a second in 1, 2 or 4 tasks, servlet and reactive alike (reactive against "
                        + "servlet between −3.7 % and +3.3 % at every 95 % CI); at 16 connections the servlet app's p99 goes from 285 ms "
                        + "unsplit to 5,128 ms split, the reactive app's stays at 197–237 ms |", "cpu",
                        "81–91 requests a second in 1, 2 or 4 tasks, servlet and reactive alike (reactive against servlet between −3.7 % "
                        + "and +3.3 % at every 95 % CI); at 16 connections the servlet app's p99 goes from 285 ms unsplit to 5,128 ms split, "
                        + "the reactive app's stays at 197–237 ms", e -> e.medianRange(p -> true)
                        + " requests a second in 1, 2 or 4 tasks, servlet and reactive alike (reactive against servlet between "
                        + splitIntervals(e) + " at every 95 % CI); at 16 connections the servlet app's p99 goes from "
                        + e.groupRange(Example.id("servlet", "cpu_split_1-c16"), g -> (double) g.latency().figures().p99Micros(),
                                Example::wholeMillis)
                        + " ms unsplit to " + e.groupRange(Example.id("servlet", "-c16").and(Example.not("split_1")),
                                g -> (double) g.latency().figures().p99Micros(), Example::wholeMillis)
                        + " ms split, the reactive app's stays at " + e.groupRange(Example.id("reactive", "-c16"),
                                g -> (double) g.latency().figures().p99Micros(), Example::wholeMillis) + " ms"),
                new Quote("`reports/examples/cpu`, 2026-12-07, AMD EPYC, 65m02s", "cpu", "65m02s",
                        e -> e.progress("^done: .* in (\\S+);")),
                splitRow("| `/cpu?split=1`, 1 | 86 (83–86) | 84 (83–85) | 0.994 (0.963–1.020) | 3.7 % |", "/cpu?split=1", "c1"),
                splitRow("| `/cpu?split=1`, 16 | 85 (83–86) | 87 (87–89) | 1.025 (1.019–1.033) | 0.8 % |", "/cpu?split=1", "c16"),
                splitRow("| `/cpu?split=2`, 1 | 83 (81–84) | 82 (80–84) | 0.986 (0.976–0.995) | 1.2 % |", "/cpu?split=2", "c1"),
                splitRow("| `/cpu?split=2`, 16 | 88 (88–89) | 88 (87–89) | 0.991 (0.985–0.998) | 0.9 % |", "/cpu?split=2", "c16"),
                splitRow("| `/cpu?split=4`, 1 | 87 (84–88) | 85 (83–87) | 0.986 (0.975–1.001) | 1.6 % |", "/cpu?split=4", "c1"),
                splitRow("| `/cpu?split=4`, 16 | 89 (88–92) | 90 (88–93) | 1.000 (0.994–1.009) | 1.0 % |", "/cpu?split=4", "c16"),
                new Quote("one request at a time took\n11.6–12.3 ms on average, in one task or four, and every point served 81–91 requests a second",
                        "cpu", "11.6–12.3 ms on average, in one task or four, and every point served 81–91", e -> e.groupRange(Example.id("-c1-"),
                                g -> g.latency().figures().meanMicros(), v -> String.format(Locale.ROOT, "%.1f", v / 1000))
                                + " ms on average, in one task or four, and every point served " + e.medianRange(p -> true)),
                new Quote("every interval lies between −3.7 % and +3.3 %; the run names reactive 2.5 %\nfaster unsplit at 16 connections "
                        + "(95 % CI 1.9–3.3 %) and 1.4 % and 0.9 % slower split in two", "cpu",
                        "between −3.7 % and +3.3 %; the run names reactive 2.5 %\nfaster unsplit at 16 connections (95 % CI 1.9–3.3 %) "
                        + "and 1.4 % and 0.9 % slower split in two", e -> "between " + splitIntervals(e) + "; the run names reactive "
                        + pairedAtLoad(e, "/cpu?split=1", "c16").throughputWords()
                                .replaceFirst(".* is (\\S+ %) faster .*(\\(95 % CI \\S+ %\\))$", "$1\nfaster unsplit at 16 connections $2")
                        + " and " + Stream.of("c1", "c16").map(load -> pairedAtLoad(e, "/cpu?split=2", load).throughputWords()
                                .replaceFirst(".* is (\\S+ %) slower .*", "$1")).collect(Collectors.joining(" and "))
                        + " slower split in two"),
                new Quote("its mean stays at\n174–177 ms), while the reactive app's stays at 197–237 ms: its p99 ratio to servlet's is 0.037 (95 % CI\n"
                        + "0.036–0.038) split in two", "cpu", "174–177 ms), while the reactive app's stays at 197–237 ms: its p99 ratio to "
                        + "servlet's is 0.037 (95 % CI\n0.036–0.038", e -> e.groupRange(Example.id("servlet", "-c16").and(Example.not("split_1")),
                                g -> g.latency().figures().meanMicros(), Example::wholeMillis)
                        + " ms), while the reactive app's stays at " + e.groupRange(Example.id("reactive", "-c16"),
                                g -> (double) g.latency().figures().p99Micros(), Example::wholeMillis)
                        + " ms: its p99 ratio to servlet's is " + MarkdownSummary.ratio(pairedAtLoad(e, "/cpu?split=2", "c16").p99())
                                .replace("(", "(95 % CI\n").replaceFirst("\\)$", "")),
                new Quote("The unsplit\npoints carry flags", "cpu", "The unsplit\npoints carry flags", e -> e.points().stream()
                        .filter(Example.id("cpu_split_1")).collect(Collectors.groupingBy(Example::stem)).values().stream()
                        .allMatch(runs -> runs.stream().anyMatch(PointResult::flagged)) ? "The unsplit\npoints carry flags" : "not all flagged"),
                // the earlier runs, before the settle rule: what the README still states of them
                // wsgi-threads, paired: docs/findings.md's table and paragraph
                new Quote("| `/json` against 1 thread: 8 threads 1.298 (95 % CI 1.219–1.380), 32 threads 1.197 (1.144–1.269), 128 cannot tell, "
                        + "all near the injector's limit (flagged); `/io?ms=10`: 95 / 763 / 3,031 / 7,082 requests a second", "wsgi-threads",
                        "8 threads 1.298 (95 % CI 1.219–1.380), 32 threads 1.197 (1.144–1.269), 128 cannot tell, all near the injector's limit "
                        + "(flagged); `/io?ms=10`: 95 / 763 / 3,031 / 7,082", e -> {
                            boolean allNear = e.points().stream().filter(p -> p.key().endpoint().equals("/json"))
                                    .collect(Collectors.groupingBy(p -> p.key().configuration())).values().stream()
                                    .allMatch(runs -> runs.stream().anyMatch(Example.flagged(Flag.Code.INJECTOR_SATURATED)));
                            return "8 threads " + MarkdownSummary.ratio(pairedAt(e, "/json", "w1 t8").throughput()).replace("(", "(95 % CI ")
                                    + ", 32 threads " + MarkdownSummary.ratio(pairedAt(e, "/json", "w1 t32").throughput()) + ", 128 "
                                    + (pairedAt(e, "/json", "w1 t128").throughputWords().startsWith("cannot tell") ? "cannot tell" : "told apart")
                                    + ", all near the injector's limit " + (allNear ? "(flagged)" : "(not all)") + "; `/io?ms=10`: "
                                    + Units.whole(pairedAt(e, "/io?ms=10", "w1 t8").baselineRps().median()) + " / "
                                    + Stream.of("w1 t8", "w1 t32", "w1 t128").map(t -> Units.whole(pairedAt(e, "/io?ms=10", t).rps().median()))
                                    .collect(Collectors.joining(" / "));
                        }),
                new Quote("| 1 | 14,526 (13,179–14,985) | 1 | | 95 (95–96) |", "wsgi-threads", "14,526 (13,179–14,985) | 1 | | 95 (95–96)",
                        e -> MarkdownSummary.spread(pairedAt(e, "/json", "w1 t8").baselineRps(), Units::whole) + " | 1 | | "
                                + MarkdownSummary.spread(pairedAt(e, "/io?ms=10", "w1 t8").baselineRps(), Units::whole)),
                new Quote("| 8 | 18,297 (17,381–18,830) | 1.298 (1.219–1.380) | 8.0 % | 763 (762–767) |", "wsgi-threads",
                        "18,297 (17,381–18,830) | 1.298 (1.219–1.380) | 8.0 % | 763 (762–767)", e -> poolRow(e, "w1 t8")),
                new Quote("| 32 | 17,282 (17,220–17,594) | 1.197 (1.144–1.269) | 6.7 % | 3,031 (3,024–3,035) |", "wsgi-threads",
                        "17,282 (17,220–17,594) | 1.197 (1.144–1.269) | 6.7 % | 3,031 (3,024–3,035)", e -> poolRow(e, "w1 t32")),
                new Quote("| 128 | 15,688 (14,466–16,020) | 1.100 (0.980–1.200) | 13 % | 7,082 (7,045–7,143) |", "wsgi-threads",
                        "15,688 (14,466–16,020) | 1.100 (0.980–1.200) | 13 % | 7,082 (7,045–7,143)", e -> poolRow(e, "w1 t128")),
                new Quote("`reports/examples/wsgi-threads`, 2026-12-07, AMD EPYC, 56m07s", "wsgi-threads", "56m07s",
                        e -> e.progress("^done: .* in (\\S+);")),
                new Quote("a pool of 8 served 30 % more than a pool of one (95 % CI 22–38 %) and 32 threads 20 %\nmore (14–27 %); "
                        + "at 128 the run cannot tell (−2 to +20 %)", "wsgi-threads",
                        "30 % more than a pool of one (95 % CI 22–38 %) and 32 threads 20 %\nmore (14–27 %); at 128 the run cannot tell (−2 to +20 %)",
                        e -> pairedAt(e, "/json", "w1 t8").throughputWords().replaceFirst(".* is (\\S+ %) faster .*(\\(95 % CI \\S+ %\\))$",
                                "$1 more than a pool of one $2") + " and 32 threads "
                                + pairedAt(e, "/json", "w1 t32").throughputWords().replaceFirst(".* is (\\S+ %) faster .*\\(95 % CI (\\S+ %)\\)$",
                                "$1\nmore ($2)") + "; at 128 the run "
                                + pairedAt(e, "/json", "w1 t128").throughputWords().replaceFirst("^cannot tell: 95 % CI (\\S+) to (\\S+ %)$",
                                "cannot tell ($1 to $2)")),
                new Quote("11 of the 12 `/json` points ran\nwith the injector at its limit part of the time and 8 carry `UNSTEADY` "
                        + "(the JIT at 2.1–3.6 % of their slices)", "wsgi-threads",
                        "11 of the 12 `/json` points ran\nwith the injector at its limit part of the time and 8 carry `UNSTEADY` (the JIT at 2.1–3.6 %",
                        e -> {
                            List<PointResult> json = e.points().stream().filter(p -> p.key().endpoint().equals("/json")).toList();
                            List<Double> jit = json.stream().flatMap(p -> p.flags().stream()).filter(f -> f.code() == Flag.Code.UNSTEADY)
                                    .map(f -> Double.parseDouble(f.reason().replaceFirst(".* for (\\S+) %.*", "$1"))).sorted().toList();
                            return json.stream().filter(Example.flagged(Flag.Code.INJECTOR_SATURATED)).count() + " of the " + json.size()
                                    + " `/json` points ran\nwith the injector at its limit part of the time and " + jit.size()
                                    + " carry `UNSTEADY` (the JIT at " + Units.plain(jit.getFirst()) + "–" + Units.plain(jit.getLast()) + " %";
                        }),
                new Quote("95, 763 and 3,031 requests a second,\neach interval within ±3 %; 128 threads reach 7,082, 55 % of their "
                        + "ceiling, with the server at 0.69\ncores", "wsgi-threads", "95, 763 and 3,031 requests a second,\neach interval "
                        + "within ±3 %; 128 threads reach 7,082, 55 % of their ceiling, with the server at 0.69\ncores", e -> {
                            boolean narrow = Stream.of("w1 t8", "w1 t32").map(t -> pairedAt(e, "/io?ms=10", t).throughput())
                                    .allMatch(i -> i.high() / i.median() <= 1.03 && i.median() / i.low() <= 1.03);
                            double top = pairedAt(e, "/io?ms=10", "w1 t128").rps().median();
                            return Units.whole(pairedAt(e, "/io?ms=10", "w1 t8").baselineRps().median()) + ", "
                                    + Units.whole(pairedAt(e, "/io?ms=10", "w1 t8").rps().median()) + " and "
                                    + Units.whole(pairedAt(e, "/io?ms=10", "w1 t32").rps().median()) + " requests a second,\neach interval "
                                    + (narrow ? "within ±3 %" : "wider than ±3 %") + "; 128 threads reach " + Units.whole(top) + ", "
                                    + Math.round(100 * top / Ceiling.rps(e.group("servlet-p1-w1-t128-io_ms_10-c128").key()).orElseThrow())
                                    + " % of their ceiling, with the server at " + e.cpuWithRuns("servlet-p1-w1-t128-io_ms_10-c128") + "\ncores";
                        }),
                new Quote("1 JVM × 8 threads: 252 MiB RSS, 235 MiB PSS; 8 JVMs × 1 thread: 1,666 MiB RSS, 1,480 MiB PSS",
                        "threads-vs-processes", "252 MiB RSS, 235 MiB PSS; 8 JVMs × 1 thread: 1,666 MiB RSS, 1,480 MiB PSS",
                        e -> e.rssAndPss("servlet-p1-w1-t8-json-c32") + "; 8 JVMs × 1 thread: " + e.rssAndPss("servlet-p8-w1-t1-json-c32")),
                new Quote("(PSS only ~11 % below RSS)", "threads-vs-processes", "~11 %", e -> {
                    PointGroup g = e.group("servlet-p8-w1-t1-json-c32");
                    return "~" + Units.percent(1 - g.serverPssBytes().median() / g.serverRssBytes().median());
                }),
                new Quote("at 16 connections 48 of 50 requests timed out and the point was flagged `SERVER_HUNG`", "starvation",
                        "48 of 50 requests timed out and the point was flagged `SERVER_HUNG`", e -> {
                            PointResult p = e.group("servlet-p1-w1-t4-cpu_n_28_split_4-c16").repetitions().getFirst();
                            return p.throughput().errors().get("timeout") + " of " + p.throughput().requests()
                                    + " requests timed out and the point was flagged " + (Example.flagged(Flag.Code.SERVER_HUNG).test(p)
                                    ? "`SERVER_HUNG`" : "nothing");
                        }),
                // Jetty on virtual threads, 20 starts each way
                new Quote("In 2 of 20 (runs 11 and 15)", "jetty-vt-starts", "2 of 20 (runs 11 and 15)", e -> {
                    List<Integer> hung = e.points().stream().filter(Example.flagged(Flag.Code.SERVER_HUNG))
                            .map(PointResult::repetition).distinct().sorted().toList();
                    long forks = e.points().stream().map(PointResult::repetition).distinct().count();
                    return hung.size() + " of " + forks + " (runs " + hung.stream().map(String::valueOf)
                            .collect(Collectors.joining(" and ")) + ")";
                }),
                new Quote("6–7 s while the server used 0.15–0.24 of its CPU (28 requests timed out at 10 s)",
                        "jetty-vt-starts", "6–7 s while the server used 0.15–0.24 of its CPU (28 requests", e -> {
                            List<PointResult> hung = e.points().stream().filter(Example.on("/json"))
                                    .filter(Example.flagged(Flag.Code.SERVER_HUNG)).toList();
                            List<Long> stalls = hung.stream().flatMap(p -> p.flags().stream())
                                    .filter(f -> f.code() == Flag.Code.SERVER_HUNG)
                                    .map(f -> Long.parseLong(f.reason().replaceFirst(".*for (\\d+) s.*", "$1"))).sorted().toList();
                            List<String> cpu = hung.stream().map(p -> Units.cores(p.resources().serverCpuCores())).sorted().toList();
                            long timeouts = e.points().stream().filter(p -> p.throughput() != null)
                                    .mapToLong(p -> p.throughput().ko()).sum();
                            return stalls.getFirst() + "–" + stalls.getLast() + " s while the server used " + cpu.getFirst() + "–"
                                    + cpu.getLast() + " of its CPU (" + timeouts + " requests";
                        }),
                new Quote("none hung, no request failed, the slowest `/json` request 2.7 s", "jetty-vt-starts-poller1",
                        "none hung, no request failed, the slowest `/json` request 2.7 s", e -> {
                            long hung = e.count(Example.flagged(Flag.Code.SERVER_HUNG));
                            long failed = e.points().stream().filter(p -> p.throughput() != null)
                                    .mapToLong(p -> p.throughput().ko()).sum();
                            double slowest = e.points().stream().filter(Example.on("/json"))
                                    .mapToLong(p -> p.latency().maxMicros()).max().orElseThrow() / 1e6;
                            return (hung == 0 ? "none hung" : hung + " hung") + ", " + (failed == 0 ? "no request failed" : failed + " failed")
                                    + String.format(Locale.ROOT, ", the slowest `/json` request %.1f s", slowest);
                        }),
                new Quote("virtual threads answered everything", "starvation", "answered everything",
                        e -> e.count(Example.id("servlet-vt-").and(p -> p.throughput().ko() > 0)) == 0 ? "answered everything" : "failed some"),
                new Quote("and its own slices varied up to 9 %", "steady", "up to 9 %",
                        e -> "up to " + Math.round(100 * MachineSummary.of(e.run()).calibrations().stream()
                                .mapToDouble(MachineSummary.Calibration::spread).max().orElseThrow()) + " %"),
                new Quote("JIT compiled for 3–4 % of the window)", "slo", "3–4 %", e -> {
                    List<Double> jit = Stream.concat(e.atCapacity("servlet-p1-w1-t8-mixed").stream(),
                                    Example.of("slo-virtual").atCapacity("servlet-vt-p1-w1-tdef-bpuncached-io_ms_10").stream())
                            .filter(Example.flagged(Flag.Code.UNSTEADY)).map(Example::jitShare).sorted().toList();
                    return Math.round(100 * jit.getFirst()) + "–" + Math.round(100 * jit.getLast()) + " %";
                }),
                new Quote("Every configuration met the target at 75–90 % of its closed", "slo", "75–90 %", e -> {
                    List<Double> shares = Stream.concat(Stream.of("servlet-p1-w1-t8-io_ms_10", "servlet-p1-w1-t64-io_ms_10",
                                            "reactive-p1-w1-tdef-io_ms_10").map(c -> e.slo(c).capacity().rateFraction()),
                                    Stream.of(Example.of("slo-virtual").slo("servlet-vt-p1-w1-tdef-bpuncached-io_ms_10").capacity().rateFraction()))
                            .sorted().toList();
                    return Math.round(100 * shares.getFirst()) + "–" + Math.round(100 * shares.getLast()) + " %";
                }),
                new Quote("by 3× (8 threads)", "slo", "3×", e -> Math.round((double) e.intendedP99Above("servlet-p1-w1-t8-io_ms_10")
                        / e.slo("servlet-p1-w1-t8-io_ms_10").capacity().percentileMicros()) + "×"),
                new Quote("JIT needs **97–142 s** of `/json` load", "quick-four", "97–142 s",
                        e -> e.warmUpAcross("steady", Example.id("servlet-", "-json-")) + " s"),
                new Quote("app's **46–66 s** (here and in `steady`)", "quick-four", "46–66 s",
                        e -> e.warmUpAcross("steady", Example.id("reactive-", "-json-")) + " s"),
                new Quote("this four-configuration sweep took 12 min 25 s end to end", "quick-four", "12 min 25 s",
                        e -> e.progress("done: .* in (\\d+)m(\\d+)s;").replaceFirst("(\\d+) (\\d+)", "$1 min $2 s")),
                new Quote("(servlet `/json` settled in 189 s) plus 6–11 s", "startup", "settled in 189 s) plus 6–11 s",
                        e -> "settled in " + e.progress("AOT cache for servlet-\\S+: \\d+ MB, assembled in [\\d.]+ s after /json settled in (\\d+) s")
                                + " s) plus " + e.progressRange("AOT cache for \\S+: \\d+ MB, assembled in ([\\d.]+) s") + " s"),
                new Quote("to assemble a 57–61 MB cache", "startup", "57–61 MB",
                        e -> e.progressRange("AOT cache for \\S+: (\\d+) MB, assembled") + " MB"),
                new Quote("its RSS reached 1013–1022 MB in its `progress.log` (the", "slo", "1013–1022 MB",
                        e -> e.progressRange("\\] servlet virtual .* (\\d+) MB  injector") + " MB"),
                new Quote("  others 472–523 MB)", "slo", "472–523 MB",
                        e -> e.progressRange("\\] (?!servlet virtual).* (\\d+) MB  injector") + " MB"),
                new Quote("The third ran `/io` at 1,012–1,013 MiB resident", "virtual", "1,012–1,013 MiB",
                        e -> e.range("-bpdefault-io_ms_10-", p -> p.resources() == null ? Double.NaN : p.resources().serverRssBytes(),
                                Units::mib) + " MiB"),
                new Quote("stalling 2 of 21 s at 64 connections (slowest request 3,975 ms)", "virtual", "2 of 21 s at 64 connections (slowest request 3,975 ms)",
                        e -> e.measured("servlet-vt-p1-w1-tdef-bpdefault-io_ms_10-c64", p -> p.stability().stalledSeconds() + " of "
                                + p.stability().fullSeconds() + " s at 64 connections (slowest request "
                                + Example.wholeMillis(p.latency().maxMicros()) + " ms)")),
                new Quote("(12, then 68), stalled 4 and then 12 of 21 s", "virtual", "(12, then 68), stalled 4 and then 12 of 21 s",
                        e -> "(" + e.measured("servlet-vt-p1-w1-tdef-bpdefault-json-c16", p -> String.valueOf(p.throughput().ko()))
                                + ", then " + e.measured("servlet-vt-p1-w1-tdef-bpdefault-json-c64", p -> String.valueOf(p.throughput().ko()))
                                + "), stalled " + e.measured("servlet-vt-p1-w1-tdef-bpdefault-json-c16", p -> String.valueOf(p.stability().stalledSeconds()))
                                + " and then " + e.measured("servlet-vt-p1-w1-tdef-bpdefault-json-c64", p -> p.stability().stalledSeconds()
                                + " of " + p.stability().fullSeconds() + " s")),
                new Quote("(median RSS 547 against 529 MiB capped); virtual threads in neither (496–497)", "asgi",
                        "547 against 529 MiB capped); virtual threads in neither (496–497",
                        e -> e.groupRange(Example.id("reactive-p1-w1-tdef-el1000-"), g -> g.serverRssBytes().median(), Units::mib)
                                + " against " + e.groupRange(Example.id("reactive-p1-w1-tdef-io_ms_10_mode_offload-"),
                                g -> g.serverRssBytes().median(), Units::mib) + " MiB capped); virtual threads in neither ("
                                + e.groupRange(Example.id("reactive-vt-p1-w1-tdef-el1000-"), g -> g.serverRssBytes().median(), Units::mib)),
                sloCapacity("| servlet, 8 platform threads | 765 |", "slo", "servlet-p1-w1-t8-io_ms_10", "765"),
                sloCapacity("| servlet, 64 platform threads | 6,082 |", "slo", "servlet-p1-w1-t64-io_ms_10", "6,082"),
                sloCapacity("| reactive, 1 event loop | 17,972 |", "slo", "reactive-p1-w1-tdef-io_ms_10", "17,972"),
                sloCapacity("| servlet, virtual threads (`bufferPool: uncached`) | 10,668 |", "slo-virtual",
                        "servlet-vt-p1-w1-tdef-bpuncached-io_ms_10", "10,668"),
                sloCapacity("| 57 ms | 249 |", "slo", "servlet-p1-w1-t8-mixed", "249"),
                sloCapacity("| 177 ms | 359 |", "slo", "servlet-p1-w1-t64-mixed", "359"),
                sloCapacity("| 100 ms | 326 |", "slo-virtual", "servlet-vt-p1-w1-tdef-bpuncached-mixed", "326"),
                sloCapacity("| 1,063 ms | 351 |", "slo", "reactive-p1-w1-tdef-mixed", "351"));
    }

    private static Quote quickFour(String sentence, String configuration, String expected) {
        return new Quote(sentence, "quick-four", expected, e -> {
            String json = configuration + "-json-c64";
            String flags = e.flagCodes(json);
            return e.rps(json) + (flags.isEmpty() ? "" : " (" + flags + ")") + " | " + e.warmUpSeconds(json) + " s | "
                    + e.rps(configuration + "-io_ms_10-c64");
        });
    }

    private static Quote startup(String configuration, String sentence, String expected) {
        return new Quote(sentence, "startup", expected, e -> {
            String json = configuration + "-json-c64";
            String io = configuration + "-io_ms_10-c64";
            return e.perRepetition(json, p -> Units.seconds(p.startup().firstAnswerSeconds())) + " s | "
                    + e.perRepetition(json, p -> Units.mib(p.startup().rssBytesAtFirstAnswer())) + " MiB | "
                    + e.perRepetition(json, p -> Units.seconds(p.warmUp().seconds())) + " s | "
                    + e.perRepetition(json, p -> Units.whole(p.throughput().rps())) + " | "
                    + e.perRepetition(io, p -> Units.whole(p.throughput().rps()));
        });
    }

    private static Quote engines(String configuration, String sentence) {
        String expected = sentence.substring(sentence.indexOf(" | ") + 3, sentence.length() - 2);
        return new Quote(sentence, "engines", expected, e -> e.rpsSpread(configuration + "-json-c128") + " | "
                + e.p99(configuration + "-json-c128") + " | " + e.rps(configuration + "-io_ms_10-c128") + " ("
                + Units.whole(Ceiling.rps(e.group(configuration + "-io_ms_10-c128").key()).orElseThrow()) + ") | "
                + e.p99(configuration + "-io_ms_10-c128") + " | " + e.rps(configuration + "-mixed-c128") + " | "
                + e.p99Whole(configuration + "-mixed-c128") + " | " + e.groupRange(Example.id(configuration + "-"),
                        g -> g.serverRssBytes().median(), Units::mib).replaceFirst(".*–", "") + " MiB");
    }

    private static Quote virtualIo(String sentence, String configuration, String expected) {
        return new Quote(sentence, "virtual", expected, e -> Stream.of(16, 64, 256)
                .map(c -> e.rps(configuration + "-io_ms_10-c" + c)).collect(Collectors.joining(" | ")));
    }

    private static Quote virtualJson(String sentence, String configuration) {
        return new Quote(sentence, "virtual", sentence.substring(2, sentence.length() - 2), e -> Stream.of(16, 64, 256)
                .map(c -> e.rpsSpread(configuration + "-json-c" + c)).collect(Collectors.joining(" | ")));
    }

    private static Quote asgi(String sentence, String configuration, boolean allEndpoints) {
        String expected = sentence.substring(sentence.indexOf(" | ") + 3, sentence.length() - 2);
        return new Quote(sentence, "asgi", expected, e -> {
            Stream<String> endpoints = allEndpoints ? Stream.of("json", "io_ms_10", "io_ms_10_mode_offload")
                    : Stream.of("io_ms_10_mode_offload");
            String figures = endpoints.flatMap(endpoint -> Stream.of(128, 256)
                    .map(c -> e.rps(configuration + "-" + endpoint + "-c" + c))).collect(Collectors.joining(" | "));
            return allEndpoints ? figures : "| | | | " + figures;
        });
    }

    private static Quote sloCapacity(String sentence, String example, String configuration, String expected) {
        return new Quote(sentence, example, expected, e -> sloCapacity(e, configuration));
    }

    private static Quote virtualRss(String sentence, String configuration, String expected) {
        return new Quote(sentence, "virtual", expected, e -> e.groupRange(Example.id(configuration),
                g -> g.serverRssBytes() == null ? null : g.serverRssBytes().median(), Units::mib));
    }

    private static Quote asgiOffload(String sentence, String configuration) {
        String expected = sentence.substring(2, sentence.length() - 2);
        return new Quote(sentence, "asgi", expected, e -> {
            String c128 = configuration + "-io_ms_10_mode_offload-c128";
            String c256 = configuration + "-io_ms_10_mode_offload-c256";
            return e.rps(c128) + " | " + e.rps(c256) + " | " + Units.millis(e.group(c128).latency().figures().p99Micros()) + " / "
                    + Units.millis(e.group(c256).latency().figures().p99Micros()) + " ms | " + e.cpuWithRuns(c128) + " / " + e.cpuWithRuns(c256)
                    + " | " + e.groupRange(Example.id(configuration + "-io_ms_10_mode_offload-"),
                            g -> MemoryFigures.of(g.repetitions()).liveThreads().median(), Units::whole);
        });
    }

    /** A row of the slo table: capacity, the rate the SLO held to (its share, ⚑ when flagged), its p99 (and CPU), the p99 one step higher. */
    private static Quote sloRow(String sentence, String example, String configuration, boolean withCpu) {
        String expected = sentence.substring(sentence.indexOf(" | ") + 3, sentence.length() - 2);
        return new Quote(sentence, example, expected, e -> {
            CapacityAtSlo.Row row = e.slo(configuration);
            CapacityAtSlo.Level at = row.capacity();
            String figures = Units.whole(at.offeredRps().median()) + " (" + Units.percent(at.rateFraction()) + ")"
                    + (at.flags().isEmpty() ? "" : " ⚑") + " | " + Example.wholeMillis(at.percentileMicros()) + " ms"
                    + (withCpu ? ", " + Units.cores(at.serverCpuCores().median()) + " cores" : "") + " | "
                    + Example.wholeMillis(e.intendedP99Above(configuration)) + " ms";
            return sloCapacity(e, configuration) + " | " + figures;
        });
    }

    /** The median of the configuration's closed capacity probes, one per fork (every open point of a fork carries its fork's). */
    private static String sloCapacity(Example e, String configuration) {
        return Units.whole(Spread.of(e.points().stream()
                .filter(p -> Example.stem(p).startsWith(configuration + "-cap") && p.open() != null)
                .map(p -> p.open().capacityRps()).distinct().toList()).median());
    }

    /** The paired comparison of the arm named {@code arm} against the run's baseline. */
    private static PairedTable.Comparison pairedComparison(Example e, String arm) {
        return PairedTable.of(e.run()).rows().stream().filter(c -> arm.equals(c.configuration().arm())).findFirst().orElseThrow();
    }

    /** The first paired comparison against the run's baseline that {@code which} picks. */
    private static PairedTable.Comparison pairedComparison(Example e, Predicate<PairedTable.Comparison> which) {
        return PairedTable.of(e.run()).rows().stream().filter(which).findFirst().orElseThrow();
    }

    /** The throughput ratio of the configuration whose label ends with {@code label}, e.g. {@code w2 t1}. */
    private static String pairedLabel(Example e, String label) {
        return MarkdownSummary.ratio(pairedComparison(e, c -> c.configuration().label().endsWith(label)).throughput());
    }

    /** {@code 13,776 (12,686–15,364) | 0.846 (0.726–0.967)}: the configuration's RPS over forks and its ratio. */
    private static String pairedRow(Example e, String label) {
        PairedTable.Comparison c = pairedComparison(e, x -> x.configuration().label().endsWith(label));
        return MarkdownSummary.spread(c.rps(), Units::whole) + " | " + MarkdownSummary.ratio(c.throughput());
    }

    /** {@code  | 20 % | 1.704 (1.579–1.827)}: what the run could detect, and the p99 ratio. */
    private static String pairedRowEnd(Example e, String label) {
        PairedTable.Comparison c = pairedComparison(e, x -> x.configuration().label().endsWith(label));
        return " | " + MarkdownSummary.detectable(c.throughput()) + " | " + MarkdownSummary.ratio(c.p99());
    }

    /** {@code 39 % slower}: one less the median ratio. */
    private static String slower(Example e, String label) {
        return Units.percent(1 - pairedComparison(e, c -> c.configuration().label().endsWith(label)).throughput().median()) + " slower";
    }

    /** The paired comparison at {@code endpoint} of the configuration whose label ends with {@code label}. */
    private static PairedTable.Comparison pairedAt(Example e, String endpoint, String label) {
        return pairedComparison(e, c -> c.endpoint().equals(endpoint) && c.configuration().label().endsWith(label));
    }

    /** The one paired comparison at an endpoint and load, e.g. {@code /json} and {@code c256}, in a sweep of two configurations. */
    private static PairedTable.Comparison pairedAtLoad(Example e, String endpoint, String load) {
        return pairedComparison(e, c -> c.endpoint().equals(endpoint) && c.load().equals(load));
    }

    /** A row of the cpu table: the split and the connections, then {@link #levelRow}. */
    private static Quote splitRow(String row, String endpoint, String load) {
        String figures = row.substring(row.indexOf(" | ") + 3, row.lastIndexOf(" |"));
        return new Quote(row, "cpu", figures, e -> levelRow(e, endpoint, load));
    }

    /** The lowest and highest bound of the six reactive-against-servlet intervals of {@code cpu}, as signed percents. */
    private static String splitIntervals(Example e) {
        List<PairedTable.Comparison> all = Stream.of("/cpu?split=1", "/cpu?split=2", "/cpu?split=4")
                .flatMap(ep -> Stream.of("c1", "c16").map(load -> pairedAtLoad(e, ep, load))).toList();
        double low = all.stream().mapToDouble(c -> c.throughput().low()).min().orElseThrow();
        double high = all.stream().mapToDouble(c -> c.throughput().high()).max().orElseThrow();
        return signedPercent(low - 1) + " and " + signedPercent(high - 1);
    }

    private static String signedPercent(double change) {
        return (change < 0 ? "−" : "+") + String.format(Locale.ROOT, "%.1f", Math.abs(change) * 100) + " %";
    }

    /** A row of the two-configuration table: both sides' RPS over forks, the ratio and what it could detect. */
    private static String levelRow(Example e, String endpoint, String load) {
        PairedTable.Comparison c = pairedAtLoad(e, endpoint, load);
        return MarkdownSummary.spread(c.baselineRps(), Units::whole) + " | " + MarkdownSummary.spread(c.rps(), Units::whole) + " | "
                + MarkdownSummary.ratio(c.throughput()) + " | " + MarkdownSummary.detectable(c.throughput());
    }

    /** A row of the pool table: {@code /json} RPS over forks, its ratio and what it could detect, then {@code /io}'s RPS. */
    private static String poolRow(Example e, String label) {
        PairedTable.Comparison json = pairedAt(e, "/json", label);
        return MarkdownSummary.spread(json.rps(), Units::whole) + " | " + MarkdownSummary.ratio(json.throughput()) + " | "
                + MarkdownSummary.detectable(json.throughput()) + " | " + MarkdownSummary.spread(pairedAt(e, "/io?ms=10", label).rps(), Units::whole);
    }

    /** Its throughput ratio as the paired table prints it: {@code 1.046 (0.945–1.155)}. */
    private static String paired(Example e, String arm) {
        return MarkdownSummary.ratio(pairedComparison(e, arm).throughput());
    }

    /** Fork pair by fork pair, the median of the arm's round ratios against the baseline's, in fork order. */
    private static List<Double> forkMedians(Example e, String arm) {
        PairedTable.Comparison c = pairedComparison(e, arm);
        Map<Integer, Map<Integer, Double>> base = new java.util.TreeMap<>();
        Map<Integer, Map<Integer, Double>> other = new java.util.TreeMap<>();
        for (PointResult p : e.points()) {
            Map<Integer, Map<Integer, Double>> side = p.key().configuration().equals(c.baseline()) ? base
                    : p.key().configuration().equals(c.configuration()) ? other : null;
            if (side != null) {
                p.slices().forEach(sl -> side.computeIfAbsent(p.repetition(), r -> new java.util.TreeMap<>()).put(sl.round(), sl.rps()));
            }
        }
        List<Double> medians = new java.util.ArrayList<>();
        other.forEach((fork, rounds) -> medians.add(Spread.of(rounds.entrySet().stream()
                .map(r -> r.getValue() / base.get(fork).get(r.getKey())).toList()).median()));
        return medians;
    }

    private static String strip(String percent) {
        return percent.replace(" %", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotes")
    void theReadmeSaysWhatItsRunHolds(Quote quote) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8) + "\n" + Files.readString(FINDINGS, StandardCharsets.UTF_8)
                + "\n" + Files.readString(MEASUREMENT, StandardCharsets.UTF_8);
        Example example = Example.of(quote.example());

        assertThat(readme.contains(quote.sentence()))
                .as("README.md no longer says \"%s\": reword this row with the README", quote.sentence()).isTrue();
        assertThat(quote.sentence()).as("the row's expected text is part of its sentence").contains(quote.expected());
        assertThat(quote.figure().apply(example))
                .as("README.md says \"%s\" from reports/examples/%s, whose files give", quote.sentence(), quote.example())
                .isEqualTo(quote.expected());
    }

    /** One committed example, read as the report reads it, with the figures the README quotes. */
    record Example(SweepResults run) {

        static Example of(String name) {
            return new Example(RUNS.computeIfAbsent(name, n -> {
                try {
                    return SweepResults.load(EXAMPLES.resolve(n));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }

        List<PointResult> points() {
            return run.points();
        }

        /** A point's id without its repetition: {@code servlet-p1-w1-t8-json-c64}. */
        static String stem(PointResult p) {
            return p.id().replaceFirst("-r\\d+$", "");
        }

        static Predicate<PointResult> flagged(Flag.Code code) {
            return p -> p.flags().stream().anyMatch(f -> f.code() == code);
        }

        static Predicate<PointResult> on(String endpoint) {
            return p -> p.key().endpoint().equals(endpoint);
        }

        /** The runs of one point, grouped as the report groups them. */
        PointGroup group(String stem) {
            List<PointResult> runs = points().stream().filter(p -> stem(p).equals(stem)).toList();
            assertThat(runs).as("runs of %s", stem).isNotEmpty();
            return PointGroup.of(runs).getFirst();
        }

        long count(Predicate<PointResult> which) {
            return points().stream().filter(which).count();
        }

        String rps(String stem) {
            return Units.whole(group(stem).rps().median());
        }

        /** Median (min–max), as the tables print RPS over runs. */
        String rpsSpread(String stem) {
            Spread s = group(stem).rps();
            return Units.whole(s.median()) + " (" + Units.whole(s.min()) + "–" + Units.whole(s.max()) + ")";
        }

        String repeatCv(String stem) {
            return Units.percent(group(stem).repeatCv());
        }

        /** p99 of the runs' merged histograms, as the report prints it. */
        String p99(String stem) {
            return Units.millis(group(stem).latency().figures().p99Micros()) + " ms";
        }

        /** p99 in whole milliseconds, as the README rounds it in prose. */
        String p99Whole(String stem) {
            return Math.round(group(stem).latency().figures().p99Micros() / 1000.0) + " ms";
        }

        String flagCodes(String stem) {
            return group(stem).repetitions().stream().flatMap(p -> p.flags().stream()).map(f -> f.code())
                    .distinct().sorted().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        }

        String warmUpSeconds(String stem) {
            Spread s = Spread.of(group(stem).repetitions().stream().map(p -> p.warmUp().seconds()).toList());
            return s.min() == s.max() || Units.seconds(s.min()).equals(Units.seconds(s.max())) ? Units.seconds(s.min())
                    : Units.seconds(s.min()) + "–" + Units.seconds(s.max());
        }

        /** Each run's figure, in run order: "6.5, 6.8". */
        String perRepetition(String stem, Function<PointResult, String> figure) {
            return group(stem).repetitions().stream().map(figure).collect(Collectors.joining(", "));
        }

        /** The range of |drift| over the points flagged UNSTEADY whose id contains {@code part}, in whole or one-decimal percent. */
        String unsteadyDrift(String part) {
            List<Double> drifts = points().stream().filter(p -> p.id().contains(part)).filter(flagged(Flag.Code.UNSTEADY))
                    .map(p -> Math.abs(p.stability().trend())).sorted().toList();
            return strip(Units.percent(drifts.getFirst())) + "–" + strip(Units.percent(drifts.getLast()));
        }

        double max(String part, ToDoubleFunction<PointResult> figure) {
            return points().stream().filter(p -> p.id().contains(part)).mapToDouble(figure).max().orElseThrow();
        }

        String range(String part, ToDoubleFunction<PointResult> figure, DoubleFunction<String> format) {
            var stats = points().stream().filter(p -> p.id().contains(part)).mapToDouble(figure)
                    .filter(v -> !Double.isNaN(v)).summaryStatistics();
            return format.apply(stats.getMin()) + "–" + format.apply(stats.getMax());
        }

        /** The range of a figure of each point's runs, over the points {@code which} selects that have it. */
        String groupRange(Predicate<PointResult> which, Function<PointGroup, Double> figure, DoubleFunction<String> format) {
            List<Double> values = PointGroup.of(points().stream().filter(which).toList()).stream().map(figure)
                    .filter(Objects::nonNull).sorted().toList();
            String low = format.apply(values.getFirst());
            String high = format.apply(values.getLast());
            return low.equals(high) ? low : low + "–" + high;
        }

        /** The range of the points' median RPS. */
        String medianRange(Predicate<PointResult> which) {
            return groupRange(which, g -> g.rps().median(), Units::whole);
        }

        /** Points whose id contains every part. */
        static Predicate<PointResult> id(String... parts) {
            return p -> Stream.of(parts).allMatch(p.id()::contains);
        }

        static Predicate<PointResult> not(String part) {
            return p -> !p.id().contains(part);
        }

        /** The capacity at the sweep's SLO of the configuration whose point ids start with {@code configuration}, as the harness judges it. */
        CapacityAtSlo.Row slo(String configuration) {
            Slo slo = run.sweep().slo();
            PointResult any = points().stream().filter(p -> stem(p).startsWith(configuration + "-cap")).findFirst().orElseThrow();
            return CapacityAtSlo.of(points(), slo.percentile(), slo.latency()).rows().stream()
                    .filter(r -> r.configuration().equals(any.key().configuration()) && r.endpoint().equals(any.key().endpoint()))
                    .findFirst().orElseThrow();
        }

        double min(String part, ToDoubleFunction<PointResult> figure) {
            return points().stream().filter(p -> p.id().contains(part)).mapToDouble(figure).min().orElseThrow();
        }

        /** Median CPU cores of a point's runs. */
        String cpuWithRuns(String stem) {
            return Units.cores(group(stem).serverCpuCores().median());
        }

        String cpuRuns(String stem) {
            Spread s = group(stem).serverCpuCores();
            return Units.cores(s.min()) + "–" + Units.cores(s.max());
        }

        String rpsRuns(String stem) {
            Spread s = group(stem).rps();
            return Units.whole(s.min()) + "–" + Units.whole(s.max());
        }

        /**
         * The p99 from intended send time, of the runs merged, at the first rate above the
         * configuration's capacity at its SLO (where the target broke), as the open-load table shows it.
         */
        long intendedP99Above(String configuration) {
            CapacityAtSlo.Row row = slo(configuration);
            CapacityAtSlo.Level above = row.levels().get(row.levels().indexOf(row.capacity()) + 1);
            return LatencyFigures.of(atRate(configuration, above), LatencyFigures.Source.INTENDED).figures().p99Micros();
        }

        /** Milliseconds, whole and grouped, as the README rounds latency in prose: 1,063. */
        static String wholeMillis(double micros) {
            return String.format(Locale.ROOT, "%,d", Math.round(micros / 1000));
        }

        /** "252 MiB RSS, 235 MiB PSS": the medians of a point's runs. */
        String rssAndPss(String stem) {
            PointGroup g = group(stem);
            return Units.mib(g.serverRssBytes().median()) + " MiB RSS, " + Units.mib(g.serverPssBytes().median()) + " MiB PSS";
        }

        /** The runs at the rate a configuration's capacity at the SLO was reached (the ⚑ rows' UNSTEADY runs). */
        List<PointResult> atCapacity(String configuration) {
            return atRate(configuration, slo(configuration).capacity());
        }

        /** The runs of a configuration at one of its rates, a share of its capacity ({@code -cap75-}). */
        List<PointResult> atRate(String configuration, CapacityAtSlo.Level level) {
            String share = "-cap" + Math.round(level.rateFraction() * 100) + "-";
            return points().stream().filter(p -> stem(p).startsWith(configuration + share)).toList();
        }

        /** The range of the warm-up seconds of the points {@code which} selects, here and in another example. */
        String warmUpAcross(String other, Predicate<PointResult> which) {
            var seconds = Stream.concat(points().stream(), Example.of(other).points().stream()).filter(which)
                    .mapToDouble(p -> p.warmUp().seconds()).summaryStatistics();
            return Units.seconds(seconds.getMin()) + "–" + Units.seconds(seconds.getMax());
        }

        /** The one run of a point that was measured (the others hung before it). */
        String measured(String stem, Function<PointResult, String> figure) {
            List<PointResult> runs = group(stem).measuredRepetitions();
            assertThat(runs).as("measured runs of %s", stem).hasSize(1);
            return figure.apply(runs.getFirst());
        }

        /** progress.log, the console of the sweep: what it printed is all there is of a training run or a total time. */
        List<java.util.regex.Matcher> progress(java.util.regex.Pattern pattern) {
            try {
                return Files.readAllLines(run.dir().resolve(RunFolder.PROGRESS), StandardCharsets.UTF_8).stream()
                        .map(pattern::matcher).filter(java.util.regex.Matcher::find).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The groups of the one line of progress.log that matches, joined by a space. */
        String progress(String regex) {
            List<java.util.regex.Matcher> found = progress(java.util.regex.Pattern.compile(regex));
            assertThat(found).as("lines of progress.log matching %s", regex).hasSize(1);
            java.util.regex.Matcher m = found.getFirst();
            return java.util.stream.IntStream.rangeClosed(1, m.groupCount()).mapToObj(m::group).collect(Collectors.joining(" "));
        }

        /** The range of the number in group 1 over every line of progress.log that matches, rounded to whole. */
        String progressRange(String regex) {
            var values = progress(java.util.regex.Pattern.compile(regex)).stream()
                    .mapToDouble(m -> Double.parseDouble(m.group(1))).summaryStatistics();
            assertThat(values.getCount()).as("lines of progress.log matching %s", regex).isPositive();
            return Math.round(values.getMin()) + "–" + Math.round(values.getMax());
        }

        /** The JIT's share of a point's window. */
        static double jitShare(PointResult p) {
            return p.stability().jitMs() / 1000.0 / p.throughput().windowSeconds();
        }

        /**
         * A cold start against a cached one of the same app and repetition, over every app and
         * repetition of the startup sweep: the range of {@code compare(cold, aot)}.
         */
        String aotPairs(ToDoubleFunction<Startup> figure,
                        DoubleBinaryOperator compare, DoubleFunction<String> format) {
            List<PointResult> starts = points().stream().filter(on("/json")).toList();
            List<Double> values = starts.stream().filter(p -> !p.key().configuration().aotCache()).map(cold -> {
                PointResult aot = starts.stream().filter(p -> p.key().configuration().aotCache() && p.key().configuration().app().equals(cold.key().configuration().app())
                        && p.repetition() == cold.repetition()).findFirst().orElseThrow();
                return compare.applyAsDouble(figure.applyAsDouble(cold.startup()), figure.applyAsDouble(aot.startup()));
            }).sorted().toList();
            return format.apply(values.getFirst()) + "–" + format.apply(values.getLast());
        }
    }
}
