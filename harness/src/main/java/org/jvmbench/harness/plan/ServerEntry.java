package org.jvmbench.harness.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jvmbench.harness.server.App;

/**
 * One entry under {@code servers:}, resolved: every axis filled in. It stands for the cross
 * product of its axes, each combination one server configuration.
 *
 * @param apps           the apps, in the order they run
 * @param workers        servlet: Undertow IO threads; reactive: event loops; a null element is the engine's default
 * @param threads        servlet: worker pool; reactive: parallel scheduler size; a null element is the engine's default
 * @param virtualThreads servlet only; {@code [false]} unless asked
 * @param processes      JVMs per configuration
 * @param load           the points each configuration runs
 */
public record ServerEntry(
        List<App> apps,
        List<Integer> workers,
        List<Integer> threads,
        List<Boolean> virtualThreads,
        List<Integer> processes,
        Load load) {

    public ServerEntry {
        apps = List.copyOf(apps);
        // null stands for "engine default" here, as in ServerSpec and PointKey; List.copyOf refuses it
        workers = Collections.unmodifiableList(new ArrayList<>(workers));
        threads = Collections.unmodifiableList(new ArrayList<>(threads));
        virtualThreads = List.copyOf(virtualThreads);
        processes = List.copyOf(processes);
    }
}
