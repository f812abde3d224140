package org.jvmbench.common;

import java.util.Optional;

/**
 * A request both apps refuse before routing, with the same status and body on every engine.
 * The engines disagree about these when left alone: a GET announcing a body of 10 MiB got a
 * 500 from Undertow (its 2 MiB entity limit tripped while it drained the unread body) and a 200
 * from Reactor Netty; {@code TRACE} was echoed back with every request header by the servlet
 * app (a cross-site tracing aid) and refused by the reactive one. Checked in one place, they
 * cannot drift apart.
 *
 * <ul>
 *   <li>Any request that announces content (a {@code Content-Length} above zero, or any
 *       {@code Transfer-Encoding}): 413. No endpoint takes a body, so the largest body the
 *       apps accept is zero bytes; the body is never read, so the connection is closed after
 *       the answer rather than drained.</li>
 *   <li>{@code TRACE} on any path: 405.</li>
 * </ul>
 *
 * @param status          the HTTP status to answer
 * @param body            the shared error body
 * @param allow           the {@code Allow} header to send with a 405, else {@code null}
 * @param closeConnection true when the connection must close after the answer (a body was left unread)
 */
public record Refusal(int status, ErrorBody body, String allow, boolean closeConnection) {

    /** What a 405 tells the client it may use instead: every endpoint answers these. */
    public static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";

    /**
     * @param method           the request method as sent
     * @param contentLength    the {@code Content-Length} value, or -1 when absent
     * @param transferEncoding true when the request has a {@code Transfer-Encoding} header
     * @param path             the request path, for the body
     * @return the refusal, or empty when the request may go on to routing
     */
    public static Optional<Refusal> of(String method, long contentLength, boolean transferEncoding, String path) {
        if (contentLength > 0 || transferEncoding) {
            return Optional.of(new Refusal(413, ErrorBody.forStatus(413, path), null, true));
        }
        // Methods are case-sensitive (RFC 9110): "trace" is some other, unknown method.
        if ("TRACE".equals(method)) {
            return Optional.of(new Refusal(405, ErrorBody.forStatus(405, path), ALLOWED_METHODS, false));
        }
        return Optional.empty();
    }
}
