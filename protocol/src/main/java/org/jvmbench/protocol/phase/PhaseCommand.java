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
 * <p>The load is {@link LoadModel#CLOSED} ({@code users} &gt; 0, {@code ratePerSecond} and
 * {@code connections} 0) or {@link LoadModel#OPEN} ({@code ratePerSecond} &gt; 0 and
 * {@code connections} &gt; 0, {@code users} 0): a field of the other model must be 0, so a
 * command cannot say two things at once.
 *
 * @param id               names the phase in logs and becomes Gatling's run description
 * @param baseUrls         the server's processes; Gatling gives each user (each connection) one of
 *                         them, round-robin
 * @param paths            user i requests {@code paths[i % n]}; in the open model a user is a connection
 * @param model            closed or open
 * @param users            closed model: users, each with its own keep-alive connection, sending back to back
 * @param ratePerSecond    open model: requests due per second, evenly spaced (request k due at
 *                         {@code k / ratePerSecond} s after the first)
 * @param connections      open model: the pool of keep-alive connections the due requests go out on; a
 *                         request due while all are busy waits for the first to free up
 * @param durationMs       closed: how long each user keeps sending; open: how long requests fall due
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
        LoadModel model,
        int users,
        double ratePerSecond,
        int connections,
        long durationMs,
        long requestTimeoutMs,
        String resultsDir,
        String out,
        boolean report,
        String log) {

    /** The line that ends the injector politely. */
    public static final String EXIT_LINE = "{\"exit\":true}";

    /**
     * What an injector prints on its stdout, followed by the id, when it has read an
     * {@link #awaitLine(String)}: it is idle, reading, and will start the next command the moment
     * its line arrives. Several injectors are each awaited this way, then all sent their command
     * together: the start barrier of a point driven from several hosts.
     */
    public static final String READY_PREFIX = "jvmbench-ready ";

    /** The line asking an injector to answer {@link #READY_PREFIX}{@code id} once it is idle. */
    public static String awaitLine(String id) {
        requireText("await", id);
        if (id.contains("\"") || id.contains("\\") || id.contains("\n")) {
            throw new IllegalArgumentException("'await' must not hold quotes, backslashes or line breaks");
        }
        return "{\"await\":\"" + id + "\"}";
    }

    public PhaseCommand {
        requireText("id", id);
        baseUrls = commaFree("baseUrls", baseUrls);
        paths = commaFree("paths", paths);
        if (model == null) {
            throw new IllegalArgumentException("'model' must be CLOSED or OPEN");
        }
        switch (model) {
            case CLOSED -> {
                requirePositive("users", users);
                requireZero("ratePerSecond", ratePerSecond, model);
                requireZero("connections", connections, model);
            }
            case OPEN -> {
                if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                    throw new IllegalArgumentException("'ratePerSecond' must be a positive number for an OPEN load");
                }
                requirePositive("connections", connections);
                requireZero("users", users, model);
            }
        }
        requirePositive("durationMs", durationMs);
        requirePositive("requestTimeoutMs", requestTimeoutMs);
        requireAbsolute("resultsDir", resultsDir);
        requireAbsolute("out", out);
        if (log != null) {
            requireAbsolute("log", log);
        }
    }

    /** A closed-model command: {@code users} users sending back to back for {@code durationMs}. */
    public static PhaseCommand closed(String id, List<String> baseUrls, List<String> paths, int users, long durationMs,
                                      long requestTimeoutMs, String resultsDir, String out, boolean report, String log) {
        return new PhaseCommand(id, baseUrls, paths, LoadModel.CLOSED, users, 0, 0, durationMs, requestTimeoutMs,
                resultsDir, out, report, log);
    }

    /** An open-model command: {@code ratePerSecond} requests due per second over {@code connections} connections. */
    public static PhaseCommand open(String id, List<String> baseUrls, List<String> paths, double ratePerSecond,
                                    int connections, long durationMs, long requestTimeoutMs, String resultsDir,
                                    String out, boolean report, String log) {
        return new PhaseCommand(id, baseUrls, paths, LoadModel.OPEN, 0, ratePerSecond, connections, durationMs,
                requestTimeoutMs, resultsDir, out, report, log);
    }

    private static void requireZero(String field, double value, LoadModel model) {
        if (value != 0) {
            throw new IllegalArgumentException("'" + field + "' must be 0 for a " + model + " load");
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
