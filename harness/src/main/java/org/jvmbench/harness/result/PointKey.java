package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings that identify a point: what a comparison matches on, what a table row shows,
 * and the one owner of how a point is named (its id and its labels), so the progress line,
 * the tables and the comparison say the same thing. The server settings are a
 * {@link ConfigurationKey}, the load a {@link LoadLevel}. In {@code results.jsonl} it is one flat
 * object, as it has been since the first schema: the configuration's settings, the endpoint, the
 * load as {@code concurrency} (users, or an open load's connections), {@code rate} and
 * {@code rateFraction} (an open load's rate or share, null otherwise), then the arm when named.
 *
 * @param configuration the server configuration
 * @param endpoint      the request path with its query, e.g. {@code /io?ms=10}
 * @param level         the load offered
 */
public record PointKey(ConfigurationKey configuration, String endpoint, LoadLevel level) {

    public PointKey {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(level, "level");
    }

    /** The point of {@code configuration} at a closed load of {@code users}. */
    public static PointKey of(ConfigurationKey configuration, String endpoint, int users) {
        return new PointKey(configuration, endpoint, LoadLevel.closed(users));
    }

    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = configuration.settingsJson();
        json.put("endpoint", endpoint);
        json.put("concurrency", level.connections());
        json.put("rate", level.rate());
        json.put("rateFraction", level.share());
        // left out when none: results of unnamed entries are written as they were before names
        if (configuration.arm() != null) {
            json.put("arm", configuration.arm());
        }
        return json;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PointKey fromJson(Map<String, Object> json) {
        int connections = ((Number) json.get("concurrency")).intValue();
        Double rate = decimal(json.get("rate"));
        Double share = decimal(json.get("rateFraction"));
        LoadLevel level = rate == null && share == null ? LoadLevel.closed(connections) : new LoadLevel.Open(rate, share, connections);
        return new PointKey(ConfigurationKey.fromJson(json), (String) json.get("endpoint"), level);
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** Whether requests arrive on a schedule (open model) rather than back to back. */
    public boolean open() {
        return level.open();
    }

    /**
     * A readable, file-name-safe id, unique within a sweep (repetition excluded), e.g.
     * {@code servlet-p1-w1-t8-json-c64}, {@code reactive-p1-w1-tdef-io_ms_10-cap50-c256}.
     * Results and resume match on it: the form never changes.
     */
    public String id() {
        return configuration.id()
                + "-" + endpoint.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "")
                + level.id();
    }

    /** The execution mode a table shows: platform / virtual threads, or event loop. */
    public String mode() {
        return configuration.mode();
    }

    /** A table row's label, whose table is the endpoint's: {@code servlet platform w2 t64 c128}. */
    public String label() {
        return label(EnumSet.of(KeyField.ENDPOINT));
    }

    /**
     * Every setting but those in {@code leftOut}, in one order:
     * {@code servlet platform w2 t64 ×2 proc /io?ms=10 c128}.
     */
    public String label(Set<KeyField> leftOut) {
        StringBuilder s = new StringBuilder(configuration.label(leftOut));
        if (!leftOut.contains(KeyField.ENDPOINT)) {
            s.append(' ').append(endpoint);
        }
        if (!leftOut.contains(KeyField.LOAD)) {
            s.append(' ').append(level.label());
        }
        return s.toString().strip();
    }
}
