package org.jvmbench.harness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.config.ProjectHome;

/**
 * The container cost docs/docker-compose.md and the README's headline table state is computed again from the committed compose-vs-serve run
 * (docs/proof/compose-vs-serve): each way's median over its rounds and the per-round ratios'
 * median and range, as docker/compose-vs-serve-summary.sh computes them. Fails when the README
 * or the run's own summary says other figures.
 */
class ComposeProofTest {

    private static final Path RUN = ProjectHome.locate().root().resolve("docs/proof/compose-vs-serve");
    private static final Pattern LINE = Pattern.compile(
            "^round (\\d+) order \\d+ (\\w+): \\[ClosedLoadSimulation] recorded .* = ([0-9.]+) req/s .*$");

    @Test
    void theDocsQuoteTheContainersCostAsTheCommittedRunHoldsIt() throws IOException {
        Map<String, Map<Integer, Double>> byWay = new TreeMap<>();
        for (String line : Files.readAllLines(RUN.resolve("results.txt"), StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("a slice's summary line: %s", line).isTrue();
            byWay.computeIfAbsent(m.group(2), w -> new TreeMap<>()).put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(3)));
        }
        assertThat(byWay).containsOnlyKeys("compose", "published", "serve");
        String readme = Files.readString(ProjectHome.locate().root().resolve("docs/docker-compose.md"), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");
        String headline = Files.readString(ProjectHome.locate().root().resolve("README.md"), StandardCharsets.UTF_8);
        String summary = Files.readString(RUN.resolve("summary.txt"), StandardCharsets.UTF_8);
        int rounds = byWay.get("serve").size();
        for (String way : List.of("compose", "published", "serve")) {
            assertThat(byWay.get(way)).hasSize(rounds);
            String median = whole(median(new ArrayList<>(byWay.get(way).values())));
            assertThat(readme).as("README quotes %s's median", way).contains(way + " " + median + " rps");
            assertThat(summary).containsPattern(way + " +" + median.replace(",", "") + " req/s");
        }
        for (String way : List.of("compose", "published")) {
            List<Double> ratios = new ArrayList<>();
            byWay.get(way).forEach((round, rps) -> ratios.add(rps / byWay.get("serve").get(round)));
            List<Double> sorted = ratios.stream().sorted().toList();
            int below = (int) ratios.stream().filter(r -> r < 1).count();
            String quoted = String.format(Locale.ROOT, "%s/serve %.3f (%.3f–%.3f over %d rounds; below serve in %d of them, "
                    + "sign test p = %s)", way, median(ratios), sorted.getFirst(), sorted.getLast(), rounds, below,
                    pValue(signTest(below, rounds)));
            assertThat(readme).as("docs/docker-compose.md quotes %s against serve", way).contains(quoted);
            if (way.equals("published")) {
                assertThat(headline).as("the README's headline table").contains(String.format(Locale.ROOT,
                        "published/serve %.3f (%.3f–%.3f over %d rounds)", median(ratios), sorted.getFirst(), sorted.getLast(), rounds));
            }
            assertThat(summary).contains(String.format(Locale.ROOT, "%.3f", median(ratios)));
        }
        List<Double> compose = new ArrayList<>();
        byWay.get("compose").forEach((round, rps) -> compose.add(rps / byWay.get("serve").get(round)));
        List<Double> published = new ArrayList<>();
        byWay.get("published").forEach((round, rps) -> published.add(rps / byWay.get("serve").get(round)));
        assertThat(readme).contains("the published port costs about " + percent(1 - median(published)) + " of this point's")
                .contains("the cost's median is " + percent(1 - median(compose)) + ", but the rounds swung from −"
                        + percent(1 - compose.stream().min(Double::compare).orElseThrow()) + " to +"
                        + percent(compose.stream().max(Double::compare).orElseThrow() - 1));
    }

    /** Two-sided exact sign test: how likely k or fewer (or as many more) of n rounds fall below by chance. */
    static double signTest(int k, int n) {
        int tail = Math.min(k, n - k);
        double p = 0;
        for (int i = 0; i <= tail; i++) {
            p += binomial(n, i) / Math.pow(2, n);
        }
        return Math.min(1, 2 * p);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Two significant figures below 0.1, two decimals above: 0.008, 0.29. */
    private static String pValue(double p) {
        return p < 0.1 ? new java.math.BigDecimal(p).round(new java.math.MathContext(1)).toPlainString()
                : String.format(Locale.ROOT, "%.2f", p);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
