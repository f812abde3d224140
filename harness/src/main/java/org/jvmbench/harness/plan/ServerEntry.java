package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jvmbench.harness.server.App;

/**
 * One entry under {@code servers:}. It stands for the cross product of its axes, each
 * combination one server configuration. Every axis but {@code app} has a default; a single
 * value in the file is a one-value axis.
 *
 * @param apps           the apps, in the order they run (key {@code app})
 * @param workers        servlet: Undertow IO threads; reactive: event loops; a null element
 *                       ({@code default} in the file) is the engine's default
 * @param threads        servlet: worker pool; reactive: parallel scheduler size; null as for workers
 * @param virtualThreads servlet only; {@code [false]} unless asked
 * @param processes      JVMs per configuration
 * @param load           the points each configuration runs; in a file it may lack either axis
 *                       (or be missing), which the top-level {@code load} then gives
 */
public record ServerEntry(
        @JsonProperty("app") List<App> apps,
        @JsonDeserialize(contentUsing = SweepValues.ThreadCount.class) @JsonSerialize(using = SweepJson.ThreadCounts.class)
        List<Integer> workers,
        @JsonDeserialize(contentUsing = SweepValues.ThreadCount.class) @JsonSerialize(using = SweepJson.ThreadCounts.class)
        List<Integer> threads,
        List<Boolean> virtualThreads,
        List<Integer> processes,
        Load load) {

    public ServerEntry {
        if (apps == null) {
            throw SettingException.record("missing 'app' (servlet, reactive, or a list of both)");
        }
        apps = List.copyOf(apps);
        // null stands for "engine default" here, as in ServerSpec and PointKey; List.copyOf refuses it
        workers = Collections.unmodifiableList(new ArrayList<>(workers == null ? Arrays.asList((Integer) null) : workers));
        threads = Collections.unmodifiableList(new ArrayList<>(threads == null ? Arrays.asList((Integer) null) : threads));
        virtualThreads = virtualThreads == null ? List.of(false) : List.copyOf(virtualThreads);
        processes = processes == null ? List.of(1) : List.copyOf(processes);
        // the entry's own rule, so it names the entry; ServerSpec has the same one for ./bench serve
        if (virtualThreads.contains(true) && apps.contains(App.REACTIVE)) {
            throw SettingException.key("virtualThreads", "true does not apply to reactive (servlet only)");
        }
    }

    /** This entry with its load's missing axes taken from the top-level load. */
    ServerEntry withLoad(Load resolved) {
        return new ServerEntry(apps, workers, threads, virtualThreads, processes, resolved);
    }
}
