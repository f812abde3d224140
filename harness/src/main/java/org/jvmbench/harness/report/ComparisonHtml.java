package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code compare.html}: the comparison as an offline page, tables coloured by verdict and RPS charted per side. */
final class ComparisonHtml implements ReportFormat<Comparison> {

    @Override
    public String fileName() {
        return Comparison.HTML_FILE;
    }

    @Override
    public Path write(Comparison comparison, Path dir) throws IOException {
        Path file = dir.resolve(fileName());
        String title = "Comparison: " + String.join(" vs ",
                comparison.sides().stream().map(Comparison.Side::folder).toList());
        Map<String, Object> page = Map.of(
                "title", title,
                "methodNote", ComparisonMarkdown.methodNote(comparison),
                "comparison", comparison);
        Files.writeString(file, HtmlTemplate.render("compare.html", title, page), StandardCharsets.UTF_8);
        return file;
    }
}
