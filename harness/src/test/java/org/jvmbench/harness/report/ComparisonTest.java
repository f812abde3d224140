package org.jvmbench.harness.report;

import org.jvmbench.harness.settings.ProfileMode;
import java.util.Map;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.settings.Tuning;
import org.jvmbench.harness.settings.Knob;
import org.jvmbench.harness.result.KeyField;
import org.jvmbench.harness.result.PointKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    private static Comparison compare(Comparison.Options options, Path... dirs) throws IOException {
        List<SweepResults> runs = new java.util.ArrayList<>();
        for (Path dir : dirs) {
            runs.add(SweepResults.load(dir));
        }
        return Comparison.of(runs, options);
    }

    private static Comparison.ComparedPoint point(Comparison c, String endpoint, String settings) {
        return c.endpoints().stream().filter(e -> e.endpoint().equals(endpoint))
                .flatMap(e -> e.points().stream()).filter(p -> p.settings().equals(settings))
                .findFirst().orElseThrow(() -> new AssertionError("no compared point " + endpoint + " " + settings));
    }

    @Test
    void changeWhoseFiveRepetitionsASideDoNotOverlapIsSignificant() throws IOException {
        Comparison c = compare(Comparison.Options.defaults(), FixtureSweeps.BEFORE, FixtureSweeps.AFTER);

        Comparison.Change change = point(c, "/hello", "servlet platform w2 t64 c64").cells().get(1).rpsChange();

        // 15,000 (14,900–15,200) -> 16,600 (16,500–16,800), five runs each
        assertThat(change.ratio()).isCloseTo(16_600.0 / 15_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.verdict()).isEqualTo(Verdict.SIGNIFICANT);
        assertThat(change.pValue()).isCloseTo(2.0 / 252, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.better()).isTrue();
    }

    @Test
    void changeAboveThresholdWhoseRepetitionsOverlapMayBeNoiseAndIsNotCalledBetter() throws IOException {
        Comparison c = compare(Comparison.Options.defaults(), FixtureSweeps.BEFORE, FixtureSweeps.AFTER);

        Comparison.Change change = point(c, "/hello", "reactive event-loop w2 c64").cells().get(1).rpsChange();

        // 20,000 (19,800–20,400) -> 21,200 (19,500–22,800): +6 %, but the runs overlap
        assertThat(change.ratio()).isGreaterThan(1.05);
        assertThat(change.verdict()).isEqualTo(Verdict.MAY_BE_NOISE);
        assertThat(change.better()).isNull();
        assertThat(change.text()).startsWith("may be noise, p = ");
    }

    @Test
    void flaggedSideIsShownWithItsFlagsAndNotJudged() throws IOException {
        Comparison c = compare(Comparison.Options.defaults(), FixtureSweeps.BEFORE, FixtureSweeps.AFTER);

        Comparison.Cell after = point(c, "/hello", "servlet platform w2 t32 c64").cells().get(1);

        assertThat(after.flags()).containsExactly("ERRORS");
        assertThat(after.flagged()).isTrue();
        assertThat(after.rpsChange().ratio()).isGreaterThan(1.1);
        assertThat(after.rpsChange().verdict()).isEqualTo(Verdict.FLAGGED);
        assertThat(after.rpsChange().better()).isNull();
    }

    @Test
    void profiledSideIsNotJudgedAgainstAnUnprofiledOneAndTheNoteSaysSo(@TempDir Path tmp) throws IOException {
        PointKey k = SweepFixture.key("servlet", 1, 8, false, 1, "/json", 64);
        SweepFixture plain = SweepFixture.named("plain", 3).durationSeconds(10).repeat(3).withoutRunFiles();
        SweepFixture profiled = SweepFixture.named("profiled", 4).durationSeconds(10).repeat(3).withoutRunFiles()
                .profiled(ProfileMode.CPU);
        for (int r = 1; r <= 3; r++) {
            plain.run(k, r, 10_000 + r * 20);
            profiled.run(k, r, 8_000 + r * 20);
        }
        Comparison c = compare(Comparison.Options.defaults(), plain.writeTo(tmp.resolve("a")), profiled.writeTo(tmp.resolve("b")));

        Comparison.Cell b = c.complete().getFirst().cells().get(1);
        assertThat(b.profiled()).isTrue();
        assertThat(b.flagged()).as("PROFILED alone does not make a side untrusted").isFalse();
        assertThat(b.flags()).containsExactly("PROFILED");
        assertThat(b.rpsChange().verdict()).isEqualTo(Verdict.PROFILED_ONE_SIDE);
        assertThat(b.rpsChange().better()).isNull();
        assertThat(ComparisonMarkdown.methodNote(c)).contains("Profiled sides (B) ran with a profiler attached");
    }

    @Test
    void threeRepetitionsASideAllApartAreInconclusiveAndCallNeitherSideBetter(@TempDir Path tmp) throws IOException {
        PointKey k = SweepFixture.key("servlet", 1, 8, false, 1, "/json", 64);
        SweepFixture before = SweepFixture.named("before", 3).durationSeconds(10).repeat(3).withoutRunFiles();
        SweepFixture after = SweepFixture.named("after", 4).durationSeconds(10).repeat(3).withoutRunFiles();
        for (int r = 1; r <= 3; r++) {
            before.run(k, r, 10_000 + r * 20);
            after.run(k, r, 11_000 + r * 20);
        }
        Comparison c = compare(Comparison.Options.defaults(), before.writeTo(tmp.resolve("a")), after.writeTo(tmp.resolve("b")));

        // +10 %, every run of B above every run of A: exact p = 2 / C(6, 3) = 0.10, the least 3 vs 3 allow
        Comparison.Change change = c.complete().getFirst().cells().get(1).rpsChange();
        assertThat(change.verdict()).isEqualTo(Verdict.ALL_REPETITIONS_APART);
        assertThat(change.pValue()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.better()).as("no winner at p = 0.10").isNull();
        assertThat(change.text()).isEqualTo("inconclusive: all repetitions apart, p = 0.10, the least 3 vs 3 repetitions allow");
        assertThat(new ComparisonMarkdown().render(c)).contains("+10.0 % (inconclusive: all repetitions apart, p = 0.10, the least 3 vs 3 repetitions allow)");
    }

    @Test
    void labelsLeaveOutEngineAotCacheAndTuningWhenTheyAreIgnored() {
        PointKey undertowAot = PointKey.of(new ConfigurationKey("servlet", null, null, 1, 8, false, 1,
                Tuning.of(Knob.BUFFER_POOL, "uncached"), true, null), "/json", 64);
        PointKey tomcat = PointKey.of(new ConfigurationKey("servlet", "tomcat", null, 1, 8, false, 1,
                Tuning.of(Map.of(Knob.MIN_THREADS, 10, Knob.MAX_CONNECTIONS, 2000)), false, null), "/json", 64);

        Set<KeyField> ignore = Set.of(KeyField.ENGINE, KeyField.AOT_CACHE, KeyField.TUNING);

        assertThat(Comparison.settings(undertowAot, ignore)).isEqualTo("servlet platform w1 t8 c64");
        assertThat(Comparison.settings(tomcat, ignore)).isEqualTo("servlet platform w1 t8 c64");
        assertThat(Comparison.matchKey(undertowAot, ignore)).isEqualTo(Comparison.matchKey(tomcat, ignore));
        assertThat(tomcat.label()).isEqualTo("servlet tomcat platform w1 t8 min10 mc2000 c64");
        assertThat(undertowAot.label()).isEqualTo("servlet platform w1 t8 bp:uncached +aot c64");
    }

    @Test
    void changeUnderThresholdIsNoChangeWhateverTheSpread() throws IOException {
        Comparison c = compare(Comparison.Options.defaults(), FixtureSweeps.BEFORE, FixtureSweeps.AFTER);

        Comparison.Change change = point(c, "/io?ms=10", "servlet platform w2 t64 c64").cells().get(1).rpsChange();

        assertThat(change.verdict()).isEqualTo(Verdict.WITHIN_THRESHOLD);
        assertThat(change.better()).isNull();
    }

    @Test
    void pointsOnOneSideOnlyAreListedNotDropped() throws IOException {
        Comparison c = compare(Comparison.Options.defaults(), FixtureSweeps.BEFORE, FixtureSweeps.AFTER);

        assertThat(c.partial()).extracting(Comparison.Partial::settings, Comparison.Partial::in,
                        Comparison.Partial::missingFrom)
                .containsExactly(
                        tuple("servlet platform w2 t16 c64", List.of("A"), List.of("B")),
                        tuple("reactive event-loop w4 c64", List.of("B"), List.of("A")));
        assertThat(c.complete()).hasSize(4);
    }

    @Test
    void platformAndVirtualRunsMatchOnlyWhenVirtualThreadsIsIgnored() throws IOException {
        Comparison strict = compare(Comparison.Options.defaults(), FixtureSweeps.BEFORE, FixtureSweeps.VIRTUAL);
        Comparison ignoring = compare(Comparison.Options.defaults().ignoring(List.of("virtualThreads")),
                FixtureSweeps.BEFORE, FixtureSweeps.VIRTUAL);

        assertThat(strict.endpoints()).isEmpty();
        assertThat(strict.partial()).hasSize(7);
        assertThat(ignoring.ignored()).containsExactly("virtualThreads");
        Comparison.ComparedPoint hello = point(ignoring, "/hello", "servlet w2 t64 c64");
        assertThat(hello.cells()).extracting(Comparison.Cell::label)
                .containsExactly("servlet platform w2 t64 c64", "servlet virtual w2 t64 c64");
        // 15,000 over three runs -> 14,200 in one run: -5.3 %, and one run has no spread to judge by
        assertThat(hello.cells().get(1).rpsChange().verdict()).isEqualTo(Verdict.NOT_ENOUGH_REPETITIONS);
        assertThat(hello.cells().get(1).rpsChange().better()).as("not judged").isNull();
    }

    @Test
    void ignoringFieldsThatMergeTwoPointsOfOneFolderComparesNeitherAndSaysWhy() throws IOException {
        Comparison c = compare(Comparison.Options.defaults().ignoring(List.of("virtualThreads", "threads")),
                FixtureSweeps.THREADS_IO, FixtureSweeps.THREADS_IO);

        assertThat(c.notes()).anySatisfy(n -> assertThat(n)
                .contains("/hello servlet w2 c16", "A has 3 points that match", "servlet-p1-w2-t16-hello-c16",
                        "servlet-vt-p1-w2-tdef-hello-c16", "ignore fewer key fields"));
        assertThat(c.complete()).extracting(Comparison.ComparedPoint::settings)
                .doesNotContain("servlet w2 c16")
                .contains("servlet w2 ×2 proc c16", "reactive w1 c128");
    }

    @Test
    void comparingAFolderWithItselfFindsNoChangeAndJudgesNoFlaggedPoint() throws IOException {
        Comparison c = compare(Comparison.Options.defaults(), FixtureSweeps.THREADS_IO, FixtureSweeps.THREADS_IO);

        assertThat(c.complete()).hasSize(24).allSatisfy(p -> {
            Comparison.Cell b = p.cells().get(1);
            assertThat(List.of(b.rpsChange(), b.p99Change(), b.cpuChange(), b.rssChange()))
                    .extracting(Comparison.Change::verdict)
                    .containsOnly(b.flagged() ? Verdict.FLAGGED : Verdict.WITHIN_THRESHOLD);
        });
        assertThat(c.complete()).filteredOn(p -> p.cells().get(1).flagged()).hasSize(2);
        assertThat(c.partial()).isEmpty();
    }

    @Test
    void threeFoldersAreEachComparedWithTheFirst() throws IOException {
        Comparison c = compare(Comparison.Options.defaults().ignoring(List.of("virtualThreads")),
                FixtureSweeps.BEFORE, FixtureSweeps.AFTER, FixtureSweeps.VIRTUAL);

        assertThat(c.sides()).extracting(Comparison.Side::label).containsExactly("A", "B", "C");
        Comparison.ComparedPoint t64 = point(c, "/hello", "servlet w2 t64 c64");
        assertThat(t64.cells()).allSatisfy(cell -> assertThat(cell).isNotNull());
        assertThat(t64.cells().get(0).rpsChange()).isNull();
        assertThat(t64.cells().get(2).rpsChange().verdict()).isEqualTo(Verdict.NOT_ENOUGH_REPETITIONS);
        Comparison.ComparedPoint reactive = point(c, "/hello", "reactive w2 c64");
        assertThat(reactive.cells().get(2)).as("C has no reactive point").isNull();
        assertThat(c.partial()).extracting(Comparison.Partial::settings, Comparison.Partial::missingFrom)
                .contains(tuple("reactive w2 c64", List.of("C")));
    }

    @Test
    void writesMarkdownAndHtmlIntoANewFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("compare/before-after");

        List<Path> written = Comparison.write(List.of(FixtureSweeps.BEFORE, FixtureSweeps.AFTER), out);

        assertThat(written).containsExactly(out.resolve("compare.md"), out.resolve("compare.html"));
        assertThat(out.resolve("compare.html")).content().contains("<script type=\"application/json\" id=\"report-data\">");
        GoldenFile.assertMatches(out.resolve("compare.md"), "compare/before-after.md");
    }

    @Test
    void platformVsVirtualMarkdownMatchesGolden(@TempDir Path tmp) throws IOException {
        Comparison.write(List.of(FixtureSweeps.BEFORE, FixtureSweeps.VIRTUAL), tmp,
                Comparison.Options.defaults().ignoring(List.of("virtualThreads")));

        GoldenFile.assertMatches(tmp.resolve("compare.md"), "compare/platform-virtual.md");
    }

    @Test
    void needsTwoFoldersAndKnownFieldNames() {
        assertThatThrownBy(() -> Comparison.write(List.of(FixtureSweeps.BEFORE), Path.of("unused")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
        assertThatThrownBy(() -> Comparison.Options.defaults().ignoring(List.of("virtual")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key field 'virtual'").hasMessageContaining("virtualThreads");
        assertThat(Comparison.Options.defaults().ignoring(List.of("virtual-threads", "THREADS")).ignore())
                .isEqualTo(Set.of(KeyField.VIRTUAL_THREADS, KeyField.THREADS));
    }
}
