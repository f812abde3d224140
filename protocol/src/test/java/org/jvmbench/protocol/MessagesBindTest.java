package org.jvmbench.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.protocol.info.JvmCounters;
import org.jvmbench.protocol.phase.LoadModel;
import org.jvmbench.protocol.phase.PhaseCommand;
import org.jvmbench.protocol.phase.PhaseResult;

/** Every record goes over the wire and comes back equal, with a plain Jackson as every side uses. */
class MessagesBindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPhaseCommandAndItsResultRoundTrip() throws Exception {
        PhaseCommand closed = PhaseCommand.closed("p1", List.of("http://127.0.0.1:8080"), List.of("/json"), 64, 15_000,
                10_000, "/abs/g", "/abs/p1.json", true, null);
        PhaseCommand open = PhaseCommand.open("p2", List.of("http://127.0.0.1:8080"), List.of("/json"), 62.5, 16,
                15_000, 10_000, "/abs/g", "/abs/p2.json", true, "/abs/p2.log");
        String histogram = "HISTFAAAAB94nJNpmSzMwMDAxQABzFCaEUzy////HyIAAHx4BHw=";
        PhaseResult closedResult = new PhaseResult("p1", 0, 3, 2, 1, Map.of("timeout", 1L), 1_500, 3_500, 2_000_000_000L,
                histogram, 1, 500, 500, List.of(1L, 1L, 1L), 64, null, null, null);
        PhaseResult openResult = new PhaseResult("p2", 0, 3, 3, 0, Map.of(), 1_500, 3_500, 2_000_000_000L,
                histogram, 1, 500, 500, List.of(1L, 1L, 1L), 3,
                new PhaseResult.Schedule(62.5, 125, histogram, 2_000, 1, 2_500, 7), "/abs/g/run", null);

        for (PhaseCommand command : List.of(closed, open)) {
            assertThat(JSON.readValue(JSON.writeValueAsString(command), PhaseCommand.class)).isEqualTo(command);
        }
        for (PhaseResult result : List.of(closedResult, openResult)) {
            assertThat(JSON.readValue(JSON.writeValueAsString(result), PhaseResult.class)).isEqualTo(result);
        }
        assertThat(JSON.writeValueAsString(open)).contains("\"model\":\"OPEN\"");
    }

    @Test
    void theClosedShapeOfBeforeTheOpenModelStillMakesAClosedCommand() {
        PhaseCommand command = PhaseCommand.closed("p1", List.of("http://a"), List.of("/json"), 8, 1_000, 1_000, "/g", "/o",
                false, null);

        assertThat(command.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(command.ratePerSecond()).isZero();
        assertThat(command.connections()).isZero();
    }

    @Test
    void eachModelNeedsItsOwnFieldsAndNoneOfTheOthers() {
        List<String> urls = List.of("http://a");
        List<String> paths = List.of("/json");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, LoadModel.CLOSED, 0, 0, 0, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("users");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, LoadModel.CLOSED, 8, 100, 0, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("ratePerSecond").withMessageContaining("CLOSED");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, LoadModel.OPEN, 0, 0, 4, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("ratePerSecond");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, LoadModel.OPEN, 0, Double.POSITIVE_INFINITY, 4, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("ratePerSecond");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, LoadModel.OPEN, 0, 100, 0, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("connections");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, LoadModel.OPEN, 8, 100, 4, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("users").withMessageContaining("OPEN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhaseCommand("p", urls, paths, null, 8, 0, 0, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("model");
    }

    @Test
    void aCommandTheInjectorCouldNotRunCannotBeMade() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseCommand.closed("p1", List.of("http://a,b"), List.of("/json"), 1, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("baseUrls");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseCommand.closed("p1", List.of("http://a"), List.of("/json"), 0, 1, 1, "/g", "/o", true, null))
                .withMessageContaining("users");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseCommand.closed("p1", List.of("http://a"), List.of("/json"), 1, 1, 1, "g", "/o", true, null))
                .withMessageContaining("resultsDir").withMessageContaining("absolute");
    }

    @Test
    void anInfoBodyRoundTripsAndCountsRequestsByPath() throws Exception {
        InfoBody info = new InfoBody("servlet", "undertow", new InfoBody.Versions("3.5.16", "2.3.24", "25"), 42,
                new InfoBody.Jvm("25", "Eclipse Adoptium", List.of("-Xmx512m")), 1,
                new InfoBody.Requested(1, 8, null, null, null, null, null, null, "uncached", 50),
                new InfoBody.Effective(1, 8, false, false, null, null, null, null, "uncached", 50,
                        Map.of("xnio.ioThreadCount", 1)),
                Map.of("/json", 10L), 1_000,
                new JvmCounters(1, 2, List.of(new JvmCounters.Collector("G1 Young Generation", 3, 4)),
                        new JvmCounters.Memory(5, 6, 7, 8, 9, 10, 12, 13), 11));

        assertThat(JSON.readValue(JSON.writeValueAsString(info), InfoBody.class)).isEqualTo(info);
        assertThat(info.requestsFor("/json?items=10")).isEqualTo(10);
        assertThat(info.requestsFor("/io")).isZero();
        assertThat(info.counters().gcCount()).isEqualTo(3);
    }

    @Test
    void knobsAnEngineDoesNotHaveBindAsNull() throws Exception {
        InfoBody tomcat = JSON.readValue("""
                {"app":"servlet","engine":"tomcat","effective":{"workers":null,"threads":16,"virtualThreads":false,
                 "starvation":false,"minThreads":4,"maxConnections":8192,"acceptCount":100,"acceptors":null,
                 "bufferPool":null,"detail":{}}}""", InfoBody.class);

        assertThat(tomcat.effective().workers()).isNull();
        assertThat(tomcat.effective().threads()).isEqualTo(16);
        assertThat(tomcat.effective().acceptCount()).isEqualTo(100);
        assertThat(tomcat.effective().bufferPool()).isNull();
        assertThat(tomcat.effective().extraCpuMicros()).as("a body from before the extra CPU knob").isNull();
    }

    @Test
    void histogramsSurviveTheirStoredForm() {
        Histogram micros = Histograms.empty();
        micros.recordValue(250);
        micros.recordValue(1_000_000);

        assertThat(Histograms.decode(Histograms.encode(micros))).isEqualTo(micros);
        assertThatIllegalArgumentException().isThrownBy(() -> Histograms.decode("not base64 !"))
                .withMessageContaining("Base64");
    }
}
