package org.jvmbench.loadtests.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvmbench.common.JsonDocument;

/**
 * The reference target answers /json with the apps' bytes. The apps let Spring Boot's Jackson
 * write {@link JsonDocument}; Spring Boot changes nothing in Jackson's defaults that touches a
 * record of numbers and strings, so a plain {@link ObjectMapper} (Gatling's, on this classpath)
 * writes what they write.
 */
class ReferenceServerTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ReferenceServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = ReferenceServer.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyDocumentIsWrittenByteForByteAsJacksonWritesTheRecord() throws IOException {
        for (int items = 1; items <= 1000; items++) {
            JsonDocument document = JsonDocument.generate(items);
            assertThat(JsonBodies.write(document)).as("items=%d", items).isEqualTo(JACKSON.writeValueAsString(document));
        }
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() throws IOException {
        JsonDocument odd = new JsonDocument(1, "quote \" backslash \\ tab \t nl \n cr \r bell \u0007 bs \b ff \f é €",
                List.of(new JsonDocument.Item(1, "\u0000\u001f", 0.1, 1, 1e-7, 1e21, List.of("", "\"\\", "naïve"))));

        assertThat(JsonBodies.write(odd)).isEqualTo(JACKSON.writeValueAsString(odd));
    }

    @Test
    void jsonAnswersWithTheBytesOfItsItemsAsJson() throws Exception {
        for (String query : List.of("", "?items=1", "?items=10", "?items=1000")) {
            HttpResponse<byte[]> response = get("/json" + query);
            int items = query.isEmpty() ? 10 : Integer.parseInt(query.substring("?items=".length()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(response.body()).as(query).isEqualTo(JACKSON.writeValueAsBytes(JsonDocument.generate(items)));
        }
    }

    @Test
    void anItemsCountTheAppsRefuseIsRefused() throws Exception {
        assertThat(get("/json?items=0").statusCode()).isEqualTo(400);
        assertThat(get("/json?items=1001").statusCode()).isEqualTo(400);
        assertThat(new String(get("/json?items=many").body(), StandardCharsets.UTF_8)).contains("items");
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertThat(get("/io?ms=10").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    @Test
    void pipelinedRequestsOnOneKeptAliveConnectionAreAllAnswered() throws IOException {
        byte[] body = JACKSON.writeValueAsBytes(JsonDocument.generate(2));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            String request = "GET /json?items=2 HTTP/1.1\r\nHost: reference\r\n\r\n";
            out.write((request + request + request).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                assertThat(readResponseBody(in)).as("response %d", i + 1).isEqualTo(body);
            }
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length and returns its body. */
    private static byte[] readResponseBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("connection still open").isNotNegative();
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase();
        assertThat(headers).startsWith("http/1.1 200");
        int start = headers.indexOf("content-length:") + "content-length:".length();
        int length = Integer.parseInt(headers.substring(start, headers.indexOf("\r\n", start)).trim());
        return in.readNBytes(length);
    }

    @Test
    void theReadyLineNamesTheAddressToConnectTo() {
        assertThat(server.readyLine()).startsWith(ReferenceServer.READY + "127.0.0.1:" + server.port() + " (netty ");
    }

    @Test
    void theCommandLineNeedsAPortAndAnAddress() {
        assertThat(ReferenceServer.Options.parse("--port", "8090", "--bind", "127.0.0.1"))
                .isEqualTo(new ReferenceServer.Options(8090, "127.0.0.1", Runtime.getRuntime().availableProcessors()));
        assertThat(ReferenceServer.Options.parse("--bind", "0.0.0.0", "--port", "0", "--threads", "2").threads()).isEqualTo(2);
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceServer.Options.parse("--port", "8090"))
                .withMessageContaining("--bind");
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceServer.Options.parse("--port", "http", "--bind", "x"))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceServer.Options.parse("--port", "1", "--bind", "x", "--fast", "1"))
                .withMessageContaining("--fast");
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceServer.Options.parse("--port"))
                .withMessageContaining("--port");
    }
}
