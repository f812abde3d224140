package org.jvmbench.loadtests.injector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading one line of the injector's input. */
class InjectorCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULL = """
            {"id":"p0003","baseUrls":["http://127.0.0.1:8080","http://127.0.0.1:8081"],"paths":["/json"],"users":64,\
            "durationMs":15000,"requestTimeoutMs":10000,"resultsDir":"/abs/point/gatling","out":"/abs/point/phase.json","report":true}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theDocumentedCommandReadsInFull() throws Exception {
        InjectorCommand command = InjectorCommand.fromJson(json(FULL));

        assertThat(command.id()).isEqualTo("p0003");
        assertThat(command.baseUrls()).containsExactly("http://127.0.0.1:8080", "http://127.0.0.1:8081");
        assertThat(command.paths()).containsExactly("/json");
        assertThat(command.users()).isEqualTo(64);
        assertThat(command.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(command.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(command.resultsDir()).isEqualTo(Path.of("/abs/point/gatling"));
        assertThat(command.out()).isEqualTo(Path.of("/abs/point/phase.json"));
        assertThat(command.report()).isTrue();
        assertThat(InjectorCommand.isExit(json(FULL))).isFalse();
    }

    @Test
    void aCommandWithoutReportWritesOne() throws Exception {
        assertThat(InjectorCommand.fromJson(json(FULL.replace(",\"report\":true", ""))).report()).isTrue();
        assertThat(InjectorCommand.fromJson(json(FULL.replace("\"report\":true", "\"report\":false"))).report()).isFalse();
    }

    @Test
    void exitIsItsOwnLine() throws Exception {
        assertThat(InjectorCommand.isExit(json("{\"exit\":true}"))).isTrue();
        assertThat(InjectorCommand.isExit(json("{\"exit\":false}"))).isFalse();
    }

    @Test
    void theFirstBadFieldIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InjectorCommand.fromJson(json(FULL.replace("\"users\":64", "\"users\":\"64\""))))
                .withMessageContaining("users");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InjectorCommand.fromJson(json(FULL.replace("\"paths\":[\"/json\"]", "\"paths\":[]"))))
                .withMessageContaining("paths");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InjectorCommand.fromJson(json(FULL.replace("/abs/point/phase.json", "phase.json"))))
                .withMessageContaining("out").withMessageContaining("absolute");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InjectorCommand.fromJson(json(FULL.replace("\"durationMs\":15000", "\"durationMs\":1.5"))))
                .withMessageContaining("durationMs");
    }
}
