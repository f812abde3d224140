package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.jvmbench.protocol.phase.LoadModel;
import org.jvmbench.protocol.phase.PhaseCommand;

/** Reading one line of the injector's input: the harness's record, bound strictly. */
class PhaseCommandReadingTest {

    private static final String FULL = """
            {"id":"p0003","baseUrls":["http://127.0.0.1:8080","http://127.0.0.1:8081"],"paths":["/json"],"model":"CLOSED",\
            "users":64,"ratePerSecond":0,"connections":0,\
            "durationMs":15000,"requestTimeoutMs":10000,"resultsDir":"/abs/point/gatling","out":"/abs/point/phase.json",\
            "report":true,"log":null}""";

    private static final String OPEN = FULL.replace("\"model\":\"CLOSED\",\"users\":64,\"ratePerSecond\":0,\"connections\":0",
            "\"model\":\"OPEN\",\"users\":0,\"ratePerSecond\":2500.5,\"connections\":32");

    private static JsonNode json(String text) throws Exception {
        return PhaseLoop.JSON.readTree(text);
    }

    @Test
    void theDocumentedCommandReadsInFull() throws Exception {
        PhaseCommand command = PhaseLoop.read(json(FULL));

        assertThat(command.id()).isEqualTo("p0003");
        assertThat(command.baseUrls()).containsExactly("http://127.0.0.1:8080", "http://127.0.0.1:8081");
        assertThat(command.paths()).containsExactly("/json");
        assertThat(command.users()).isEqualTo(64);
        assertThat(command.durationMs()).isEqualTo(15_000);
        assertThat(command.requestTimeoutMs()).isEqualTo(10_000);
        assertThat(command.resultsDir()).isEqualTo("/abs/point/gatling");
        assertThat(command.out()).isEqualTo("/abs/point/phase.json");
        assertThat(command.report()).isTrue();
        assertThat(command.log()).isNull();
    }

    @Test
    void anOpenModelCommandReadsItsRateAndPool() throws Exception {
        PhaseCommand command = PhaseLoop.read(json(OPEN));

        assertThat(command.model()).isEqualTo(LoadModel.OPEN);
        assertThat(command.ratePerSecond()).isEqualTo(2500.5);
        assertThat(command.connections()).isEqualTo(32);
        assertThat(command.users()).isZero();
        assertThat(PhaseLoop.read(json(OPEN.replace("2500.5", "2500"))).ratePerSecond()).isEqualTo(2500.0);
    }

    @Test
    void theModelIsOneOfTwoNamesInCapitals() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(OPEN.replace("\"OPEN\"", "\"open\""))))
                .withMessageContaining("model");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(OPEN.replace("\"OPEN\"", "\"poisson\""))))
                .withMessageContaining("model");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(OPEN.replace("\"ratePerSecond\":2500.5", "\"ratePerSecond\":\"2500\""))))
                .withMessageContaining("ratePerSecond");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(OPEN.replace("\"connections\":32", "\"connections\":0"))))
                .withMessageContaining("connections");
    }

    @Test
    void whatTheHarnessWritesTheInjectorReadsBackEqual() throws Exception {
        PhaseCommand sent = PhaseCommand.closed("w1", java.util.List.of("http://127.0.0.1:9"), java.util.List.of("/io?ms=10"),
                8, 2_000, 1_000, "/abs/g", "/abs/w1.json", false, "/abs/w1.log");

        PhaseCommand open = PhaseCommand.open("o1", java.util.List.of("http://127.0.0.1:9"), java.util.List.of("/json"),
                333.3, 16, 2_000, 1_000, "/abs/g", "/abs/o1.json", true, null);

        assertThat(PhaseLoop.read(json(PhaseLoop.JSON.writeValueAsString(sent)))).isEqualTo(sent);
        assertThat(PhaseLoop.read(json(PhaseLoop.JSON.writeValueAsString(open)))).isEqualTo(open);
    }

    @Test
    void everyFieldMustBeThere() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace(",\"report\":true", ""))))
                .withMessageContaining("report");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace("\"id\":\"p0003\",", ""))))
                .withMessageContaining("id");
    }

    @Test
    void theFirstBadFieldIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace("\"users\":64", "\"users\":\"64\""))))
                .withMessageContaining("users");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace("\"paths\":[\"/json\"]", "\"paths\":[]"))))
                .withMessageContaining("paths");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace("/abs/point/phase.json", "phase.json"))))
                .withMessageContaining("out").withMessageContaining("absolute");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace("\"durationMs\":15000", "\"durationMs\":1.5"))))
                .withMessageContaining("durationMs");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhaseLoop.read(json(FULL.replace("\"users\":64", "\"users\":64,\"user\":1"))))
                .withMessageContaining("user");
    }
}
