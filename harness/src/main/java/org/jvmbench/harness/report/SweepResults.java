package org.jvmbench.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepFileException;
import org.jvmbench.harness.plan.SweepReader;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.RunFolder;

/**
 * A sweep folder as reports see it: the sweep as it was resolved, the machine it ran on and
 * every point completed so far. Reading never fails on a sweep that is still running or was
 * interrupted: what cannot be read becomes a warning the reports show.
 *
 * @param sweep       {@code sweep.json}, bound to the sweep schema's records; null when missing or unreadable
 * @param environment {@code environment.json} as is (empty when missing)
 * @param points      the lines of {@code results.jsonl}, in the order they completed
 * @param warnings    one sentence per thing that could not be read
 */
public record SweepResults(Path dir, Sweep sweep, ObjectNode environment, List<PointResult> points,
                       List<String> warnings) {


    public SweepResults {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /** Reads a sweep folder; fails only when the folder holds none of the sweep's files. */
    public static SweepResults load(Path dir) throws IOException {
        RunFolder folder = RunFolder.existing(dir);
        Path sweepFile = folder.sweep();
        Path resultsFile = folder.results();
        List<String> warnings = new ArrayList<>();
        Sweep sweep = readSweep(sweepFile, warnings);
        ObjectNode environment = readObject(folder.environment(), warnings);
        List<PointResult> points = readResults(resultsFile, warnings);
        if (!points.isEmpty() && points.stream().allMatch(p -> p.warmUp() == null)) {
            warnings.add("measured before the harness warmed each server until it settled (no point records its warm-up): "
                    + "throughput may include the JIT's own warm-up, and a point may depend on the points before it; "
                    + "run the sweep again to measure it at steady state");
        }
        return new SweepResults(dir, sweep, environment, points, warnings);
    }

    /** The sweep's name, or the folder's when the sweep file does not say. */
    public String name() {
        String name = sweep == null || sweep.name() == null ? "" : sweep.name();
        return name.isBlank() ? String.valueOf(dir.toAbsolutePath().normalize().getFileName()) : name;
    }

    /** The folder's own name, e.g. {@code 2025-06-01T10-00-00-threads}. */
    public String folderName() {
        return String.valueOf(dir.toAbsolutePath().normalize().getFileName());
    }

    List<PointGroup> groups() {
        return PointGroup.of(points);
    }

    /**
     * The recorded sweep through the same records the harness wrote it with. A report renders
     * without it (a sweep killed before writing it, a file edited by hand): a warning says so.
     */
    private static Sweep readSweep(Path file, List<String> warnings) {
        if (!Files.exists(file)) {
            warnings.add("no " + file.getFileName() + " in the sweep folder");
            return null;
        }
        try {
            return SweepReader.readRecorded(file);
        } catch (SweepFileException e) {
            String problem = e.getMessage().startsWith(file + ": ") ? e.getMessage().substring(file.toString().length() + 2)
                    : e.getMessage();
            warnings.add(file.getFileName() + " cannot be read (" + problem + "); its settings are not shown");
            return null;
        }
    }

    private static ObjectNode readObject(Path file, List<String> warnings) throws IOException {
        if (!Files.exists(file)) {
            warnings.add("no " + file.getFileName() + " in the sweep folder");
            return ReportJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = ReportJson.MAPPER.readTree(file.toFile());
            if (node instanceof ObjectNode object) {
                return object;
            }
            warnings.add(file.getFileName() + " is not a JSON object; ignored");
        } catch (JsonProcessingException e) {
            warnings.add(file.getFileName() + " is not valid JSON (" + e.getOriginalMessage() + "); ignored");
        }
        return ReportJson.MAPPER.createObjectNode();
    }

    private static List<PointResult> readResults(Path file, List<String> warnings) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--;
        }
        Map<String, PointResult> byId = new LinkedHashMap<>();
        boolean newerSchema = false;
        for (int i = 0; i < last; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            PointResult point;
            try {
                point = ReportJson.MAPPER.readValue(line, PointResult.class);
            } catch (JsonProcessingException e) {
                warnings.add(i == last - 1
                        ? RunFolder.RESULTS + " line " + (i + 1) + " is incomplete (the sweep stopped while writing it); skipped"
                        : RunFolder.RESULTS + " line " + (i + 1) + " is not a point result (" + e.getOriginalMessage() + "); skipped");
                continue;
            }
            if (point.key() == null || point.id() == null) {
                warnings.add(RunFolder.RESULTS + " line " + (i + 1) + " has no key or id; skipped");
                continue;
            }
            if (point.schema() > PointResult.SCHEMA_VERSION && !newerSchema) {
                newerSchema = true;
                warnings.add(RunFolder.RESULTS + " has schema " + point.schema() + ", newer than this report's "
                        + PointResult.SCHEMA_VERSION + ": fields it does not know are not shown");
            }
            if (point.flags() == null) {
                point = point.withFlags(List.of());
            }
            if (byId.put(point.id(), point) != null) {
                warnings.add(RunFolder.RESULTS + " has point " + point.id() + " twice (line " + (i + 1)
                        + " kept: a resumed sweep ran it again)");
                // keep the newer line, in the position it completed
                byId.remove(point.id());
                byId.put(point.id(), point);
            }
        }
        return new ArrayList<>(byId.values());
    }
}
