package org.jvmbench.loadtests.injector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jvmbench.protocol.phase.PhaseResult;

/**
 * Writes a {@link PhaseResult} as one JSON object, atomically: the harness polls for the file
 * and must never see half of it, so it is written beside its final name and then renamed.
 */
final class ResultFile {

    private ResultFile() {
    }

    static void write(PhaseResult result, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, toJson(result) + "\n");
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String toJson(PhaseResult result) throws IOException {
        return PhaseLoop.JSON.writeValueAsString(result);
    }
}
