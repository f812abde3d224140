package org.jvmbench.harness.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a resolved {@link Sweep} in the schema sweep files use, every key present, with the
 * same records and Jackson configuration {@link SweepReader} reads with, so it reads back to an
 * equal {@code Sweep}: that is what makes {@code --resume} rebuild the same plan.
 */
public final class SweepWriter {

    private SweepWriter() {
    }

    /** The resolved sweep as pretty-printed JSON, e.g. for {@code reports/<run>/sweep.json}. */
    public static String toJson(Sweep sweep) {
        try {
            return SweepJson.JSON.writeValueAsString(sweep) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sweep's records always serialise", e);
        }
    }

    /** The resolved sweep as YAML, readable as a sweep file of its own. */
    public static String toYaml(Sweep sweep) {
        try {
            return SweepJson.YAML.writeValueAsString(sweep);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sweep's records always serialise", e);
        }
    }

    /** The sweep as the tree {@link #toJson} writes: every key, for a report that lists them all. */
    public static ObjectNode toTree(Sweep sweep) {
        return SweepJson.toTree(sweep);
    }

    /** Writes {@link #toJson} to {@code file}, replacing it. */
    public static void writeJson(Sweep sweep, Path file) {
        try {
            Files.writeString(file, toJson(sweep));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
