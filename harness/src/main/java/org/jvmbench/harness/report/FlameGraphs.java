package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jvmbench.harness.result.PointResult;

/**
 * The flame graphs of a profiled repetition: every entry of {@link PointResult#files()} whose key
 * starts with {@value #KEY_PREFIX}, one per server process (e.g. {@code flameGraph},
 * {@code flameGraph-2}), each a path to an HTML file relative to the sweep folder.
 */
final class FlameGraphs {

    static final String KEY_PREFIX = "flameGraph";

    private FlameGraphs() {
    }

    /**
     * @param label what the link reads: {@code flame graph}, {@code flame graph 2}, with repetitions {@code r2 flame graph 2}
     * @param path  relative to the sweep folder, with forward slashes
     */
    record Link(String label, String path) {

        Link ofRepetition(int repetition) {
            return new Link("r" + repetition + " " + label, path);
        }
    }

    /** The repetition's flame graphs in the order of their keys; none for a repetition that was not profiled. */
    static List<Link> of(PointResult r) {
        if (r.files() == null) {
            return List.of();
        }
        Map<String, String> sorted = new TreeMap<>();
        r.files().forEach((key, path) -> {
            if (key.startsWith(KEY_PREFIX) && path != null) {
                sorted.put(key, path);
            }
        });
        List<Link> links = new ArrayList<>();
        sorted.forEach((key, path) -> links.add(new Link(label(key), path.replace('\\', '/'))));
        return links;
    }

    /** {@code flameGraph} → {@code flame graph}; {@code flameGraph-2} or {@code flameGraph2} → {@code flame graph 2}. */
    static String label(String key) {
        String suffix = key.substring(KEY_PREFIX.length()).replaceAll("^[-_. ]+", "");
        return suffix.isEmpty() ? "flame graph" : "flame graph " + suffix;
    }
}
