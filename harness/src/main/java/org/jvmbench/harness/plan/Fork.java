package org.jvmbench.harness.plan;

import java.util.List;
import org.jvmbench.harness.settings.ServerSpec;

/**
 * One start of a server configuration on fresh JVMs: warm-up, then its points in order,
 * then stop.
 *
 * @param spec       how to launch it; port 0 until the runner picks a free one
 * @param repetition 1 .. repeat
 * @param points     endpoints in the order listed, each at rising concurrency
 * @param arm        the entry's own name for the configuration, or null
 */
public record Fork(ServerSpec spec, int repetition, List<LoadPoint> points, String arm) {

    public Fork {
        points = List.copyOf(points);
    }

    /**
     * The configuration and repetition, file-name safe, e.g. {@code servlet-p1-w1-t8-r2}:
     * the prefix of its points' ids, without endpoint and concurrency.
     */
    public String id() {
        return configurationId() + "-r" + repetition;
    }

    /** The configuration without the repetition, e.g. {@code servlet-p1-w1-t8}: the same for every fork of it. */
    public String configurationId() {
        return Plan.key(spec).withArm(arm).id();
    }
}
