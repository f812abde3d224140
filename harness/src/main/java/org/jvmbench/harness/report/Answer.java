package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.plan.Slo;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.Slice;
import org.jvmbench.harness.stats.Difference;
import org.jvmbench.harness.stats.Direction;
import org.jvmbench.harness.stats.RatioInterval;

/**
 * The sweep's question and its answer, computed from the data: what the first screen of
 * {@code index.html}, the top of {@code summary.md} and the terminal's last lines say. For each
 * endpoint at each closed load, the configuration with the highest median throughput and how every
 * other one compares with it, then the configuration we recommend.
 *
 * <p>How a comparison is judged, against the configuration that served most:
 * <ul>
 *   <li><b>paired</b> (both measured in the same rounds): the ratio of the two slices per round,
 *       its interval over fork pairs ({@link org.jvmbench.harness.stats.PairedInterval}), worded by {@link Difference} with the paired
 *       threshold ({@value Defaults#PAIRED_THRESHOLD}): slower with its interval, no difference
 *       beyond ±N %, or cannot tell;</li>
 *   <li><b>repeats</b> (fresh JVMs one after the other): the repetitions' medians and the Mann–Whitney
 *       test of {@link Verdict}, which names a side only at p ≤ {@value Defaults#COMPARE_ALPHA};</li>
 *   <li>one repetition a side: the medians' difference, said to be untested.</li>
 * </ul>
 * "Served most" is said only when the best is shown ahead of every other configuration;
 * otherwise the answer names what it cannot separate and what would tell.
 *
 * <p>The recommendation is ours (no benchmark we follow makes one): among configurations without
 * a flag that served within {@value #WITHIN} of the best, the cheapest, by fewest processes, then
 * fewest OS threads held (sampled from {@code /proc}: pools, IO threads, the carriers of virtual
 * threads and the JVM's own alike), then least PSS (RSS where PSS was not read). The sweep's
 * server CPUs are the same for every configuration of a sweep, so they do not order them. With
 * paired data "within" means the whole interval of its ratio to the best lies above 0.95;
 * without, its median does, which the sentence says is untested. When a flagged configuration
 * served more than the best unflagged one there is no recommendation, and the line says why: the
 * cheapest near a slower best is no answer while faster ones cannot be judged.
 *
 * <p>Under open load with an SLO the answer is the capacity at the SLO ({@link OpenTable}): the
 * configuration that held it at the highest offered rate, each other one's share of that, and the
 * cheapest within {@value #WITHIN} of it. Capacity is read off the sweep's rate steps, not tested.
 *
 * @param question the first line of the sweep file's comment, without "Question:", or null
 * @param levels   one per endpoint and closed load, in the results' order
 * @param capacity one per endpoint with open points and an SLO
 */
public record Answer(String question, List<Level> levels, List<Capacity> capacity) {

    /**
     * @param endpoint       the request path
     * @param slo            the SLO as the tables write it, e.g. {@code p99 ≤ 50 ms}
     * @param rows           the capacity table's rows, the highest capacity first
     * @param recommendation the cheapest configuration within {@value #WITHIN} of the highest capacity, or null
     */
    public record Capacity(String endpoint, String slo, List<OpenTable.CapacityRow> rows, Recommendation recommendation) {

        public String sentence() {
            OpenTable.CapacityRow top = rows.getFirst();
            String where = "For `" + endpoint + "` under open load, at " + slo + ", ";
            if (top.capacityRps() == null) {
                return where + "no configuration met the SLO at any rate offered.";
            }
            List<String> others = new ArrayList<>();
            for (OpenTable.CapacityRow r : rows.subList(1, rows.size())) {
                others.add(r.capacityRps() == null ? r.config() + ": never met it"
                        : r.config() + ": " + Units.whole(r.capacityRps()) + " RPS (" + Units.share(r.ofBest()) + ")"
                        + (r.flagged() ? ", flagged" : ""));
            }
            return where + top.config() + " held it at the highest rate: " + Units.whole(top.capacityRps()) + " RPS"
                    + (top.flagged() ? " (flagged)" : "") + (others.isEmpty() ? "." : "; " + String.join("; ", others) + ".")
                    + " Capacities are the highest rate step within the SLO, not tested against each other.";
        }
    }

    /** A configuration within this share of the best's throughput may be recommended in its place. */
    static final double WITHIN = 0.05;

