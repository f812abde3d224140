package org.jvmbench.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jvmbench.harness.result.Json;

/**
 * How reports read result files and write the data they drop into pages: with the harness's
 * one configuration ({@link Json}), and safely inside a script block.
 */
final class ReportJson {

    static final ObjectMapper MAPPER = Json.MAPPER;

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
