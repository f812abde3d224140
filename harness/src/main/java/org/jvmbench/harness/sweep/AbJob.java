package org.jvmbench.harness.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jvmbench.harness.config.ExitCode;
import org.jvmbench.harness.plan.DurationText;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Planner;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.report.PairedTable;
import org.jvmbench.harness.report.SweepResults;

/**
 * What {@code ./bench ab} does: two builds of a user's app (or the two configurations of a sweep
 * file) measured with the paired design, and one verdict line per endpoint and load with the
 * throughput ratio B/A and its interval. The exit code is the gate a CI job calls: {@link
 * ExitCode#SLOWER} when B's whole interval lies beyond the threshold on the slower side, 0
 * otherwise (a faster B, no difference, or a run that cannot tell: a gate fails only on evidence).
 */
public final class AbJob {

    /**
     * The comparison's settings beside the two sides.
     *
     * @param engine    the web server both jars run on, which says how their knobs map (jar form)
     * @param endpoint  the request path both jars serve (jar form)
     * @param users     closed-model users (jar form)
     * @param rounds    rounds per point, null for the default (jar form)
     * @param slice     one arm's turn, null for the default (jar form)
     * @param forks     fresh JVMs of each side, paired fork by fork (jar form)
     * @param warmup    the warm-up's cap, null for the default (jar form)
     * @param readiness the path answering 200 once a jar is up, null for Actuator's health (jar form)
     * @param seed      the rounds' order, null to draw one (jar form)
     * @param threshold how much slower B may be before the gate fails
     * @param out       the run folder, null for a new one under {@code reports/}
     */
    public record Options(String engine, String endpoint, int users, Integer rounds, Duration slice, int forks, Duration warmup,
                          String readiness, Long seed, double threshold, Path out) {

        public Options {
            if (!(threshold >= 0 && threshold < 1)) {
                throw new IllegalArgumentException("--threshold must be a share from 0 to below 1 (0.03 = 3 %), got " + threshold);
            }
            if (users < 1) {
                throw new IllegalArgumentException("--users must be at least 1, got " + users);
            }
            if (forks < 1) {
                throw new IllegalArgumentException("--forks must be at least 1, got " + forks);
            }
            if (endpoint == null || !endpoint.startsWith("/")) {
                throw new IllegalArgumentException("--endpoint must be a path starting with '/', got " + endpoint);
            }
        }

        /** {@code Options} to fill in by name: a component not set stays null, false or 0. */
        public static Builder builder() {
            return new Builder();
        }

        /** {@code Options} built by name; {@link #build} holds it to the record's own rules. */
        public static final class Builder {
            private String engine;
            private String endpoint;
            private int users;
            private Integer rounds;
            private Duration slice;
            private int forks;
            private Duration warmup;
            private String readiness;
            private Long seed;
            private double threshold;
            private Path out;

            private Builder() {
            }

            public Builder engine(String value) {
                engine = value;
                return this;
            }

            public Builder endpoint(String value) {
                endpoint = value;
                return this;
            }

            public Builder users(int value) {
                users = value;
                return this;
            }

            public Builder rounds(Integer value) {
                rounds = value;
                return this;
            }

            public Builder slice(Duration value) {
                slice = value;
                return this;
            }

            public Builder forks(int value) {
                forks = value;
                return this;
            }

            public Builder warmup(Duration value) {
                warmup = value;
                return this;
            }

            public Builder readiness(String value) {
                readiness = value;
                return this;
            }

            public Builder seed(Long value) {
                seed = value;
                return this;
            }

            public Builder threshold(double value) {
                threshold = value;
                return this;
            }

            public Builder out(Path value) {
                out = value;
                return this;
            }

            public Options build() {
                return new Options(engine, endpoint, users, rounds, slice, forks, warmup, readiness, seed, threshold,
                        out);
            }
        }
    }

    private final SweepJob sweeps;
    private final PrintWriter out;

    private AbJob(SweepJob sweeps, PrintWriter out) {
        this.sweeps = sweeps;
        this.out = out;
    }

    public static AbJob create(PrintWriter out) {
        return new AbJob(SweepJob.create(out), out);
    }

