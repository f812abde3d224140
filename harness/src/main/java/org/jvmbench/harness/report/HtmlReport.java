package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Series;

/**
 * {@code index.html}: the page a person opens first. The numbers are computed here, in the
 * same {@link EndpointTable}s the Markdown uses; the page's script only lays them out and
 * draws them.
 */
final class HtmlReport implements ReportFormat<SweepResults> {

    static final String FILE = "index.html";

    /** Files of a point the page links to, by their key in {@link PointResult#files()}. */
    private static final Map<String, String> LINKED_FILES = linkedFiles();

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public Path write(SweepResults run, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, HtmlTemplate.render("index.html", run.name() + " — jvm-server-bench", page(run)),
                StandardCharsets.UTF_8);
        return file;
    }

    record Page(
            String title,
            String folder,
            String description,
            String headerLine,
            String versionsLine,
            String methodNote,
            Map<String, String> sweep,
            Map<String, String> environment,
            List<String> warnings,
            Map<String, String> flagLegend,
            int points,
            List<EndpointTable> endpoints,
            List<RepetitionView> runs) {
    }

    /** One run of one point, for its detail section. */
    record RepetitionView(
            String id,
            String pointId,
            String label,
            int repetition,
            int runs,
            Instant start,
            Instant end,
            Double rps,
            Long p99Micros,
            ResourceUsage resources,
            double errorRatio,
            List<Flag> flags,
            Series series,
            List<Link> files) {
    }

    /** @param exists whether the file was there when the page was written */
    record Link(String label, String path, boolean exists) {
    }

    static Page page(SweepResults run) {
        List<PointGroup> groups = run.groups();
        List<EndpointTable> tables = EndpointTable.of(groups);
        RunDescription description = new RunDescription(run);
        List<RepetitionView> runs = new ArrayList<>();
        for (EndpointTable table : tables) {
            for (Row row : table.rows()) {
                PointGroup group = groups.stream().filter(g -> g.key().id().equals(row.id())).findFirst().orElseThrow();
                for (PointResult r : group.runs()) {
                    runs.add(runView(run, r, group.runs().size()));
                }
            }
        }
        return new Page(run.name(), run.folderName(), description.description(),
                description.headerLine(), description.versionsLine(),
                tables.isEmpty() ? null : MarkdownSummary.methodNote(tables),
                description.sweepSettings(), RunDescription.flatten(run.environment()), run.warnings(),
                FlagLegend.all(), groups.size(), tables, runs);
    }

    private static RepetitionView runView(SweepResults run, PointResult r, int runsOfPoint) {
        PointKey k = r.key();
        List<Link> links = new ArrayList<>();
        if (r.files() != null) {
            LINKED_FILES.forEach((key, label) -> {
                String path = r.files().get(key);
                if (path != null) {
                    links.add(new Link(label, path.replace('\\', '/'), Files.exists(run.dir().resolve(path))));
                }
            });
        }
        return new RepetitionView(r.id(), k.id(), k.label(), r.repetition(), runsOfPoint, r.start(), r.end(),
                r.throughput() == null ? null : r.throughput().rps(),
                r.latency() == null ? null : r.latency().p99Micros(),
                r.resources(), r.throughput() == null ? 0 : r.throughput().errorRatio(), r.flags(), r.series(), links);
    }

    private static Map<String, String> linkedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("gatlingReport", "Gatling report");
        files.put("gatlingLog", "gatling.log");
        files.put("samples", "samples.csv");
        files.put("serverLog", "server log");
        return files;
    }
}
