package org.jvmbench.reactive.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Holds Reactor Netty's HTTP/1.x server to what the servlet engines' own parsers enforce,
 * sitting between the codec and Reactor Netty's {@code HttpTrafficHandler}:
 *
 * <ul>
 *   <li><b>One request at a time.</b> A pipelined request waits here until the response before
 *       it is written. Reactor Netty queues pipelined requests itself, but it reads each one's
 *       {@code Connection: close} on arrival and applies it to the response then in progress:
 *       requests pipelined behind a slow one were dropped and the connection closed (seen with
 *       reactor-netty 1.2.18). Held back here, a request's {@code Connection} header only ever
 *       meets its own response, and every pipelined request is answered, in order.</li>
 *   <li><b>HTTP/1.0 and HTTP/1.1 only.</b> Netty's decoder takes any {@code HTTP/x.y}, and
 *       answered {@code HTTP/9.9} with a 200 in "HTTP/9.9".</li>
 *   <li><b>One {@code Host} header</b>, required in HTTP/1.1 (RFC 9112, section 3.2).</li>
 * </ul>
 *
 * A request failing a rule is marked as a decoding failure, so Reactor Netty answers it
 * exactly as it answers a request it could not parse: 400 and the connection closed, which is
 * what Undertow does for both.
 */
public final class Http11Conformance extends ChannelDuplexHandler {

    /** Requests (and their content) that arrived while an earlier response was still being written. */
    private final Queue<Object> waiting = new ArrayDeque<>();
    /** A request has gone on to Reactor Netty and its response has not been fully written. */
    private boolean responding;
    /** The response being written is a final one (not a 100 Continue). */
    private boolean finalResponse;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (responding || !waiting.isEmpty()) {
                waiting.add(msg);
            } else {
                pass(ctx, request);
            }
        } else if (!waiting.isEmpty()) {
            // Content of the last request waiting: it waits with it.
            waiting.add(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            finalResponse = response.status().codeClass() != HttpStatusClass.INFORMATIONAL;
        }
        boolean last = msg instanceof LastHttpContent && finalResponse;
        ctx.write(msg, promise);
        if (last) {
            finalResponse = false;
            responding = false;
            // Only pipelined requests cost a task: without them the next request passes straight
            // through channelRead. With them, after Reactor Netty's own bookkeeping for this write.
            if (!waiting.isEmpty()) {
                ctx.executor().execute(() -> passNextWaiting(ctx));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseWaiting();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    private void passNextWaiting(ChannelHandlerContext ctx) {
        if (responding || waiting.isEmpty()) {
            return;
        }
        if (!ctx.channel().isActive()) {
            releaseWaiting();
            return;
        }
        pass(ctx, (HttpRequest) waiting.poll());
        while (!waiting.isEmpty() && !(waiting.peek() instanceof HttpRequest)) {
            ctx.fireChannelRead(waiting.poll());
        }
    }

    private void pass(ChannelHandlerContext ctx, HttpRequest request) {
        String broken = brokenRule(request);
        if (broken != null && request.decoderResult().isSuccess()) {
            request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(broken)));
        }
        responding = true;
        ctx.fireChannelRead(request);
    }

    /** The rule the request breaks, or null. */
    static String brokenRule(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        boolean http11 = HttpVersion.HTTP_1_1.equals(version);
        if (!http11 && !HttpVersion.HTTP_1_0.equals(version)) {
            return "unsupported protocol version " + version.text();
        }
        int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
        if (hosts > 1 || (http11 && hosts == 0)) {
            return "Host headers: " + hosts + " (HTTP/1.1 needs exactly one, HTTP/1.0 at most one)";
        }
        return null;
    }

    private void releaseWaiting() {
        Object msg;
        while ((msg = waiting.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