    /** A against B, two Spring Boot jars, named A and B in the run whatever their files are called. */
    public int jars(Path a, Path b, Options options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-ab");
        try {
            // the configurations are named by their jars' file names: A and B, even for the same jar twice (an A/A run)
            Files.createSymbolicLink(dir.resolve("A.jar"), requireJar(a).toAbsolutePath());
            Files.createSymbolicLink(dir.resolve("B.jar"), requireJar(b).toAbsolutePath());
            Path file = dir.resolve("ab.yaml");
            Files.writeString(file, sweepText(dir.resolve("A.jar"), dir.resolve("B.jar"), options));
            return verdict(sweeps.run(Plan.of(seed(SweepReader.read(file, SweepJob.machineCpus()), options)), options.out()), options);
        } finally {
            for (String name : List.of("A.jar", "B.jar", "ab.yaml")) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The two configurations of a sweep file, the first as A, always paired. */
    public int file(String sweepName, Options options) throws IOException, InterruptedException {
        Path file = Planner.sweepFile(sweeps.home().sweeps(), sweepName);
        Plan plan = Planner.plan(file, org.jvmbench.harness.plan.Overrides.NONE, SweepJob.machineCpus());
        if (!plan.sweep().inRounds()) {
            throw new IllegalArgumentException(file + ": ab compares with the paired design: add 'design: paired' to the file");
        }
        long configurations = plan.forks().stream().map(f -> f.configurationId()).distinct().count();
        if (configurations != 2) {
            throw new IllegalArgumentException(file + ": ab compares two configurations (A and B), the file has " + configurations);
        }
        return verdict(sweeps.run(plan, options.out()), options);
    }

    /** One line per endpoint and load, and the gate's exit code. */
    private int verdict(SweepJob.Finished finished, Options options) throws IOException {
        if (finished.exitCode() != ExitCode.OK.code()) {
            return finished.exitCode();
        }
        PairedTable table = PairedTable.of(SweepResults.load(finished.folder().root()));
        boolean slower = false;
        for (String line : lines(table, options.threshold())) {
            out.println(line);
        }
        for (PairedTable.Comparison c : table.rows()) {
            slower |= c.throughputDifference() != null && c.throughputDifference().beyond(options.threshold());
        }
        if (table.isEmpty()) {
            out.println("ab: no round measured both sides: no verdict (see the report)");
        }
        out.flush();
        return slower ? ExitCode.SLOWER.code() : ExitCode.OK.code();
    }

    /**
     * {@code ab /json c64: B is 4.1 % slower than A (95 % CI 2.0–6.3 %); ratio 0.959 (0.937–0.980) over 5 forks × 12 rounds
     * (detects 3.1 %): SLOWER beyond 3 %}: the smallest difference the run could detect, when it spans forks.
     */
    static List<String> lines(PairedTable table, double threshold) {
        List<String> lines = new ArrayList<>();
        for (PairedTable.Comparison c : table.rows()) {
            if (c.throughput() == null) {
                lines.add("ab " + c.endpoint() + " " + c.load() + ": no paired round");
                continue;
            }
            boolean slower = c.throughputDifference().beyond(threshold);
            double detectable = c.throughput().detectable();
            lines.add(String.format(Locale.ROOT, "ab %s %s: %s; ratio %.3f (%.3f–%.3f) over %d forks × %d rounds%s%s", c.endpoint(),
                    c.load(), c.throughputWords(), c.throughput().median(), c.throughput().low(), c.throughput().high(),
                    c.throughput().forkPairs(), c.throughput().rounds() / c.throughput().forkPairs(),
                    Double.isNaN(detectable) ? "" : String.format(Locale.ROOT, " (detects %.1f %%)", detectable * 100),
                    slower ? ": SLOWER beyond " + percent(threshold) : ""));
        }
        return lines;
    }

    /** The sweep the jar form runs: both jars, the same closed load, paired. */
    static String sweepText(Path a, Path b, Options o) {
        StringBuilder s = new StringBuilder();
        s.append("# Question: is B slower than A? (./bench ab)\n");
        s.append("name: ab\n");
        s.append("design: paired\n");
        List<String> paired = new ArrayList<>();
        if (o.rounds() != null) {
            paired.add("rounds: " + o.rounds());
        }
        if (o.slice() != null) {
            paired.add("slice: " + DurationText.format(o.slice()));
        }
        if (o.seed() != null) {
            paired.add("seed: " + o.seed());
        }
        if (!paired.isEmpty()) {
            s.append("paired: {").append(String.join(", ", paired)).append("}\n");
        }
        s.append("repeat: ").append(o.forks()).append('\n');
        if (o.warmup() != null) {
            s.append("warmup: ").append(DurationText.format(o.warmup())).append('\n');
        }
        s.append("load: {endpoints: [\"").append(o.endpoint().replace("\"", "\\\"")).append("\"], concurrency: [")
                .append(o.users()).append("]}\n");
        s.append("servers:\n");
        for (Path jar : List.of(a, b)) {
            s.append("  - jar: \"").append(jar.toString().replace("\"", "\\\"")).append("\"\n");
            s.append("    engine: ").append(o.engine()).append('\n');
            if (o.readiness() != null) {
                s.append("    readiness: \"").append(o.readiness().replace("\"", "\\\"")).append("\"\n");
            }
        }
        return s.toString();
    }

    private static org.jvmbench.harness.plan.Sweep seed(org.jvmbench.harness.plan.Sweep sweep, Options options) {
        return options.seed() != null ? sweep : sweep.withPairedSeed(new java.security.SecureRandom().nextLong());
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is not a file: ab takes two Spring Boot jars, or one sweep file");
        }
        return jar;
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + " %";
    }
}
