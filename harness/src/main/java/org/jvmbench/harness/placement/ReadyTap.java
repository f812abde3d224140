package org.jvmbench.harness.placement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jvmbench.protocol.phase.PhaseCommand;

/**
 * A remote injector's stdout: every byte goes on to its log file, and the start barrier's ready
 * lines ({@link PhaseCommand#READY_PREFIX}) are noted as they pass, for {@link #awaitReady}.
 * The SSH client writes from its own threads, so the state is guarded by this object.
 */
final class ReadyTap extends OutputStream {

    private final OutputStream log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Set<String> ready = new HashSet<>();
    private boolean closed;

    ReadyTap(OutputStream log) {
        this.log = log;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        take(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        log.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            take(b[i]);
        }
    }

    private void take(int b) {
        if (b != '\n') {
            line.write(b);
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (text.startsWith(PhaseCommand.READY_PREFIX)) {
            ready.add(text.substring(PhaseCommand.READY_PREFIX.length()));
            notifyAll();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        notifyAll();
        log.close();
    }

    /** Waits until the injector answered ready for {@code id}; false on timeout or when its output ended. */
    synchronized boolean awaitReady(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.remove(id)) {
            long left = deadline - System.nanoTime();
            if (closed || left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
