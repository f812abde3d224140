package org.jvmbench.harness.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * What a running app says about itself on {@code /info}: the harness trusts this, not its
 * own command line, to know what it measured.
 */
public record ServerInfo(
        String app,
        String engine,
        long pid,
        String javaVersion,
        int availableProcessors,
        Integer effectiveWorkers,
        Integer effectiveThreads,
        boolean effectiveVirtualThreads,
        boolean effectiveStarvation,
        Map<String, Long> requests,
        Map<String, String> versions,
        JsonNode raw) {

    public static ServerInfo from(JsonNode json) {
        JsonNode effective = json.path("effective");
        Map<String, Long> requests = new HashMap<>();
        json.path("requests").properties().forEach(e -> requests.put(e.getKey(), e.getValue().asLong()));
        Map<String, String> versions = new HashMap<>();
        json.path("versions").properties().forEach(e -> versions.put(e.getKey(), e.getValue().asText()));
        return new ServerInfo(
                json.path("app").asText(),
                json.path("engine").asText(),
                json.path("pid").asLong(),
                json.path("versions").path("java").asText(),
                json.path("availableProcessors").asInt(),
                effective.hasNonNull("workers") ? effective.get("workers").asInt() : null,
                effective.hasNonNull("threads") ? effective.get("threads").asInt() : null,
                effective.path("virtualThreads").asBoolean(),
                effective.path("starvation").asBoolean(),
                Map.copyOf(requests),
                Map.copyOf(versions),
                json);
    }

    /** Requests counted for an endpoint path (the query is ignored), 0 if none yet. */
    public long requestsFor(String endpoint) {
        int q = endpoint.indexOf('?');
        return requests.getOrDefault(q < 0 ? endpoint : endpoint.substring(0, q), 0L);
    }
}
