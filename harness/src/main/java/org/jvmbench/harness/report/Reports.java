package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of {@code ./bench report DIR} and of the end of every sweep: re-renders
 * every report of a sweep folder from its files, so a report can be made again at any time,
 * also while a sweep runs or after it was interrupted.
 */
public final class Reports {

    /** Every format a sweep folder gets, in the order they are written. */
    static final List<ReportFormat<SweepResults>> FORMATS = List.of(
            new ResultsCsv(), new MarkdownSummary(), new HtmlReport());

    private Reports() {
    }

    /**
     * Reads {@code sweep.json}, {@code environment.json} and {@code results.jsonl} from
     * {@code sweepDir} and writes {@code results.csv}, {@code summary.md} and {@code index.html}
     * beside them.
     *
     * @return the files written, {@code index.html} last
     * @throws IllegalArgumentException when {@code sweepDir} is not a sweep folder
     */
    public static List<Path> render(Path sweepDir) throws IOException {
        SweepResults run = SweepResults.load(sweepDir);
        List<Path> written = new ArrayList<>();
        for (ReportFormat<SweepResults> format : FORMATS) {
            written.add(format.write(run, sweepDir));
        }
        return written;
    }

    /** The question and the answer of a sweep folder, as the terminal prints them before the report's path. */
    public static List<String> answer(Path sweepDir) throws IOException {
        return Answer.of(SweepResults.load(sweepDir)).lines();
    }
}
