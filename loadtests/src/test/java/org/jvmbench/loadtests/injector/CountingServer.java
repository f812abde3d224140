package org.jvmbench.loadtests.injector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 that answers every path with a fixed status and counts, per
 * path, the requests it answered and the client ports they came from (one port per connection).
 */
final class CountingServer implements AutoCloseable {

    private static final byte[] BODY = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> clientPorts = new ConcurrentHashMap<>();

    CountingServer(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            clientPorts.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            // Counted before answering: by the time the client sees a response, it is counted.
            requests.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, BODY.length);
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

    /** Forgets every count, as if no request had come yet. */
    void reset() {
        requests.clear();
        clientPorts.clear();
    }

    long requests(String path) {
        AtomicLong count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    int connections(String path) {
        Set<Integer> ports = clientPorts.get(path);
        return ports == null ? 0 : ports.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
