package org.jvmbench.harness.sweep;

import java.util.Map;
import org.jvmbench.harness.plan.LoadPoint;

/**
 * What the injector reached against a minimal server answering the same bytes, measured at
 * the start of the sweep, by endpoint and load: the ceiling a point near which measures the
 * client, not the server.
 *
 * @param rpsByLoad requests per second keyed by {@code endpoint + " c" + concurrency}
 */
record InjectorCeilings(Map<String, Double> rpsByLoad) {

    static InjectorCeilings none() {
        return new InjectorCeilings(Map.of());
    }

    InjectorCeilings {
        rpsByLoad = Map.copyOf(rpsByLoad);
    }

    /** The ceiling at this point's load, or null where none was measured. */
    Double rps(LoadPoint point) {
        return rpsByLoad.get(key(point.endpoint(), point.connections()));
    }

    static String key(String endpoint, int concurrency) {
        return endpoint + " c" + concurrency;
    }
}
