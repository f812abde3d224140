package org.jvmbench.harness.plan;

import org.jvmbench.harness.result.PointKey;

/**
 * One measured point of a fork: one endpoint at one load.
 *
 * @param key        the settings that identify it across repetitions and sweeps
 * @param repetition 1 .. repeat
 */
public record LoadPoint(PointKey key, int repetition) {

    /** Unique within a sweep; what {@code results.jsonl} records and {@link Plan#remaining} matches. */
    public String id() {
        return key.id() + "-r" + repetition;
    }

    public String endpoint() {
        return key.endpoint();
    }

    /** The connections the injector holds: the users of a closed load, an open load's pool. */
    public int connections() {
        return key.level().connections();
    }
}
