package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table, padded so it also reads well as plain text. */
final class MarkdownTable {

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable() {
        this.headers = new ArrayList<>();
        this.rightAligned = new ArrayList<>();
    }

    MarkdownTable left(String header) {
        headers.add(header);
        rightAligned.add(false);
        return this;
    }

    MarkdownTable right(String header) {
        headers.add(header);
        rightAligned.add(true);
        return this;
    }

    void row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c.replace("|", "\\|")).toList());
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = Math.max(3, headers.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        out.append('|');
        for (int c = 0; c < headers.size(); c++) {
            out.append(' ');
            if (rightAligned.get(c)) {
                out.append("-".repeat(widths[c] - 1)).append(':');
            } else {
                out.append("-".repeat(widths[c]));
            }
            out.append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(rightAligned.get(c) ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }
}
