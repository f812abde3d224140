package org.jvmbench.harness.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One output file made from a model ({@link SweepResults} or {@link Comparison}). Each format is
 * locked by a golden-file or browser test.
 */
public interface ReportFormat<M> {

    /** The file name this format writes, e.g. {@code summary.md}. */
    String fileName();

    /** Writes {@link #fileName()} into {@code dir}, replacing it, and returns its path. */
    Path write(M model, Path dir) throws IOException;
}
