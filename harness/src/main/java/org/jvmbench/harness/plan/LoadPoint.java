package org.jvmbench.harness.plan;

import org.jvmbench.harness.result.PointKey;

/**
 * One measured point of a server run: one endpoint at one concurrency.
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

    public int concurrency() {
        return key.concurrency();
    }
}
