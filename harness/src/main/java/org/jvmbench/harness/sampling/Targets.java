package org.jvmbench.harness.sampling;

import java.util.List;

/**
 * The processes a sample is about: the server JVMs (summed in results) and the load injector.
 *
 * @param serverPids  one per server process
 * @param injectorPid the Gatling JVM, or null when nothing injects (e.g. {@code ./bench serve})
 */
public record Targets(List<Long> serverPids, Long injectorPid) {

    public Targets {
        serverPids = List.copyOf(serverPids);
    }

    public static Targets servers(List<Long> serverPids) {
        return new Targets(serverPids, null);
    }
}
