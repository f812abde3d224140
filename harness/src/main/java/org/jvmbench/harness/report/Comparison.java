package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.KeyField;
import org.jvmbench.harness.result.PointKey;

/**
 * Two or more sweep folders side by side: points matched by their settings, RPS, p99, CPU and
 * RSS of each side with the change against the first, and what the change is worth
 * ({@link Verdict}: flagged sides are not judged, then the threshold, then a Mann–Whitney test
 * over the repetitions). Points that only some folders have are listed, not dropped. Typical uses: before vs after a change, JDK 21 vs 25, platform vs virtual threads
 * (ignoring {@code virtualThreads} when matching).
 *
 * <p>Just over 300 lines: matching, judging and the records it hands the templates belong
 * together, since the templates read exactly these components.
 *
 * @param sides     one per folder, the first is the baseline
 * @param matchedOn the key fields points are matched on
 * @param ignored   the key fields left out of matching
 * @param endpoints matched points by endpoint, in the order the baseline ran them
 * @param partial   points missing from some side
 * @param notes     points that could not be compared, and why
 */
public record Comparison(
        List<Side> sides,
        List<String> matchedOn,
        List<String> ignored,
        double threshold,
        List<EndpointPoints> endpoints,
        List<Partial> partial,
        List<String> notes) {

    public static final String MARKDOWN_FILE = "compare.md";
    public static final String HTML_FILE = "compare.html";

    static final List<ReportFormat<Comparison>> FORMATS = List.of(new ComparisonMarkdown(), new ComparisonHtml());

    /**
     * How to match and judge.
     *
     * @param ignore    key fields not matched on, e.g. {@link KeyField#VIRTUAL_THREADS}
     * @param threshold relative difference under which a change counts as none
     */
    public record Options(Set<KeyField> ignore, double threshold) {

        public Options {
            ignore = ignore.isEmpty() ? EnumSet.noneOf(KeyField.class) : EnumSet.copyOf(ignore);
            if (!(threshold >= 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1), e.g. 0.05 for 5 %: " + threshold);
            }
        }

        /** Match on every key field; {@link Defaults#COMPARE_THRESHOLD}. */
        public static Options defaults() {
            return new Options(Set.of(), Defaults.COMPARE_THRESHOLD);
        }

        /** These options, also ignoring the named fields ({@code virtualThreads}, {@code threads} ...). */
        public Options ignoring(Collection<String> fieldNames) {
            Set<KeyField> fields = EnumSet.noneOf(KeyField.class);
            fields.addAll(ignore);
            fields.addAll(KeyField.parseAll(fieldNames));
            return new Options(fields, threshold);
        }

        public Options withThreshold(double newThreshold) {
            return new Options(ignore, newThreshold);
        }
    }

    /**
     * @param label       A, B, C ... in column headers
     * @param folder      the sweep folder's name
     * @param headerLine  machine, JDK, durations of that sweep
     * @param profiled    a point of the sweep ran with a profiler attached
     */
    public record Side(String label, String folder, String name, String headerLine, String versionsLine,
                       int repetitions, int points, boolean profiled, List<String> warnings) {
    }

    public record EndpointPoints(String endpoint, List<ComparedPoint> points) {
    }

    /**
     * One point on every side.
     *
     * @param settings the matched settings, e.g. {@code servlet w2 t64 c64} when virtualThreads is ignored
     * @param cells    one per side, in side order
     */
    public record ComparedPoint(String endpoint, String settings, List<Cell> cells) {
    }

    /**
     * A side's figures for a point and, for every side but the first, the change against the first.
     *
     * @param label    this side's own settings, which may differ in ignored fields
     * @param p99Micros from the repetitions' merged histograms; {@code p99Repetitions} is the per-repetition spread
     * @param flags    the codes of the flags its repetitions carry, shown beside its figures
     * @param flagged  a repetition carries a flag other than PROFILED: this side is not judged
     * @param profiled a run ran with a profiler attached
     */
    public record Cell(String id, String label, int repetitions, Spread rps, Long p99Micros, Spread p99Repetitions,
                       Spread cpuCores, Spread rssBytes, List<String> flags, boolean flagged, boolean profiled,
                       Change rpsChange, Change p99Change, Change cpuChange, Change rssChange) {

        /** {@code Cell} to fill in by name: a component not set stays null, false or 0. */
        public static Builder builder() {
            return new Builder();
        }

        /** {@code Cell} built by name; {@link #build} holds it to the record's own rules. */
        public static final class Builder {
            private String id;
            private String label;
            private int repetitions;
            private Spread rps;
            private Long p99Micros;
            private Spread p99Repetitions;
            private Spread cpuCores;
            private Spread rssBytes;
            private List<String> flags;
            private boolean flagged;
            private boolean profiled;
            private Change rpsChange;
            private Change p99Change;
            private Change cpuChange;
            private Change rssChange;

            private Builder() {
            }

            public Builder id(String value) {
                id = value;
                return this;
            }

            public Builder label(String value) {
                label = value;
                return this;
            }

            public Builder repetitions(int value) {
                repetitions = value;
                return this;
            }

            public Builder rps(Spread value) {
                rps = value;
                return this;
            }

            public Builder p99Micros(Long value) {
                p99Micros = value;
                return this;
            }

            public Builder p99Repetitions(Spread value) {
                p99Repetitions = value;
                return this;
            }

            public Builder cpuCores(Spread value) {
                cpuCores = value;
                return this;
            }

            public Builder rssBytes(Spread value) {
                rssBytes = value;
                return this;
            }

            public Builder flags(List<String> value) {
                flags = value;
                return this;
            }

            public Builder flagged(boolean value) {
                flagged = value;
                return this;
            }

            public Builder profiled(boolean value) {
                profiled = value;
                return this;
            }

            public Builder rpsChange(Change value) {
                rpsChange = value;
                return this;
            }

            public Builder p99Change(Change value) {
                p99Change = value;
                return this;
            }

            public Builder cpuChange(Change value) {
                cpuChange = value;
                return this;
            }

            public Builder rssChange(Change value) {
                rssChange = value;
                return this;
            }

            public Cell build() {
                return new Cell(id, label, repetitions, rps, p99Micros, p99Repetitions, cpuCores, rssBytes, flags, flagged, profiled,
                        rpsChange, p99Change, cpuChange, rssChange);
            }
        }
    }

    /**
     * @param ratio     this side / the first side
     * @param better    null unless the verdict judges; else whether the change is an improvement
     * @param pValue    the Mann–Whitney test's two-sided p over the runs, null when no test ran
     * @param smallestP the smallest p the two run counts allow, null when no test ran
     * @param text      the verdict in words with its numbers
     */
    public record Change(double ratio, Verdict verdict, Boolean better, Double pValue, Double smallestP, String text) {
    }

    /** A point some sides lack. */
    public record Partial(String endpoint, String settings, List<String> in, List<String> missingFrom) {
    }

    /**
     * Reads every folder and writes {@code compare.md} and {@code compare.html} into
     * {@code outDir} (created if needed), matching on every key field.
     *
     * @return the files written
     */
    public static List<Path> write(List<Path> dirs, Path outDir) throws IOException {
        return write(dirs, outDir, Options.defaults());
    }

    /** As {@link #write(List, Path)}, with fields to ignore when matching and the threshold. */
    public static List<Path> write(List<Path> dirs, Path outDir, Options options) throws IOException {
        if (dirs.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two sweep folders, got " + dirs.size());
        }
        List<SweepResults> runs = new ArrayList<>();
        for (Path dir : dirs) {
            runs.add(SweepResults.load(dir));
        }
        Comparison comparison = of(runs, options);
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (ReportFormat<Comparison> format : FORMATS) {
            written.add(format.write(comparison, outDir));
        }
        return written;
    }

    static Comparison of(List<SweepResults> runs, Options options) {
        List<Side> sides = new ArrayList<>();
        List<Map<Map<KeyField, Object>, List<PointGroup>>> bySide = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SweepResults run = runs.get(i);
            List<PointGroup> groups = run.groups();
            sides.add(new Side(sideLabel(i), run.folderName(), run.name(), new RunDescription(run).headerLine(),
                    new RunDescription(run).versionsLine(), run.points().size(), groups.size(),
                    groups.stream().anyMatch(PointGroup::profiled), run.warnings()));
            Map<Map<KeyField, Object>, List<PointGroup>> index = new LinkedHashMap<>();
            for (PointGroup g : groups) {
                index.computeIfAbsent(matchKey(g.key(), options.ignore()), k -> new ArrayList<>()).add(g);
            }
            bySide.add(index);
        }

        // every match key, the baseline's first, then those only later sides have
        Map<Map<KeyField, Object>, PointKey> all = new LinkedHashMap<>();
        for (Map<Map<KeyField, Object>, List<PointGroup>> index : bySide) {
            index.forEach((k, groups) -> all.putIfAbsent(k, groups.get(0).key()));
        }
        List<Map.Entry<Map<KeyField, Object>, PointKey>> ordered = new ArrayList<>(all.entrySet());
        List<String> endpointOrder = ordered.stream().map(e -> e.getValue().endpoint()).distinct().toList();
        ordered.sort(Comparator.<Map.Entry<Map<KeyField, Object>, PointKey>>comparingInt(
                        e -> endpointOrder.indexOf(e.getValue().endpoint()))
                .thenComparing(Map.Entry::getValue, PointGroup.ORDER));

        Map<String, List<ComparedPoint>> byEndpoint = new LinkedHashMap<>();
        List<Partial> partial = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Map<KeyField, Object>, PointKey> e : ordered) {
            String endpoint = options.ignore().contains(KeyField.ENDPOINT) ? "all endpoints" : e.getValue().endpoint();
            String settings = settings(e.getValue(), options.ignore());
            List<String> in = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            List<PointGroup> chosen = new ArrayList<>();
            boolean ambiguous = false;
            for (int i = 0; i < bySide.size(); i++) {
                List<PointGroup> groups = bySide.get(i).getOrDefault(e.getKey(), List.of());
                if (groups.isEmpty()) {
                    missing.add(sides.get(i).label());
                    chosen.add(null);
                } else {
                    in.add(sides.get(i).label());
                    chosen.add(groups.get(0));
                    if (groups.size() > 1) {
                        ambiguous = true;
                        notes.add(endpoint + " " + settings + ": " + sides.get(i).label() + " has "
                                + groups.size() + " points that match (" + String.join(", ",
                                groups.stream().map(g -> g.key().id()).toList())
                                + "); not compared: ignore fewer key fields");
                    }
                }
            }
            if (!missing.isEmpty()) {
                partial.add(new Partial(endpoint, settings, in, missing));
            }
            if (ambiguous || in.size() < 2) {
                continue;
            }
            byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>())
                    .add(new ComparedPoint(endpoint, settings, cells(chosen, options.threshold())));
        }
        List<EndpointPoints> endpoints = new ArrayList<>();
        byEndpoint.forEach((endpoint, points) -> endpoints.add(new EndpointPoints(endpoint, points)));
        List<String> matchedOn = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (KeyField f : KeyField.values()) {
            (options.ignore().contains(f) ? ignored : matchedOn).add(f.fieldName());
        }
        return new Comparison(sides, matchedOn, ignored, options.threshold(), endpoints, partial, notes);
    }

    /** Only the points every side has. */
    List<ComparedPoint> complete() {
        return endpoints.stream().flatMap(e -> e.points().stream())
                .filter(p -> p.cells().stream().allMatch(c -> c != null)).toList();
    }

    private static List<Cell> cells(List<PointGroup> groups, double threshold) {
        PointGroup base = groups.get(0);
        List<Cell> cells = new ArrayList<>();
        for (PointGroup g : groups) {
            if (g == null) {
                cells.add(null);
                continue;
            }
            LatencyFigures latency = g.latency();
            Long p99 = latency == null ? null : latency.figures().p99Micros();
            Spread rps = g.rps();
            Spread cpu = g.serverCpuCores();
            Spread rss = g.serverRssBytes();
            Spread p99Repetitions = g.p99Micros();
            Change rpsChange = null;
            Change p99Change = null;
            Change cpuChange = null;
            Change rssChange = null;
            if (base != null && g != base) {
                LatencyFigures baseLatency = base.latency();
                rpsChange = change(rps, base.rps(), g, base, PointGroup::rpsValue, true, threshold);
                p99Change = p99 == null || baseLatency == null ? null
                        : change((double) p99, (double) baseLatency.figures().p99Micros(), g, base, PointGroup::p99Value, false, threshold);
                cpuChange = change(cpu, base.serverCpuCores(), g, base, PointGroup::cpuValue, false, threshold);
                rssChange = change(rss, base.serverRssBytes(), g, base, PointGroup::rssValue, false, threshold);
            }
            List<String> codes = g.flags().stream().map(PointGroup.RepetitionFlag::code).distinct().toList();
            cells.add(Cell.builder().id(g.key().id()).label(g.key().label()).repetitions(g.repetitions().size())
                    .rps(rps).p99Micros(p99).p99Repetitions(p99Repetitions).cpuCores(cpu).rssBytes(rss)
                    .flags(codes).flagged(untrusted(g)).profiled(g.profiled())
                    .rpsChange(rpsChange).p99Change(p99Change).cpuChange(cpuChange).rssChange(rssChange).build());
        }
        return cells;
    }

    /** Flagged for a reason other than the profiler, whose cost a comparison states rather than hides. */
    static boolean untrusted(PointGroup g) {
        return g.flags().stream().anyMatch(f -> !f.code().equals(org.jvmbench.harness.result.Flag.Code.PROFILED.name()));
    }

    private static Change change(Spread value, Spread baseline, PointGroup side, PointGroup base,
                                 java.util.function.Function<org.jvmbench.harness.result.PointResult, Double> perRepetition,
                                 boolean higherIsBetter, double threshold) {
        if (value == null || baseline == null) {
            return null;
        }
        return change(value.median(), baseline.median(), side, base, perRepetition, higherIsBetter, threshold);
    }

    private static Change change(double value, double baseline, PointGroup side, PointGroup base,
                                 java.util.function.Function<org.jvmbench.harness.result.PointResult, Double> perRepetition,
                                 boolean higherIsBetter, double threshold) {
        if (baseline == 0) {
            return null;
        }
        Verdict.Judgement j = Verdict.judge(value, baseline,
                new Verdict.Side(side.values(perRepetition), untrusted(side), side.profiled()),
                new Verdict.Side(base.values(perRepetition), untrusted(base), base.profiled()), threshold);
        Boolean better = j.verdict().judged() ? (value > baseline) == higherIsBetter : null;
        return new Change(value / baseline, j.verdict(), better, j.pValue(), j.smallestP(), j.text());
    }

    static Map<KeyField, Object> matchKey(PointKey key, Set<KeyField> ignore) {
        Map<KeyField, Object> match = new LinkedHashMap<>();
        for (KeyField f : KeyField.values()) {
            if (!ignore.contains(f)) {
                match.put(f, f.valueOf(key));
            }
        }
        return match;
    }

    /** The matched settings in the tables' words; ignored fields are left out, and the endpoint, which groups them. */
    static String settings(PointKey k, Set<KeyField> ignore) {
        Set<KeyField> leftOut = EnumSet.of(KeyField.ENDPOINT);
        leftOut.addAll(ignore);
        return k.label(leftOut);
    }

    private static String sideLabel(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "S" + (i + 1);
    }
}
