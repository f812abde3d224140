package org.jvmbench.harness.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jvmbench.harness.server.App;

/**
 * Writes a resolved {@link Sweep} in the schema sweep files use, every key present, so
 * {@link SweepReader} reads it back to an equal {@code Sweep}: that is what makes
 * {@code --resume} rebuild the same plan.
 */
public final class SweepWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SweepWriter() {
    }

    /** The resolved sweep as pretty-printed JSON, e.g. for {@code reports/<run>/sweep.json}. */
    public static String toJson(Sweep sweep) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(sweep)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** The resolved sweep as YAML, readable as a sweep file of its own. */
    public static String toYaml(Sweep sweep) {
        try {
            return new YAMLMapper().writeValueAsString(tree(sweep));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** Writes {@link #toJson} to {@code file}, replacing it. */
    public static void writeJson(Sweep sweep, Path file) {
        try {
            Files.writeString(file, toJson(sweep));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static ObjectNode tree(Sweep sweep) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", SweepReader.SCHEMA_VERSION);
        root.put("name", sweep.name());
        root.put("question", sweep.question());
        root.put("description", sweep.description());
        root.put("duration", DurationText.format(sweep.duration()));
        root.put("warmup", DurationText.format(sweep.warmup()));
        root.put("repeat", sweep.repeat());
        root.put("heap", sweep.heap());
        root.put("gc", sweep.gc().id());
        root.put("starvation", sweep.starvation());
        root.put("requestTimeout", DurationText.format(sweep.requestTimeout()));
        root.put("injectorHeap", sweep.injectorHeap());
        ObjectNode cpus = root.putObject("cpus");
        cpus.put("server", sweep.cpus().server().toString());
        cpus.put("injector", sweep.cpus().injector().toString());
        ArrayNode jvmArgs = root.putArray("jvmArgs");
        sweep.jvmArgs().forEach(jvmArgs::add);
        // no top-level load: each entry carries its own, resolved
        ArrayNode servers = root.putArray("servers");
        for (ServerEntry e : sweep.servers()) {
            ObjectNode entry = servers.addObject();
            ArrayNode apps = entry.putArray("app");
            e.apps().stream().map(App::id).forEach(apps::add);
            threadCounts(entry.putArray("workers"), e.workers());
            threadCounts(entry.putArray("threads"), e.threads());
            ArrayNode vt = entry.putArray("virtualThreads");
            e.virtualThreads().forEach(vt::add);
            ArrayNode processes = entry.putArray("processes");
            e.processes().forEach(processes::add);
            ObjectNode load = entry.putObject("load");
            ArrayNode endpoints = load.putArray("endpoints");
            e.load().endpoints().forEach(endpoints::add);
            ArrayNode concurrency = load.putArray("concurrency");
            e.load().concurrency().forEach(concurrency::add);
        }
        return root;
    }

    private static void threadCounts(ArrayNode array, List<Integer> counts) {
        for (Integer c : counts) {
            if (c == null) {
                array.add("default");
            } else {
                array.add(c);
            }
        }
    }
}