    /** Fewest processes, then fewest OS threads held, then least memory. */
    private static final Comparator<PointGroup> CHEAPEST = Comparator
            .comparingInt((PointGroup g) -> g.key().configuration().processes())
            .thenComparing(Answer::threads, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Answer::memory, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * @param endpoint       the request path
     * @param load           the load's label, e.g. {@code c64}
     * @param best           the configuration with the highest median throughput
     * @param bestRps        its median throughput over its repetitions
     * @param basis          how the comparisons were judged: paired, repeats or one repetition
     * @param others         every other configuration against the best, fastest first
     * @param recommendation the cheapest configuration within {@value #WITHIN} of the best, or null when none is
     */
    public record Level(String endpoint, String load, String best, double bestRps, Basis basis, List<Versus> others,
                        Recommendation recommendation) {

        /** Whether every other configuration is shown slower than the best. */
        public boolean bestProven() {
            return !others.isEmpty() && others.stream().allMatch(v -> v.outcome() == Outcome.SLOWER);
        }

        /** The answer for this endpoint and load, one sentence or a few joined by "; ". */
        public String sentence() {
            String where = "For `" + endpoint + "` at " + load;
            String rps = Units.whole(bestRps) + " RPS";
            if (others.isEmpty()) {
                return where + ", " + best + " served " + rps + " (the only configuration: nothing to compare).";
            }
            StringBuilder s = new StringBuilder(where).append(", ");
            if (bestProven()) {
                s.append(best).append(" served most: ").append(rps).append(" (").append(basis.text()).append("). ");
            } else {
                s.append(flaggedAhead() ? "of the points without a flag, " : "").append(best)
                        .append(" had the highest median, ").append(rps).append(" (").append(basis.text())
                        .append("), but this run does not show it ahead of every other: ");
            }
            s.append(String.join("; ", others.stream().map(Versus::words).toList())).append('.');
            if (others.stream().allMatch(v -> v.outcome() == Outcome.CANNOT_TELL)) {
                s.append(' ').append(basis.whatWouldTell());
            }
            return s.toString();
        }

        /** A flagged configuration had a higher median than the best unflagged one. */
        boolean flaggedAhead() {
            return !ahead().isEmpty();
        }

        /** The flagged configurations whose median was above the best unflagged one's. */
        private List<String> ahead() {
            return others.stream().filter(v -> v.outcome() == Outcome.FLAGGED && v.rps() > bestRps).map(Versus::configuration).toList();
        }

        /**
         * Why there is no recommendation when flagged configurations served more: the cheapest
         * unflagged one within 5 % of the best unflagged one may be far below them, and a flag says
         * the figure cannot be taken as it stands, not that the configuration is slower. Null otherwise.
         */
        String withheld() {
            List<String> ahead = ahead();
            if (ahead.isEmpty()) {
                return null;
            }
            return "No recommendation for `" + endpoint + "` at " + load + ": " + String.join(", ", ahead)
                    + (ahead.size() == 1 ? " served more but is flagged" : " served more but are flagged")
                    + "; a run without those flags would tell (each row says why).";
        }
    }

    /** How a level's comparisons were judged. */
    public enum Basis {
        PAIRED("paired rounds", "More rounds or forks would narrow the intervals."),
        REPEATS("fresh-JVM repeats", "The paired design (`design: paired`) measures configurations in turns and can "
                + "separate them where repeats one after the other cannot."),
        ONE_REPETITION("one repetition each", "One repetition each cannot tell: `repeat: 3` or more, or `design: paired`, would.");

        private final String text;
        private final String whatWouldTell;

        Basis(String text, String whatWouldTell) {
            this.text = text;
            this.whatWouldTell = whatWouldTell;
        }

        public String text() {
            return text;
        }

        String whatWouldTell() {
            return whatWouldTell;
        }
    }

    /** What a comparison with the best found. */
    public enum Outcome {
        /** Shown slower than the best. */
        SLOWER,
        /** Shown within the threshold of the best (paired: the whole interval within ±3 %). */
        SAME,
        /** Not separated from the best, nor shown the same. */
        CANNOT_TELL,
        /** A flag on either side: not judged. */
        FLAGGED
    }

    /**
     * @param configuration its label
     * @param rps           its median throughput
     * @param ofBest        its throughput as a share of the best's: the paired ratio's median, or the medians' ratio
     * @param lowOfBest     the low end of the paired ratio's interval, or null without one
     * @param outcome       what the comparison found
     * @param words         the comparison in words, naming the configuration
     */
    public record Versus(String configuration, double rps, double ofBest, Double lowOfBest, Outcome outcome, String words) {
    }

    /**
     * @param configuration its label
     * @param processes     its JVMs
     * @param threads       the OS threads its processes held (measured), or null when not recorded
     * @param memoryBytes   its median PSS (or RSS), or null when not read
     * @param memoryKind    {@code PSS} or {@code RSS}
     * @param isBest        it is also the configuration that served most
     * @param untested      what its place within {@value #WITHIN} rests on when no interval tested it, for the
     *                      sentence; null when the paired interval did
     */
    public record Recommendation(String configuration, int processes, Integer threads, Double memoryBytes,
                                 String memoryKind, boolean isBest, String untested) {

        public String sentence(String endpoint, String load) {
            StringBuilder s = new StringBuilder("Recommended for `").append(endpoint).append("` at ").append(load)
                    .append(": ").append(configuration).append(isBest
                            ? ", the highest and the cheapest of the configurations without a flag within 5 % of it"
                            : ", the cheapest of the configurations without a flag within 5 % of the highest");
            List<String> costs = new ArrayList<>();
            costs.add(processes + (processes == 1 ? " process" : " processes"));
            if (threads != null) {
                costs.add(threads + (threads == 1 ? " OS thread" : " OS threads"));
            }
            if (memoryBytes != null) {
                costs.add(memoryKind + " " + Units.mib(memoryBytes) + " MiB");
            }
            s.append(" (").append(String.join(", ", costs)).append(')');
            if (!isBest && untested != null) {
                s.append("; ").append(untested);
            }
            return s.append('.').toString();
        }
    }

    /** The terminal's lines: the question, then each level's answer and recommendation. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (question != null) {
            lines.add("question: " + question);
        }
        for (Line a : sentences()) {
            lines.add("answer: " + a.sentence().replace("`", ""));
            if (a.recommendation() != null) {
                lines.add("  " + a.recommendation().replace("`", ""));
            }
        }
        return lines;
    }

    public boolean isEmpty() {
        return levels.isEmpty() && capacity.isEmpty();
    }

    /**
     * One answer as the pages print it.
     *
     * @param endpoint       the endpoint it answers for
     * @param load           the closed load it answers for, as the tables write it (e.g. {@code c64}); null for a
     *                       capacity at the SLO, which spans the open loads
     * @param sentence       the answer for one endpoint and load (Markdown: `code` in backquotes)
     * @param recommendation our recommendation under it, or null when none
     */
    public record Line(String endpoint, String load, String sentence, String recommendation) {
    }

    /** Every answer with its recommendation: closed levels, then capacities at the SLO. */
    public List<Line> sentences() {
        List<Line> all = new ArrayList<>();
        for (Level l : levels) {
            all.add(new Line(l.endpoint(), l.load(), l.sentence(),
                    l.recommendation() == null ? l.withheld() : l.recommendation().sentence(l.endpoint(), l.load())));
        }
        for (Capacity c : capacity) {
            all.add(new Line(c.endpoint(), null, c.sentence(), c.recommendation() == null ? null : c.recommendation().sentence(c.endpoint(), "its SLO")));
        }
        return all;
    }

    /** The answer of a run folder. */
    public static Answer of(SweepResults run) {
        String question = run.sweep() == null ? null : questionOf(run.sweep().question());
        Map<String, List<PointGroup>> byLevel = new LinkedHashMap<>();
        for (PointGroup g : run.groups()) {
            if (g.key().open() || g.measuredRepetitions().isEmpty()) {
                continue;
            }
            byLevel.computeIfAbsent(g.key().endpoint() + " " + g.key().level().label(), l -> new ArrayList<>()).add(g);
        }
        List<Level> levels = new ArrayList<>();
        for (List<PointGroup> groups : byLevel.values()) {
            levels.add(level(groups));
        }
        List<Capacity> capacity = new ArrayList<>();
        Slo slo = run.sweep() == null ? null : run.sweep().slo();
        if (slo != null) {
            List<PointGroup> groups = run.groups();
            for (OpenTable t : OpenTable.of(groups, 1, slo)) {
                if (!t.capacity().isEmpty()) {
                    capacity.add(new Capacity(t.endpoint(), t.slo(), t.capacity(), recommendAtSlo(t, groups)));
                }
            }
        }
        return new Answer(question, levels, capacity);
    }

    /** "Question: which engine …?" on the first line of a sweep's comment: the question without its label. */
    static String questionOf(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String first = comment.strip().lines().findFirst().orElse("").strip();
        return first.regionMatches(true, 0, "Question:", 0, 9) ? first.substring(9).strip() : first;
    }

    private static Level level(List<PointGroup> groups) {
        // the best among points without a flag; a flagged one is listed, not judged
        List<PointGroup> trusted = groups.stream().filter(g -> !g.untrusted()).toList();
        PointGroup best = (trusted.isEmpty() ? groups : trusted).stream()
                .max(Comparator.comparingDouble(g -> g.rps().median())).orElseThrow();
        boolean paired = groups.stream().allMatch(g -> g.repetitions().stream().allMatch(r -> r.slices() != null));
        Basis basis = paired ? Basis.PAIRED
                : groups.stream().allMatch(g -> g.measuredRepetitions().size() >= Defaults.COMPARE_MIN_REPETITIONS) ? Basis.REPEATS
                : groups.stream().allMatch(g -> g.measuredRepetitions().size() == 1) ? Basis.ONE_REPETITION : Basis.REPEATS;
        List<Versus> others = new ArrayList<>();
        for (PointGroup g : groups) {
            if (g != best) {
                others.add(paired ? pairedVersus(best, g) : repeatsVersus(best, g));
            }
        }
        others.sort(Comparator.comparingDouble(Versus::ofBest).reversed());
        Level level = new Level(best.key().endpoint(), best.key().level().label(), label(best), best.rps().median(), basis,
                List.copyOf(others), null);
        // a flagged configuration served more: the unflagged ones' cheapest is no answer to "how should I run it"
        return level.flaggedAhead() ? level : new Level(level.endpoint(), level.load(), level.best(), level.bestRps(), basis,
                level.others(), recommend(best, groups, others));
    }

    private static Versus pairedVersus(PointGroup best, PointGroup other) {
        PairedTable.Comparison c = PairedTable.compare(new String[] {best.key().endpoint(), best.key().level().label()},
                best.key().configuration(), slicesByFork(best), other.key().configuration(), slicesByFork(other));
        String name = label(other);
        RatioInterval ratio = c.throughput();
        if (ratio == null) {
            return new Versus(name, other.rps().median(), other.rps().median() / best.rps().median(), null,
                    Outcome.CANNOT_TELL, name + ": no round paired");
        }
        if (other.untrusted() || best.untrusted()) {
            return new Versus(name, other.rps().median(), ratio.median(), null, Outcome.FLAGGED,
                    name + ": flagged, not judged (" + change(ratio.median()) + ")");
        }
        Difference d = Difference.of(ratio, Direction.HIGHER_IS_BETTER, Defaults.PAIRED_THRESHOLD);
        // one fork pair's interval speaks for two JVMs: it tests nothing about the configurations
        Double low = ratio.acrossForks() ? ratio.low() : null;
        return switch (d.outcome()) {
            case B_WORSE -> new Versus(name, other.rps().median(), ratio.median(), low, Outcome.SLOWER,
                    d.words(label(best), name).replace(" than " + label(best), ""));
            case B_BETTER -> new Versus(name, other.rps().median(), ratio.median(), low, Outcome.CANNOT_TELL,
                    d.words(label(best), name) + ", though its median RPS is lower (forks differ)");
            case NO_DIFFERENCE -> new Versus(name, other.rps().median(), ratio.median(), low, Outcome.SAME,
                    name + ": " + d.words(label(best), name));
            case CANNOT_TELL -> new Versus(name, other.rps().median(), ratio.median(), low, Outcome.CANNOT_TELL,
                    name + ": " + d.words(label(best), name));
        };
    }

    private static Versus repeatsVersus(PointGroup best, PointGroup other) {
        String name = label(other);
        double share = other.rps().median() / best.rps().median();
        Verdict.Judgement j = Verdict.judge(other.rps().median(), best.rps().median(), side(other), side(best),
                Defaults.COMPARE_THRESHOLD);
        String change = change(share);
        return switch (j.verdict()) {
            case SIGNIFICANT -> new Versus(name, other.rps().median(), share, null, Outcome.SLOWER,
                    name + " is " + change + " (" + j.text() + ")");
            case WITHIN_THRESHOLD -> new Versus(name, other.rps().median(), share, null, Outcome.CANNOT_TELL,
                    name + ": medians within " + Math.round(Defaults.COMPARE_THRESHOLD * 100) + " % (" + change + "), not tested");
            case NOT_ENOUGH_REPETITIONS -> new Versus(name, other.rps().median(), share, null, Outcome.CANNOT_TELL,
                    name + ": " + change + " in this run, " + j.text());
            // the same words as a flagged paired comparison: "name: flagged, not judged (x % slower)"
            case FLAGGED -> new Versus(name, other.rps().median(), share, null, Outcome.FLAGGED,
                    name + ": flagged, not judged (" + change + ")");
            case PROFILED_ONE_SIDE -> new Versus(name, other.rps().median(), share, null, Outcome.FLAGGED,
                    name + ": " + j.text() + " (" + change + ")");
            case ALL_REPETITIONS_APART, MAY_BE_NOISE -> new Versus(name, other.rps().median(), share, null, Outcome.CANNOT_TELL,
                    name + ": " + change + ", " + j.text());
        };
    }

    /** A share of the best as a change: "12 % slower", "2.5 % faster". */
    static String change(double share) {
        return share > 1 ? Units.percent(share - 1) + " faster" : Units.percent(1 - share) + " slower";
    }

    private static Verdict.Side side(PointGroup g) {
        return new Verdict.Side(g.measuredRepetitions().stream().map(r -> r.throughput().rps()).toList(),
                g.untrusted(), g.profiled());
    }

    private static Recommendation recommend(PointGroup best, List<PointGroup> groups, List<Versus> others) {
        Map<String, Versus> byName = new LinkedHashMap<>();
        others.forEach(v -> byName.put(v.configuration(), v));
        List<PointGroup> within = new ArrayList<>();
        for (PointGroup g : groups) {
            if (g.untrusted()) {
                continue;
            }
            Versus v = byName.get(label(g));
            if (g == best || v != null && v.outcome() != Outcome.FLAGGED
                    && (v.lowOfBest() != null ? v.lowOfBest() : v.ofBest()) >= 1 - WITHIN) {
                within.add(g);
            }
        }
        if (within.isEmpty()) {
            return null;
        }
        PointGroup cheapest = within.stream().min(CHEAPEST).orElseThrow();
        Versus v = byName.get(label(cheapest));
        Spread pss = cheapest.serverPssBytes();
        return new Recommendation(label(cheapest), cheapest.key().configuration().processes(), threads(cheapest), memory(cheapest),
                pss != null ? "PSS" : "RSS", cheapest == best,
                v != null && v.lowOfBest() != null ? null : "within 5 % by its median, not tested");
    }

    /** The cheapest configuration whose capacity at the SLO is within {@value #WITHIN} of the highest, untested. */
    private static Recommendation recommendAtSlo(OpenTable t, List<PointGroup> groups) {
        Double top = t.capacity().getFirst().capacityRps();
        if (top == null) {
            return null;
        }
        Map<String, PointGroup> byConfig = new LinkedHashMap<>();
        groups.stream().filter(g -> g.key().endpoint().equals(t.endpoint()))
                .forEach(g -> byConfig.putIfAbsent(label(g), g));
        List<PointGroup> within = new ArrayList<>();
        for (OpenTable.CapacityRow r : t.capacity()) {
            PointGroup g = byConfig.get(r.config());
            if (g != null && !r.flagged() && r.capacityRps() != null && r.capacityRps() >= (1 - WITHIN) * top) {
                within.add(g);
            }
        }
        if (within.isEmpty()) {
            return null;
        }
        PointGroup cheapest = within.stream().min(CHEAPEST).orElseThrow();
        boolean isBest = label(cheapest).equals(t.capacity().getFirst().config());
        return new Recommendation(label(cheapest), cheapest.key().configuration().processes(), threads(cheapest), memory(cheapest),
                cheapest.serverPssBytes() != null ? "PSS" : "RSS", isBest,
                "within 5 % by the highest rate step it held, not tested");
    }

    /**
     * The OS threads the server's processes held during the point, as sampled from {@code /proc}
     * (median over repetitions): pools, IO threads, carriers of virtual threads and the JVM's own, counted
     * alike whatever the engine's defaults; null when not recorded.
     */
    static Integer threads(PointGroup g) {
        List<Double> counts = g.measuredRepetitions().stream().filter(r -> r.resources() != null && r.resources().serverThreads() > 0)
                .map(r -> (double) r.resources().serverThreads()).toList();
        Spread s = Spread.of(counts);
        return s == null ? null : (int) Math.round(s.median());
    }

    private static Double memory(PointGroup g) {
        Spread pss = g.serverPssBytes();
        Spread rss = pss != null ? pss : g.serverRssBytes();
        return rss == null ? null : rss.median();
    }

    private static Map<Integer, List<Slice>> slicesByFork(PointGroup g) {
        Map<Integer, List<Slice>> forks = new TreeMap<>();
        g.repetitions().forEach(r -> forks.put(r.repetition(), r.slices()));
        return forks;
    }

    private static String label(PointGroup g) {
        return g.key().configuration().label();
    }
}
