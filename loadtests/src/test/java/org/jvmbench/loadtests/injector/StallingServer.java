package org.jvmbench.loadtests.injector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 that answers at once, except that it stops answering for
 * {@code stall} every {@code period}: a request that arrives during a stall is answered when the
 * stall ends. The cycle starts at the first request after {@link #restartCycle()} (or after it
 * is made), so every run sees its first stall at the same point: {@code stallsAfter} into it.
 * Every request gets a virtual thread, so a stall holds any number of them.
 */
final class StallingServer implements AutoCloseable {

    private static final byte[] BODY = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final long periodNanos;
    private final long stallsAfterNanos;
    private final long stallNanos;
    private final AtomicLong cycleStart = new AtomicLong(NOT_STARTED);
    private final AtomicLong stalled = new AtomicLong();

    StallingServer(Duration period, Duration stallsAfter, Duration stall) throws IOException {
        this.periodNanos = period.toNanos();
        this.stallsAfterNanos = stallsAfter.toNanos();
        this.stallNanos = stall.toNanos();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            cycleStart.compareAndSet(NOT_STARTED, now);
            long intoCycle = Math.floorMod(now - cycleStart.get(), periodNanos);
            if (intoCycle >= stallsAfterNanos && intoCycle < stallsAfterNanos + stallNanos) {
                stalled.incrementAndGet();
                long stallEnds = now + (stallsAfterNanos + stallNanos - intoCycle);
                for (long left = stallEnds - System.nanoTime(); left > 0; left = stallEnds - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BODY);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request starts a new cycle. */
    void restartCycle() {
        cycleStart.set(NOT_STARTED);
        stalled.set(0);
    }

    /** Requests held by a stall since the cycle last started. */
    long stalledRequests() {
        return stalled.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
