package org.jvmbench.loadtests.injector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of the injector's input: run {@code users} closed-loop users against
 * {@code baseUrls} for {@code duration}, and write the result to {@code out}.
 *
 * <pre>
 * {"id":"p0003","baseUrls":["http://127.0.0.1:8080"],"paths":["/json"],"users":64,"durationMs":15000,
 *  "requestTimeoutMs":10000,"resultsDir":"/abs/point/gatling","out":"/abs/point/phase.json","report":true}
 * </pre>
 *
 * @param resultsDir where Gatling makes its run folder (simulation.log, and the HTML report)
 * @param out        the result file; its appearance tells the harness the run is over
 * @param report     false skips Gatling's HTML report (warm-up runs)
 * @param log        where this run's console output goes (appended), or null for the injector's own
 */
public record InjectorCommand(
        String id,
        List<String> baseUrls,
        List<String> paths,
        int users,
        Duration duration,
        Duration requestTimeout,
        Path resultsDir,
        Path out,
        boolean report,
        Path log) {

    public InjectorCommand {
        Objects.requireNonNull(id, "id");
        baseUrls = List.copyOf(baseUrls);
        paths = List.copyOf(paths);
        Objects.requireNonNull(resultsDir, "resultsDir");
        Objects.requireNonNull(out, "out");
    }

    /**
     * Reads a command line already parsed as JSON.
     *
     * @throws IllegalArgumentException naming the first missing or invalid field
     */
    static InjectorCommand fromJson(JsonNode json) {
        return new InjectorCommand(
                text(json, "id"),
                texts(json, "baseUrls"),
                texts(json, "paths"),
                (int) positive(json, "users"),
                Duration.ofMillis(positive(json, "durationMs")),
                Duration.ofMillis(positive(json, "requestTimeoutMs")),
                absolutePath(json, "resultsDir"),
                absolutePath(json, "out"),
                !json.has("report") || json.get("report").asBoolean(true),
                json.hasNonNull("log") ? absolutePath(json, "log") : null);
    }

    /** True for {@code {"exit":true}}, the polite way to end the injector. */
    static boolean isExit(JsonNode json) {
        return json.path("exit").asBoolean(false);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    private static List<String> texts(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.asText().isBlank() || element.asText().contains(",")) {
                throw new IllegalArgumentException("'" + field + "' must hold non-empty strings without commas");
            }
            values.add(element.asText());
        }
        return values;
    }

    private static long positive(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asLong() <= 0) {
            throw new IllegalArgumentException("'" + field + "' must be a positive whole number");
        }
        return node.asLong();
    }

    private static Path absolutePath(JsonNode json, String field) {
        Path path = Path.of(text(json, field));
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("'" + field + "' must be an absolute path");
        }
        return path;
    }
}
