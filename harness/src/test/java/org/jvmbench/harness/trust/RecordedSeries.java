package org.jvmbench.harness.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-second series of real points (test resource {@code trust/recorded-series.json}, taken
 * from the committed examples) and of real warm-ups, for driving the rules with what servers
 * on this kind of machine actually did.
 */
final class RecordedSeries {

    private static final JsonNode ROOT = load("/trust/recorded-series.json");

    private RecordedSeries() {
    }

    static List<Long> rps(String name) {
        List<Long> values = new ArrayList<>();
        series(name).get("rps").forEach(v -> values.add(v.asLong()));
        return values;
    }

    static List<Double> injectorCores(String name) {
        List<Double> values = new ArrayList<>();
        series(name).get("injectorCpuCores").forEach(v -> values.add(v.asDouble()));
        return values;
    }

    private static JsonNode series(String name) {
        JsonNode series = ROOT.get("series").get(name);
        if (series == null) {
            throw new IllegalArgumentException("no recorded series '" + name + "'");
        }
        return series;
    }

    static JsonNode load(String resource) {
        try (InputStream in = RecordedSeries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
