package org.jvmbench.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP/1.1 client for the apps under test, timing each request. */
final class Http {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Status, content type, body bytes as text, and the time from send to full body. */
    record Reply(int status, String contentType, String body, Duration elapsed) {
    }

    // HTTP/1.1 on purpose: the JDK client would otherwise offer an h2c upgrade, which is not
    // what the load generator sends.
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Reply get(int port, String pathAndQuery) {
        try {
            return getAsync(port, pathAndQuery, DEFAULT_TIMEOUT).join();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("GET " + pathAndQuery + " on port " + port + " failed", e));
        }
    }

    CompletableFuture<Reply> getAsync(int port, String pathAndQuery, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(timeout)
                .GET()
                .build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.body(),
                        Duration.ofNanos(System.nanoTime() - start)));
    }

    /** True when the path answers 200 within a short timeout; any failure is a "not yet". */
    boolean answers(int port, String path) {
        try {
            return getAsync(port, path, Duration.ofSeconds(2)).join().status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
