package org.jvmbench.loadtests.injector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvmbench.loadtests.recording.RunRecording;

/**
 * Writes a result as one JSON object, atomically: the harness polls for the file and must never
 * see half of it, so it is written beside its final name and then renamed.
 *
 * <pre>
 * {"id":"p0003","gatlingExitCode":0,"requests":N,"ok":N,"ko":N,"errors":{"status_500":2,"timeout":1},
 *  "windowStartEpochMs":..,"windowEndEpochMs":..,"windowNanos":..,
 *  "histogramMicros":"&lt;Base64 of HdrHistogram encodeIntoCompressedByteBuffer&gt;",
 *  "perSecond":[120,130,...],"reportDir":"/abs/..." | null,"error":null | "..."}
 * </pre>
 */
final class ResultFile {

    // Jackson from Gatling's own classpath: this module adds no Jackson of its own.
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFile() {
    }

    static void write(InjectorResult result, Path out) throws IOException {
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

    static String toJson(InjectorResult result) {
        RunRecording recording = result.recording();
        ObjectNode json = JSON.createObjectNode();
        json.put("id", result.id());
        json.put("gatlingExitCode", result.gatlingExitCode());
        json.put("requests", recording.requests());
        json.put("ok", recording.ok());
        json.put("ko", recording.ko());
        ObjectNode errors = json.putObject("errors");
        recording.errors().forEach(errors::put);
        json.put("windowStartEpochMs", recording.windowStartEpochMs());
        json.put("windowEndEpochMs", recording.windowEndEpochMs());
        json.put("windowNanos", recording.windowNanos());
        json.put("histogramMicros", recording.encodedHistogram());
        ArrayNode perSecond = json.putArray("perSecond");
        for (long count : recording.perSecond()) {
            perSecond.add(count);
        }
        json.put("reportDir", result.reportDir() == null ? null : result.reportDir().toAbsolutePath().toString());
        json.put("error", result.error());
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a tree we just built", e);
        }
    }
}
