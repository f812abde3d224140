package org.jvmbench.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.x over a bare socket, for the requests an HTTP client would refuse to send or would
 * tidy up (no Host, an unknown version, a Content-Length with no body, pipelining): the bytes
 * go out exactly as written, and every response that comes back is parsed, in order.
 */
final class RawHttp {

    /** One parsed response; header names in lower case. */
    record Response(String statusLine, int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * What came back on the connection.
     *
     * @param closedByServer true when the server closed the connection before the read deadline
     */
    record Exchange(List<Response> responses, boolean closedByServer, String raw) {

        Response only() {
            if (responses.size() != 1) {
                throw new AssertionError("expected one response, got " + responses.size() + ":\n" + raw);
            }
            return responses.getFirst();
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} (CRLF line ends are the caller's) and reads until the server closes
     * the connection or {@code quiet} passes with nothing more arriving.
     */
    static Exchange send(int port, String request, Duration quiet) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) quiet.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = readUntilClosedOrQuiet(socket.getInputStream(), received);
            String raw = received.toString(StandardCharsets.ISO_8859_1);
            return new Exchange(parse(raw), closed, raw);
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to port " + port + " failed", e);
        }
    }

    private static boolean readUntilClosedOrQuiet(InputStream in, ByteArrayOutputStream received) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException quiet) {
            return false;
        } catch (IOException reset) {
            // A server that closes with request bytes unread sends a reset: closed all the same.
            return true;
        }
    }

    /** Splits a byte stream into responses, framing each by Content-Length, chunks or the close. */
    static List<Response> parse(String raw) {
        List<Response> responses = new ArrayList<>();
        int at = 0;
        while (at < raw.length()) {
            int headEnd = raw.indexOf("\r\n\r\n", at);
            if (headEnd < 0) {
                throw new AssertionError("incomplete response head at byte " + at + ":\n" + raw);
            }
            String[] lines = raw.substring(at, headEnd).split("\r\n");
            String statusLine = lines[0];
            String[] parts = statusLine.split(" ", 3);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int bodyStart = headEnd + 4;
            String body;
            if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.get("content-length"));
                body = raw.substring(bodyStart, Math.min(raw.length(), bodyStart + length));
                at = bodyStart + length;
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                StringBuilder chunks = new StringBuilder();
                int cursor = bodyStart;
                while (true) {
                    int lineEnd = raw.indexOf("\r\n", cursor);
                    int size = Integer.parseInt(raw.substring(cursor, lineEnd).trim(), 16);
                    cursor = lineEnd + 2;
                    if (size == 0) {
                        cursor = raw.indexOf("\r\n", cursor) + 2;
                        break;
                    }
                    chunks.append(raw, cursor, cursor + size);
                    cursor += size + 2;
                }
                body = chunks.toString();
                at = cursor;
            } else {
                body = raw.substring(bodyStart);
                at = raw.length();
            }
            responses.add(new Response(statusLine, Integer.parseInt(parts[1]), headers, body));
        }
        return responses;
    }
}
