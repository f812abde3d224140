package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.plan.LoadPoint;
import org.jvmbench.harness.plan.Plan;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.OpenLoad;
import org.jvmbench.harness.result.RunFolder;
import org.jvmbench.protocol.Histograms;
import org.jvmbench.protocol.phase.LoadModel;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/** How a point's load goes to the injector, and what an open point records of it. */
class PointLoadTest {

    private static final CapacityProbe CAPACITY = new CapacityProbe(256, 1200.0, 7200, 0, 6.0, null, null);
    private static final RunFolder.PointFiles FILES = new RunFolder(Path.of("/tmp/run")).point("p");
    private static final List<String> URLS = List.of("http://127.0.0.1:8080");

    private static Plan plan(String load) {
        return Plan.of(SweepReader.parse("""
                duration: 12s
                requestTimeout: 4s
                cpus: {server: "0", injector: "1"}
                load: %s
                servers:
                  - app: reactive
                """.formatted(load), SweepReader.Format.YAML, "sweeps/o.yaml", "o", 2));
    }

    private static List<LoadPoint> points(String load) {
        return plan(load).points();
    }

    private static Sweep sweep() {
        return plan("{endpoints: /json, concurrency: 4}").sweep();
    }

    @Test
    void aShareOfCapacityOffersThatShareOfTheProbedRate() {
        List<LoadPoint> points = points("{endpoints: /json, rates: [0.25, 1.0], connections: 64}");

        assertThat(PointLoad.offeredRps(points.get(0).key(), CAPACITY)).isEqualTo(300.0);
        assertThat(PointLoad.offeredRps(points.get(1).key(), CAPACITY)).isEqualTo(1200.0);
    }

    @Test
    void anAbsoluteRateIsOfferedAsGivenWithOrWithoutACapacity() {
        LoadPoint point = points("{endpoints: /json, rates: [500]}").getFirst();

        assertThat(PointLoad.offeredRps(point.key(), null)).isEqualTo(500.0);
        assertThat(PointLoad.offeredRps(point.key(), CAPACITY)).isEqualTo(500.0);
    }

    @Test
    void aShareWithoutACapacityOrAClosedPointHasNoRateToOffer() {
        LoadPoint share = points("{endpoints: /json, rates: [0.5]}").getFirst();
        LoadPoint closed = points("{endpoints: /json, concurrency: 4}").getFirst();

        assertThatIllegalStateException().isThrownBy(() -> PointLoad.offeredRps(share.key(), null))
                .withMessageContaining("no capacity was measured");
        assertThatIllegalStateException().isThrownBy(() -> PointLoad.offeredRps(closed.key(), CAPACITY))
                .withMessageContaining("closed point");
    }

    @Test
    void anOpenPointRunsAsAnOpenPhaseOverItsPool() {
        LoadPoint point = points("{endpoints: /json, rates: [0.5], connections: 64}").getFirst();

        PhaseCommand command = PointLoad.command(point, CAPACITY, URLS, sweep(), FILES);

        assertThat(command.model()).isEqualTo(LoadModel.OPEN);
        assertThat(command.ratePerSecond()).isEqualTo(600.0);
        assertThat(command.connections()).isEqualTo(64);
        assertThat(command.users()).isZero();
        assertThat(command.id()).isEqualTo(point.id());
        assertThat(command.durationMs()).isEqualTo(12_000);
        assertThat(command.requestTimeoutMs()).isEqualTo(4_000);
        assertThat(command.report()).isTrue();
        assertThat(command.out()).isEqualTo(FILES.phaseResult().toString());
    }

    @Test
    void aClosedPointRunsAsBefore() {
        LoadPoint point = points("{endpoints: /json, concurrency: 4}").getFirst();

        PhaseCommand command = PointLoad.command(point, null, URLS, sweep(), FILES);

        assertThat(command.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(command.users()).isEqualTo(4);
        assertThat(PointLoad.open(point, null, phase(null))).isNull();
    }

    @Test
    void anOpenPointRecordsItsScheduleItsLatencyFromDueTimeAndTheProbeItsShareIsOf() {
        LoadPoint point = points("{endpoints: /json, rates: [0.5], connections: 64}").getFirst();
        Histogram intended = Histograms.empty();
        intended.recordValue(21_000);
        intended.recordValue(23_000);
        String encoded = Histograms.encode(intended);

        OpenLoad open = PointLoad.open(point, CAPACITY, phase(new PhaseResult.Schedule(600, 3600, encoded, 2000, 12, 4100, 30)));

        assertThat(open).isEqualTo(OpenLoad.builder().offeredRps(600.0).capacityRps(1200.0).connections(64)
                .connectionsUsed(60).scheduledRequests(3600).lateRequests(12).maxLateMicros(4100).queuedRequests(30)
                .lateThresholdMicros(2000).intendedLatency(open.intendedLatency()).intendedHistogram(encoded)
                .probe(CAPACITY).build());
        assertThat(open.intendedLatency().count()).isEqualTo(2);
        assertThat(open.intendedLatency().maxMicros()).isBetween(23_000L, 23_030L);
        assertThat(open.lateShare()).isEqualTo(12 / 3600.0);
    }

    @Test
    void anAbsoluteRateRecordsNoCapacity() {
        LoadPoint point = points("{endpoints: /json, rates: [700]}").getFirst();

        OpenLoad open = PointLoad.open(point, CAPACITY, phase(new PhaseResult.Schedule(700, 10, null, 2000, 0, 0, 0)));

        assertThat(open.offeredRps()).isEqualTo(700.0);
        assertThat(open.capacityRps()).isNull();
        assertThat(open.probe()).isNull();
        assertThat(open.intendedLatency()).isNull();
        assertThat(open.connections()).isEqualTo(256);
    }

    @Test
    void theOpenWarmUpRunsAtTheLowestRateTheEndpointOffers() {
        List<LoadPoint> points = points("{endpoints: /json, rates: [0.9, 0.25, 0.5]}");

        assertThat(OpenWarmUp.lowestRate(points, CAPACITY).key().level().share()).isEqualTo(0.25);
    }

    private static PhaseResult phase(PhaseResult.Schedule schedule) {
        return new PhaseResult("p", 0, 2, 2, 0, Map.of(), 0, 0, 1_000_000_000L, null, 0, 0, 0, List.of(), 60, schedule, null, null);
    }
}
