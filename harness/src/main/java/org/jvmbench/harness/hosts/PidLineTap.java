package org.jvmbench.harness.hosts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Stands between a remote command's stdout and where the caller wants it: takes the first
 * line, the {@link RemoteCommandLine#PID_MARKER} line, for itself, and passes every later
 * byte through unchanged. The pid is known before the command has printed anything.
 */
final class PidLineTap extends OutputStream {

    /** The marker line is short; anything longer means the wrapper did not run. */
    private static final int MAX_LINE = 200;

    private final OutputStream out;
    private final ByteArrayOutputStream firstLine = new ByteArrayOutputStream();
    private final CompletableFuture<RemotePid> pid = new CompletableFuture<>();
    private boolean passing;

    PidLineTap(OutputStream out) {
        this.out = out;
    }

    /** Completes with the pid line, or exceptionally when the first line was not one. */
    CompletableFuture<RemotePid> pid() {
        return pid;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (passing) {
            out.write(b, off, len);
            return;
        }
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                passing = true;
                complete();
                if (i + 1 < off + len) {
                    out.write(b, i + 1, off + len - i - 1);
                }
                return;
            }
            firstLine.write(b[i]);
        }
        if (firstLine.size() > MAX_LINE) {
            // not the wrapper's line: give the bytes to the caller, and say the pid is unknown
            passing = true;
            out.write(firstLine.toByteArray());
            pid.completeExceptionally(new IllegalStateException("no pid line; stdout began with '"
                    + firstLine.toString(StandardCharsets.ISO_8859_1).substring(0, 60) + "...'"));
        }
    }

    private void complete() {
        try {
            pid.complete(RemotePid.parse(firstLine.toString(StandardCharsets.ISO_8859_1)));
        } catch (IllegalArgumentException e) {
            pid.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** End of stdout: a command that printed no full line never reported its pid. */
    @Override
    public synchronized void close() throws IOException {
        if (!passing) {
            pid.completeExceptionally(new IllegalStateException("stdout ended before the pid line"));
        }
        out.close();
    }
}
