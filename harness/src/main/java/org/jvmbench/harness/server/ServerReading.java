package org.jvmbench.harness.server;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jvmbench.protocol.info.InfoBody;
import org.jvmbench.protocol.info.JvmCounters;

/**
 * One server JVM read at one moment, whichever way it can be read ({@link ServerProbe}): its
 * cumulative JVM counters and the requests it counted for the endpoints asked about. Two
 * readings around a window give what the server did inside it.
 *
 * @param info         our app's {@code /info}, or null for a user's own jar
 * @param counters     the JVM's counters, or null when the server reports none; within them
 *                     {@code compilationMs} is -1 and {@code memory} null where unknown
 * @param requests     requests counted per endpoint asked about (the endpoint as given, query
 *                     and all); an endpoint the server has no count for is absent
 * @param notCounted   why the server counts no requests at all, or null when it does
 */
public record ServerReading(InfoBody info, JvmCounters counters, Map<String, Long> requests, String notCounted) {

    public ServerReading {
        requests = Map.copyOf(requests);
    }

    /** Our app's reading: {@code /info} counts every endpoint it serves, from 0. */
    public static ServerReading of(InfoBody info, List<String> endpoints) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        endpoints.forEach(e -> counts.put(e, info.requestsFor(e)));
        return new ServerReading(info, info.counters(), counts, null);
    }

    /** The requests the server counted for {@code endpoint}, or empty when it has no count for it. */
    public OptionalLong requestsFor(String endpoint) {
        Long count = requests.get(endpoint);
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /**
     * The requests a server counted for {@code endpoint} between two readings of each of its JVMs,
     * summed; empty when any JVM has no count after the window ({@link #why} says why). A JVM
     * without a count before but with one after had counted none before.
     */
    public static OptionalLong servedBetween(List<ServerReading> before, List<ServerReading> after, String endpoint) {
        if (before.isEmpty() || before.size() != after.size()) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (int i = 0; i < after.size(); i++) {
            OptionalLong end = after.get(i).requestsFor(endpoint);
            if (end.isEmpty()) {
                return OptionalLong.empty();
            }
            sum += end.getAsLong() - before.get(i).requestsFor(endpoint).orElse(0);
        }
        return OptionalLong.of(sum);
    }

    /**
     * Why {@link #servedBetween} has no count, for the point's note: never a guessed number in
     * its place.
     */
    public static String why(List<ServerReading> before, List<ServerReading> after, String endpoint) {
        if (before.isEmpty() || after.isEmpty() || before.size() != after.size()) {
            return "server request counts unavailable: the server did not answer its counters "
                    + (before.isEmpty() ? "before" : "after") + " the point";
        }
        for (ServerReading reading : after) {
            if (reading.notCounted() != null) {
                return "server request counts unavailable: " + reading.notCounted() + "; client and server counts not reconciled";
            }
            if (reading.requestsFor(endpoint).isEmpty()) {
                return "server request counts unavailable: Actuator's http.server.requests has no uri tag for " + ActuatorProbe.path(endpoint)
                        + " (a route with variables counts under its template, e.g. /users/{id}); client and server counts not reconciled";
            }
        }
        return null;
    }
}
