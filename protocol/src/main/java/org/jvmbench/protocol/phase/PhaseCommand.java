package org.jvmbench.protocol.phase;

import java.nio.file.Path;
import java.util.List;

/**
 * One phase for the injector: one in-process Gatling run (a slice of a warm-up, or a point's
 * measured window), sent as one line of JSON on the injector's stdin. The injector writes a
 * {@link PhaseResult} to {@code out}, atomically, when the phase is over. Every field is
 * checked here, so the harness cannot send and the injector cannot accept a command that
 * would fail later.
 *
 * @param id               names the phase in logs and becomes Gatling's run description
 * @param baseUrls         the server's processes; Gatling gives each user one of them, round-robin
 * @param paths            user i requests {@code paths[i % n]}
 * @param users            closed-model users, each with its own keep-alive connection
 * @param durationMs       how long each user keeps sending
 * @param requestTimeoutMs a request unanswered by then is a KO of kind {@code timeout}
 * @param resultsDir       absolute; where Gatling makes its run folder
 * @param out              absolute; the result file, whose appearance means the phase is over
 * @param report           whether Gatling writes its HTML report (not for warm-ups)
 * @param log              absolute, or null; where this phase's console goes, appended
 */
public record PhaseCommand(
        String id,
        List<String> baseUrls,
        List<String> paths,
        int users,
        long durationMs,
        long requestTimeoutMs,
        String resultsDir,
        String out,
        boolean report,
        String log) {

    /** The line that ends the injector politely. */
    public static final String EXIT_LINE = "{\"exit\":true}";

    public PhaseCommand {
        requireText("id", id);
        baseUrls = commaFree("baseUrls", baseUrls);
        paths = commaFree("paths", paths);
        requirePositive("users", users);
        requirePositive("durationMs", durationMs);
        requirePositive("requestTimeoutMs", requestTimeoutMs);
        requireAbsolute("resultsDir", resultsDir);
        requireAbsolute("out", out);
        if (log != null) {
            requireAbsolute("log", log);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
    }

    private static List<String> commaFree(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty array of strings");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.contains(",")) {
                throw new IllegalArgumentException("'" + field + "' must hold non-empty strings without commas");
            }
        }
        return List.copyOf(values);
    }

    private static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("'" + field + "' must be a positive whole number");
        }
    }

    private static void requireAbsolute(String field, String path) {
        requireText(field, path);
        if (!Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("'" + field + "' must be an absolute path");
        }
    }
}
