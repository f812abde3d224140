package org.jvmbench.harness.result;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code results.jsonl}: one line per completed point, appended whole (one write, then
 * fsync) the moment the point completes, so an interrupted sweep keeps every point it
 * finished and never half of one.
 */
public final class ResultsLog {

    private static final ObjectMapper JSON = Json.MAPPER;

    private final Path file;

    public ResultsLog(RunFolder folder) {
        this.file = folder.results();
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one point, whole, or fails naming the file and the reason; a failed append
     * leaves the file as it was (a torn line is cut off again by {@link #repair}).
     */
    public synchronized void append(PointResult result) throws IOException {
        byte[] line = (JSON.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = Files.exists(file) ? Files.size(file) : 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException e) {
                channel.truncate(before);
                throw e;
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + RunFolder.reason(e), e);
        }
    }

    /** Every complete line; a torn last line (a crash mid-write) is ignored. */
    public List<PointResult> read() throws IOException {
        return read(file);
    }

    public static List<PointResult> read(Path file) throws IOException {
        List<PointResult> results = new ArrayList<>();
        if (!Files.exists(file)) {
            return results;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                PointResult result = JSON.readValue(line, PointResult.class);
                if (result.schema() > PointResult.SCHEMA_VERSION) {
                    throw new IOException(file + " line " + (i + 1) + " has schema " + result.schema()
                            + "; this harness reads schema " + PointResult.SCHEMA_VERSION + " and older");
                }
                results.add(result);
            } catch (com.fasterxml.jackson.core.JacksonException torn) {
                if (i != lines.size() - 1) {
                    throw new IOException(file + " line " + (i + 1) + " is not a result: " + torn.getOriginalMessage());
                }
            }
        }
        return results;
    }

    /** Ids of the points already completed, for {@code --resume}. */
    public Set<String> completedIds() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        read().forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** Removes a torn last line before appending after a crash, so the file stays one JSON object per line. */
    public void repair() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end != bytes.length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
    }
}
