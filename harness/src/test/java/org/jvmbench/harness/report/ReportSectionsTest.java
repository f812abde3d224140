package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jvmbench.harness.report.SweepFixture.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Json;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResultsLog;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.harness.result.Series;
import org.jvmbench.harness.result.Throughput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sections that sit beside the tables, from the committed fixtures. */
class ReportSectionsTest {

    @Test
    void startAndWarmUpAreTabledPerConfigurationWithTheSlowestAndTheSumOfSeveralProcesses() throws IOException {
        StartAndWarmUp s = StartAndWarmUp.of(SweepResults.load(FixtureSweeps.THREADS_IO));

        assertThat(s.configurations()).extracting(StartAndWarmUp.ConfigurationStart::config).containsExactly(
                "servlet platform w2 t16", "servlet platform w2 t64", "servlet platform w2 t64 ×2 proc",
                "servlet virtual w2", "reactive event-loop w1", "reactive event-loop w2");
        StartAndWarmUp.ConfigurationStart two = s.configurations().get(2);
        assertThat(two.forks()).isEqualTo(3);
        assertThat(two.firstAnswerSecondsSum().median()).isGreaterThan(two.firstAnswerSeconds().median());
        assertThat(two.endpoints()).extracting(StartAndWarmUp.EndpointWarmUp::endpoint).containsExactly("/hello", "/io?ms=10");
        assertThat(two.timeToPeakSeconds().median()).isEqualTo(two.endpoints().getFirst().figures().sinceStartSeconds().median());
        assertThat(s.traces()).as("threads-io keeps no warm-up seconds").isEmpty();
    }

    @Test
    void warmUpSeriesBecomeThroughputSinceTheJvmStartedOneTracePerForkAndEndpoint() throws IOException {
        StartAndWarmUp s = StartAndWarmUp.of(SweepResults.load(FixtureSweeps.QUICK));

        assertThat(s.traces()).hasSize(8).allSatisfy(t -> {
            assertThat(t.sinceStart()).isTrue();
            assertThat(t.seconds()).hasSameSizeAs(t.rps()).isSorted();
        });
        StartAndWarmUp.WarmUpTrace capped = s.traces().stream()
                .filter(t -> t.config().equals("servlet platform w1 t64") && t.endpoint().equals("/json")).findFirst().orElseThrow();
        // the warm-up ran from its start after the first answer to its end, 240 s later
        assertThat(capped.seconds().getFirst()).isGreaterThan(2.4);
        assertThat(capped.seconds().getLast()).isCloseTo(243, within(2.0));
    }

