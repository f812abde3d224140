package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jvmbench.harness.report.SweepFixture.key;

import java.io.IOException;
import java.util.List;
import org.jvmbench.harness.result.Flag;
import org.junit.jupiter.api.Test;

class EndpointTableTest {

    private static final Flag SATURATED = new Flag(Flag.Code.INJECTOR_SATURATED, "injector used 0.97 of its 1 CPU");

    @Test
    void headlineTakesEachAppsBestUnflaggedPointAndSaysHowFarTheOthersAre() {
        SweepFixture f = SweepFixture.named("h", 5)
                .run(key("servlet", 2, 16, false, 1, "/hello", 64), 1, 10_000)
                .run(key("servlet", 2, 64, false, 1, "/hello", 64), 1, 12_000, SATURATED)
                .run(key("servlet", 2, null, true, 1, "/hello", 64), 1, 9_000)
                .run(key("reactive", 2, null, false, 1, "/hello", 64), 1, 20_000);

        EndpointTable table = EndpointTable.of(PointGroup.of(f.points())).get(0);

        assertThat(table.headline())
                .extracting(EndpointTable.HeadlineEntry::appMode, EndpointTable.HeadlineEntry::label,
                        EndpointTable.HeadlineEntry::ofBest)
                .containsExactly(
                        tuple("reactive event-loop", "reactive event-loop w2 c64", 1.0),
                        tuple("servlet platform", "servlet platform w2 t16 c64", 0.5),
                        tuple("servlet virtual", "servlet virtual w2 c64", 0.45));
    }

    @Test
    void flaggedPointLeadsItsAppOnlyWhenEveryPointOfItIsFlagged() {
        SweepFixture f = SweepFixture.named("h", 5)
                .run(key("servlet", 2, 64, false, 1, "/hello", 64), 1, 12_000, SATURATED);

        EndpointTable table = EndpointTable.of(PointGroup.of(f.points())).get(0);

        assertThat(table.headline()).singleElement()
                .satisfies(h -> assertThat(h.flagged()).isTrue());
    }

    @Test
    void rowsRunServletPlatformThenVirtualThenReactiveAndNotesAreNumberedAcrossEndpoints() throws IOException {
        List<EndpointTable> tables = EndpointTable.of(SweepResults.load(FixtureSweeps.THREADS_IO).groups());

        assertThat(tables).extracting(EndpointTable::endpoint).containsExactly("/hello", "/io?ms=10");
        assertThat(tables.get(0).rows()).extracting(Row::mode).startsWith("platform")
                .containsSubsequence("platform", "virtual", "event-loop");
        assertThat(tables).flatExtracting(EndpointTable::footnotes).extracting(EndpointTable.Footnote::number)
                .containsExactly(1, 2);
        assertThat(tables.get(1).footnotes().get(0).reasons())
                .containsExactly("repetition 3: NOISY_NEIGHBOUR: other processes used 0.14 cores on average and 0.60 "
                        + "at peak (limits 0.10 and 0.50)");
    }

    @Test
    void ioRowsCarryTheirCeilingAndOtherRowsNone() throws IOException {
        List<EndpointTable> tables = EndpointTable.of(SweepResults.load(FixtureSweeps.THREADS_IO).groups());

        assertThat(tables.get(0).waitMillis()).isNull();
        assertThat(tables.get(0).rows()).extracting(Row::ceilingRps).containsOnlyNulls();
        assertThat(tables.get(1).waitMillis()).isEqualTo(10.0);
        assertThat(tables.get(1).rows()).filteredOn(r -> r.id().equals("servlet-p1-w2-t16-io_ms_10-c128"))
                .singleElement().extracting(Row::ceilingRps).isEqualTo(1_600.0);
    }

    @Test
    void aJettyVirtualThreadPointThatHungSaysWhatWasSeenWhenItWasReproduced() throws IOException {
        java.nio.file.Path examples = org.jvmbench.harness.config.ProjectHome.locate().reports().resolve("examples");
        List<EndpointTable> hung = EndpointTable.of(SweepResults.load(examples.resolve("jetty-vt-starts")).groups());
        List<EndpointTable> none = EndpointTable.of(SweepResults.load(examples.resolve("jetty-vt-starts-poller1")).groups());

        assertThat(hung.stream().flatMap(t -> t.footnotes().stream()).filter(n -> n.reasons().contains(Notes.JETTY_VIRTUAL_HANG)))
                .as("the points of the two starts that hung").hasSize(3);
        assertThat(none.stream().flatMap(t -> t.footnotes().stream()).flatMap(n -> n.reasons().stream()))
                .doesNotContain(Notes.JETTY_VIRTUAL_HANG);
    }
}
