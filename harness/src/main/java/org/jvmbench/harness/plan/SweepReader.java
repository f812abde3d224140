package org.jvmbench.harness.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvmbench.harness.environment.Machine;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a sweep file (YAML, or the JSON {@link SweepWriter} writes) into a resolved
 * {@link Sweep}, or fails with a {@link SweepFileException} whose message is one line:
 * {@code <file>: <where>: <problem>}. Three steps, each with its own owner: the syntax
 * (Jackson, with the line of a syntax error), the values and records ({@link SweepJson}'s
 * parsers and the records' constructors), and the rules across them and against the machine
 * ({@link SweepRules}). Resolved files go through the same checks, so a hand-edited
 * {@code sweep.json} cannot slip past them on resume.
 */
public final class SweepReader {

    private SweepReader() {
    }

    /** The two syntaxes a sweep comes in: YAML as people write it, JSON as {@link SweepWriter} records it. */
    public enum Format {
        YAML, JSON
    }

    /**
     * Reads and checks a sweep file against this machine's memory and limits.
     *
     * @param file        a {@code .yaml}/{@code .yml} sweep or a {@code .json} resolved sweep; named in messages as given
     * @param machineCpus CPUs the CPU sets are checked against (0 .. n-1)
     */
    public static Sweep read(Path file, int machineCpus) {
        return read(file, Machine.local().withCpus(machineCpus));
    }

    /** Reads and checks a sweep file against {@code machine}. */
    public static Sweep read(Path file, Machine machine) {
        String fileName = file.getFileName().toString();
        Format format = fileName.endsWith(".json") ? Format.JSON : Format.YAML;
        String name = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        return parse(text(file), format, file.toString(), name, machine);
    }

    /**
     * A run folder's {@code sweep.json} as a report reads it: bound to the same records, but
     * not checked against this machine nor resolved, since a report may be rendered anywhere.
     */
    public static Sweep readRecorded(Path file) {
        JsonNode tree = syntax(text(file), Format.JSON, file.toString());
        return bind(tree, new Places(file.toString(), tree), null);
    }

    /** Reads sweep text, checking it against a machine like this one with {@code machineCpus} CPUs. */
    public static Sweep parse(String text, Format format, String label, String defaultName, int machineCpus) {
        return parse(text, format, label, defaultName, Machine.local().withCpus(machineCpus));
    }

    /**
     * Reads sweep text.
     *
     * @param label       how messages name the file
     * @param defaultName the name when the text gives none
     */
    public static Sweep parse(String text, Format format, String label, String defaultName, Machine machine) {
        JsonNode tree = syntax(text, format, label);
        Places at = new Places(label, tree);
        Sweep bound = bind(tree, at, machine.cpus());
        return new SweepRules(machine, at).resolve(bound, defaultName, leadingComment(text));
    }

    private static Sweep bind(JsonNode tree, Places at, Integer machineCpus) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw at.fail("", "empty file: expected settings and a 'servers' list");
        }
        if (!tree.isObject()) {
            throw at.fail("", "expected a mapping of settings at the top, got " + (tree.isArray() ? "a list" : "text '" + tree.asText() + "'"));
        }
        try {
            return SweepJson.bind(tree, machineCpus);
        } catch (JsonMappingException e) {
            throw at.binding(e);
        } catch (IOException e) {
            throw at.fail("", "cannot read: " + e.getMessage());
        }
    }

    private static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new SweepFileException(file + ": is a folder, not a sweep file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SweepFileException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new SweepFileException(file + ": not a text file (it is not UTF-8): a sweep file is YAML");
        } catch (IOException e) {
            throw new SweepFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The syntax tree, or the syntax error with its line. */
    private static JsonNode syntax(String text, Format format, String label) {
        try {
            return SweepJson.tree(text, format);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location != null ? location.getLineNr() : -1;
            String problem = firstLine(e.getOriginalMessage());
            // SnakeYAML's message opens with the context ("while parsing a flow mapping")
            // and names the actual problem, and its line, further down
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
                problem = yaml.getProblem().strip() + (yaml.getContext() != null ? " (" + yaml.getContext().strip() + ")" : "");
                if (yaml.getProblemMark() != null) {
                    line = yaml.getProblemMark().getLine() + 1;
                }
            }
            throw new SweepFileException(label + ": " + (line > 0 ? "line " + line + ": " : "") + format + " syntax error: "
                    + problem, e);
        }
    }

    /** The leading comment lines, without their {@code #}: the question a sweep file opens with. */
    static String leadingComment(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String t = line.strip();
            if (t.isEmpty() && lines.isEmpty()) {
                continue;
            }
            if (!t.startsWith("#")) {
                break;
            }
            lines.add(t.substring(1).strip());
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }
}