    @Test
    void machineShowsTheCalibrationDriftAndWhatOthersTookOnEachCpuSet() throws IOException {
        MachineSummary m = MachineSummary.of(SweepResults.load(FixtureSweeps.QUICK));

        assertThat(m.calibrations()).extracting(MachineSummary.Calibration::when, MachineSummary.Calibration::opsPerSecond)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("start", 41_310.0), org.assertj.core.groups.Tuple.tuple("end", 39_870.0));
        assertThat(m.drift()).isCloseTo(39_870.0 / 41_310 - 1, within(1e-9));
        assertThat(m.cpuSets()).extracting(MachineSummary.CpuSetLoad::name)
                .containsExactly("server's CPUs (0)", "injector's CPUs (1)");
        assertThat(m.cpuSets().getFirst().stealCores().max()).isEqualTo(0.081);
        assertThat(m.flaggedRepetitions()).isEqualTo(1);
    }

    @Test
    void aCalibrationOnTheServersHostIsReportedAsThatHostsNotAsThisMachines(@TempDir Path tmp) throws IOException {
        SweepFixture onHosts = SweepFixture.named("hosts", 7).run(key("servlet", 1, 16, false, 1, "/json", 64), 1, 10_000)
                .environment("calibration", java.util.Map.of(
                        "start", new org.jvmbench.harness.environment.Calibration.Figure(20_100, 0.01, "2-3", "bench@10.0.0.2:22",
                                org.jvmbench.harness.environment.Calibration.WORKLOAD)));

        SweepResults run = SweepResults.load(onHosts.writeTo(tmp.resolve("hosts")));

        assertThat(MachineSummary.of(run).calibrationHost()).isEqualTo("bench@10.0.0.2:22");
        assertThat(new MarkdownSummary().render(run)).contains("Calibration on bench@10.0.0.2:22, CPUs 2-3: start 20,100 ops/s");
    }

    @Test
    void aCalibrationOnThisMachineNamesOnlyItsCpusAsBefore(@TempDir Path tmp) throws IOException {
        SweepFixture here = SweepFixture.named("here", 7).run(key("servlet", 1, 16, false, 1, "/json", 64), 1, 10_000)
                .environment("calibration", java.util.Map.of(
                        "start", new org.jvmbench.harness.environment.Calibration.Figure(20_100, 0.01, null, "bench-1",
                                org.jvmbench.harness.environment.Calibration.WORKLOAD)));

        SweepResults run = SweepResults.load(here.writeTo(tmp.resolve("here")));

        assertThat(MachineSummary.of(run).calibrationHost()).as("bench-1 is the machine environment.json describes").isNull();
        assertThat(new MarkdownSummary().render(run)).contains("Calibration: start 20,100 ops/s");
    }

    @Test
    void resultsWithoutEvidenceSayTheirStartWasNotRecordedAndJudgeTheWholeMachine() throws IOException {
        SweepResults run = SweepResults.load(FixtureSweeps.INTERRUPTED);

        assertThat(StartAndWarmUp.of(run).recorded()).isFalse();
        MachineSummary m = MachineSummary.of(run);
        assertThat(m.calibrations()).isEmpty();
        assertThat(m.cpuSets()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("whole machine");
            assertThat(c.stealCores()).isNull();
        });
    }

    @Test
    void rowsCarryTheWorstRepetitionsSteadinessTheirWarmUpAndTheCvAcrossRepetitions() throws IOException {
        Row row = EndpointTable.of(SweepResults.load(FixtureSweeps.THREADS_IO).groups()).getFirst().rows().stream()
                .filter(r -> r.id().equals("servlet-p1-w2-t16-hello-c128")).findFirst().orElseThrow();

        assertThat(row.rpsCv()).isCloseTo(0.005, within(0.0005));
        assertThat(row.stability().repetitions()).isEqualTo(3);
        assertThat(row.stability().text()).isEqualTo("CV 2.1 % · trend +0.9 % · JIT 39 ms");
        assertThat(row.warmUp().forks()).isEqualTo(3);
        assertThat(row.warmUp().allSettled()).isTrue();
        assertThat(row.memory().hasFootprint()).isTrue();
    }

    @Test
    void coefficientOfVariationAcrossRepetitionsUsesTheSampleStandardDeviation() {
        assertThat(PointGroup.coefficientOfVariation(List.of(90.0, 100.0, 110.0))).isCloseTo(0.1, within(1e-12));
        assertThat(PointGroup.coefficientOfVariation(List.of(100.0))).as("one run: unknown").isNull();
    }

    @Test
    void seriesWrittenBeforeAlignmentLoseTheirPartialLastSecondAndSaySo() {
        Series old = new Series(null, List.of(9_000.0, 9_100.0, 450.0), List.of(0.9, 0.9), List.of(1L, 1L),
                List.of(0.2, 0.2), List.of(0.0, 0.0));
        Series aligned = new Series(1_700_000_000L, List.of(9_000.0, 9_100.0), List.of(0.9, 0.9), List.of(1L, 1L),
                List.of(0.2, 0.2), List.of(0.0, 0.0));

        assertThat(HtmlReport.SeriesView.of(old).rps()).containsExactly(9_000.0, 9_100.0);
        assertThat(HtmlReport.SeriesView.of(old).note()).contains("partial second is left out");
        assertThat(HtmlReport.SeriesView.of(aligned).rps()).containsExactly(9_000.0, 9_100.0);
        assertThat(HtmlReport.SeriesView.of(aligned).note()).isNull();
    }

    @Test
    void openPointsHaveTablesOfTheirOwnWithIntendedLatencyMergedOverRepetitions() throws IOException {
        SweepResults run = SweepResults.load(FixtureSweeps.SLO);
        List<EndpointTable> closed = EndpointTable.of(run.groups(), 1);
        List<OpenTable> open = OpenTable.of(run.groups(), 1 + EndpointTable.notesIn(closed), run.sweep().slo());

        assertThat(closed.getFirst().rows()).hasSize(4).allSatisfy(r -> assertThat(r.load()).isEqualTo("c64"));
        OpenTable t = open.getFirst();
        assertThat(t.slo()).isEqualTo("p99 ≤ 50ms");
        assertThat(t.rows()).hasSize(20).allSatisfy(r -> {
            assertThat(r.intended().method()).isEqualTo(LatencyFigures.Method.MERGED_HISTOGRAMS);
            assertThat(r.intended().figures().p99Micros()).isGreaterThanOrEqualTo(r.service().figures().p50Micros());
            assertThat(r.sloMicros()).isEqualTo(r.intended().figures().p99Micros());
        });
        assertThat(t.footnotes()).singleElement().satisfies(n -> assertThat(n.reasons().getFirst()).startsWith("repetition 2: INJECTOR_LATE"));
        assertThat(t.closedVsOpen()).hasSize(4).allSatisfy(g -> {
            assertThat(g.closedLoad()).isEqualTo("c64");
            assertThat(g.intendedP99Micros()).isGreaterThan(g.serviceP99Micros());
        });
        assertThat(t.capacity()).extracting(OpenTable.CapacityRow::config).containsExactly("servlet platform w1 t64",
                "reactive event-loop w1", "servlet virtual w1", "servlet platform w1 t8");
        assertThat(t.capacity().getFirst().ofBest()).isEqualTo(1.0);
    }

    @Test
    void aConfigurationWhoseServerHungKeepsItsOpenRowsAndIsNeverMet(@TempDir Path tmp) throws IOException {
        // as the slo example's Undertow on virtual threads: hung in its second fork before every open point
        for (String file : List.of("sweep.json", "environment.json")) {
            Files.copy(FixtureSweeps.SLO.resolve(file), tmp.resolve(file));
        }
        List<String> lines = new java.util.ArrayList<>();
        for (PointResult p : ResultsLog.read(FixtureSweeps.SLO.resolve(RunFolder.RESULTS))) {
            boolean hung = p.key().open() && p.key().configuration().virtualThreads() && p.repetition() == 2;
            lines.add(Json.MAPPER.writeValueAsString(hung ? hungBefore(p) : p));
        }
        Files.write(tmp.resolve(RunFolder.RESULTS), lines);

        OpenTable t = OpenTable.of(SweepResults.load(tmp).groups(), 1, SweepResults.load(tmp).sweep().slo()).getFirst();

        assertThat(t.rows()).filteredOn(r -> r.config().equals("servlet virtual w1")).hasSize(5)
                .allSatisfy(r -> assertThat(r.offeredRps().count()).as("the hung run has no offered rate").isEqualTo(1));
        assertThat(t.capacity()).filteredOn(r -> r.config().equals("servlet virtual w1")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("never met");
            assertThat(r.brokenAt()).contains("1 of 2 repetitions not measured");
        });
        assertThat(Reports.render(tmp).getLast()).isRegularFile();
    }

    @Test
    void withoutAClosedPointTheCapacityProbesAreTheClosedSideTheirP99FromMergedHistograms(@TempDir Path tmp) throws IOException {
        // as slo.yaml: open points only; fork 1's probe answered in 100 ms, fork 2's in 300 ms
        for (String file : List.of("sweep.json", "environment.json")) {
            Files.copy(FixtureSweeps.SLO.resolve(file), tmp.resolve(file));
        }
        List<String> lines = new java.util.ArrayList<>();
        for (PointResult p : ResultsLog.read(FixtureSweeps.SLO.resolve(RunFolder.RESULTS))) {
            if (p.key().open()) {
                lines.add(Json.MAPPER.writeValueAsString(withProbe(p, p.repetition() == 1 ? 700 : 900, p.repetition() == 1 ? 100_000 : 300_000)));
            }
        }
        Files.write(tmp.resolve(RunFolder.RESULTS), lines);
        SweepResults run = SweepResults.load(tmp);

        OpenTable t = OpenTable.of(run.groups(), 1, run.sweep().slo()).getFirst();

        assertThat(t.closedVsOpen()).hasSize(4).allSatisfy(g -> {
            assertThat(g.closedLoad()).as("no closed point: the probes stand in").isNull();
            assertThat(g.closedRps()).isEqualTo(800.0);
            // half the probes' requests took 300 ms: the merged p99 is 300 ms, not the 200 ms of averaged p99s
            assertThat(g.closedP99Micros()).isCloseTo(300_000L, within(300L));
        });
    }

    private static PointResult withProbe(PointResult p, double rps, long micros) {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(org.jvmbench.protocol.Histograms.SIGNIFICANT_DIGITS);
        h.recordValueWithCount(micros, 1_000);
        CapacityProbe probe = new CapacityProbe(256, rps, 1_000, 0, 15, null, org.jvmbench.protocol.Histograms.encode(h));
        OpenLoad o = p.open();
        OpenLoad open = OpenLoad.builder().offeredRps(o.offeredRps()).capacityRps(o.capacityRps())
                .connections(o.connections()).connectionsUsed(o.connectionsUsed())
                .scheduledRequests(o.scheduledRequests()).lateRequests(o.lateRequests())
                .maxLateMicros(o.maxLateMicros()).queuedRequests(o.queuedRequests())
                .lateThresholdMicros(o.lateThresholdMicros()).intendedLatency(o.intendedLatency())
                .intendedHistogram(o.intendedHistogram()).probe(probe).build();
        return p.toBuilder().open(open).build();
    }

    private static PointResult hungBefore(PointResult p) {
        return PointResult.builder(p.id(), p.key(), p.repetition())
                .schema(p.schema())
                .window(p.start(), p.start())
                .throughput(Throughput.of(0, 0, 0, java.util.Map.of(), 0))
                .flags(List.of(new Flag(Flag.Code.SERVER_HUNG, "not measured: the server hung during an earlier point")))
                .files(java.util.Map.of())
                .build();
    }

    @Test
    void flameGraphKeysNameOneGraphPerProcess() {
        assertThat(FlameGraphs.label("flameGraph")).isEqualTo("flame graph");
        assertThat(FlameGraphs.label("flameGraph-2")).isEqualTo("flame graph 2");
        assertThat(FlameGraphs.label("flameGraph2")).isEqualTo("flame graph 2");
    }
}
