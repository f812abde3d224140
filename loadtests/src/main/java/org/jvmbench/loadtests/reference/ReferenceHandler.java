package org.jvmbench.loadtests.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.jvmbench.common.BadParameterException;
import org.jvmbench.common.Endpoint;
import org.jvmbench.common.Parameters;

/**
 * Answers {@code GET /json[?items=n]} with the apps' bytes, everything else with 404, on the
 * event loop and without copying the body. Responses are written as requests arrive and flushed
 * once per read, so pipelined requests share a flush.
 */
@ChannelHandler.Sharable
final class ReferenceHandler extends ChannelInboundHandlerAdapter {

    private static final byte[] NOT_FOUND = "not found\n".getBytes(StandardCharsets.UTF_8);

    private final JsonBodies bodies = new JsonBodies();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            // The codec hands a request in parts; a GET's content parts are empty, so only the head counts.
            if (msg instanceof HttpRequest request) {
                respond(ctx, request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        FullHttpResponse response;
        if (!request.method().equals(HttpMethod.GET) || !uri.path().equals(Endpoint.JSON.path())) {
            response = response(HttpResponseStatus.NOT_FOUND, "text/plain", NOT_FOUND);
        } else {
            List<String> items = uri.parameters().get(Parameters.ITEMS.name());
            try {
                byte[] body = bodies.forItems(Parameters.ITEMS.parse(items == null ? null : items.getFirst()));
                response = response(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON.toString(), body);
            } catch (BadParameterException e) {
                response = response(HttpResponseStatus.BAD_REQUEST, "text/plain",
                        (e.parameter() + " " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.write(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
        // wrappedBuffer shares the array: no copy per response.
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client that resets its connection is not news for a load target.
        ctx.close();
    }
}
