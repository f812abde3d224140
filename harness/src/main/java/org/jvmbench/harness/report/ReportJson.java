package org.jvmbench.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How reports read result files and write the data they drop into pages. Reading matches the
 * writer of {@code results.jsonl} (ISO timestamps); unknown properties are tolerated so a
 * report from an older harness still renders a newer file.
 */
final class ReportJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    /**
     * JSON safe to place inside {@code <script type="application/json">}: a {@code <} can only
     * occur inside JSON strings, where {@code \u003c} means the same, so no {@code </script>}
     * or {@code <!--} in the data can end the block early.
     */
    static String forScript(Object value) {
        try {
            return MAPPER.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is not serializable: " + e.getMessage(), e);
        }
    }
}
