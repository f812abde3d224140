package org.jvmbench.common;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per endpoint since start, counted at handler entry whatever the outcome, so the
 * harness can check that the load it sent is the load the server saw. LongAdder because
 * every request thread increments and contention on one counter would itself be measured.
 */
public final class RequestCounters {

    private final Map<Endpoint, LongAdder> counts = new EnumMap<>(Endpoint.class);

    public RequestCounters() {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new LongAdder());
        }
    }

    public void count(Endpoint endpoint) {
        counts.get(endpoint).increment();
    }

    /** Counts keyed by path, in {@link Endpoint} order so the JSON is stable. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        counts.forEach((endpoint, count) -> snapshot.put(endpoint.path(), count.sum()));
        return snapshot;
    }
}
