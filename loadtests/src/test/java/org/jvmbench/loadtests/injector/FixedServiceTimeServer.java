package org.jvmbench.loadtests.injector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 whose every answer takes a known time on one of a fixed number
 * of threads, so its capacity is known: {@code threads / serviceTime} requests per second. The
 * time is waited, not computed, so it holds on a busy machine.
 */
final class FixedServiceTimeServer implements AutoCloseable {

    private static final byte[] BODY = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final int threads;
    private final Duration serviceTime;

    FixedServiceTimeServer(int threads, Duration serviceTime) throws IOException {
        this.threads = threads;
        this.serviceTime = serviceTime;
        this.executor = Executors.newFixedThreadPool(threads);
        long serviceNanos = serviceTime.toNanos();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", exchange -> {
            long done = System.nanoTime() + serviceNanos;
            exchange.getRequestBody().readAllBytes();
            for (long left = done - System.nanoTime(); left > 0; left = done - System.nanoTime()) {
                LockSupport.parkNanos(left);
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

    /** Requests per second it can answer at most. */
    double capacityPerSecond() {
        return threads * 1e9 / serviceTime.toNanos();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
