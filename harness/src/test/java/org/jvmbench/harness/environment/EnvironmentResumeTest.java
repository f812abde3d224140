package org.jvmbench.harness.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.Json;

class EnvironmentResumeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asWrittenAndReadBack(Environment environment) throws Exception {
        return Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(environment.values()), Map.class);
    }

    @Test
    void resumingOnTheSameMachineChangesNothingWhateverOrderTheFileKeptItsKeysIn() throws Exception {
        Environment started = Environment.capture(Path.of("."), "0", "1", "");
        Map<String, Object> original = asWrittenAndReadBack(started);
        original.put("pinning", new java.util.TreeMap<>(Map.of("injector", "1", "server", "0")));

        Environment resumed = Environment.capture(Path.of("."), "0", "1", "").resuming(original);

        assertThat(resumed.changedOnResume()).isEmpty();
    }

    @Test
    void resumingWithOtherPinningSaysSo() throws Exception {
        Map<String, Object> original = asWrittenAndReadBack(Environment.capture(Path.of("."), "0", "1", ""));

        Environment resumed = Environment.capture(Path.of("."), "1", "0", "").resuming(original);

        assertThat(resumed.changedOnResume()).containsExactly("pinning");
    }
}
