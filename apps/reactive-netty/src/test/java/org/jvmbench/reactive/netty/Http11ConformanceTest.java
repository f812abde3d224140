package org.jvmbench.reactive.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

class Http11ConformanceTest {

    private static HttpRequest get(String uri, HttpVersion version, String... hosts) {
        HttpRequest request = new DefaultHttpRequest(version, HttpMethod.GET, uri);
        for (String host : hosts) {
            request.headers().add(HttpHeaderNames.HOST, host);
        }
        return request;
    }

    @Test
    void aPipelinedRequestWaitsUntilTheResponseBeforeItIsWritten() {
        EmbeddedChannel channel = new EmbeddedChannel(new Http11Conformance());

        channel.writeInbound(get("/slow", HttpVersion.HTTP_1_1, "x"), LastHttpContent.EMPTY_LAST_CONTENT,
                get("/next", HttpVersion.HTTP_1_1, "x"), LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(((HttpRequest) channel.readInbound()).uri()).isEqualTo("/slow");
        assertThat((Object) channel.readInbound()).isEqualTo(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat((Object) channel.readInbound()).as("held back while /slow is answered").isNull();

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        channel.runPendingTasks();
        assertThat((Object) channel.readInbound()).as("a 100 Continue is no answer").isNull();

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.runPendingTasks();
        assertThat(((HttpRequest) channel.readInbound()).uri()).isEqualTo("/next");
        assertThat((Object) channel.readInbound()).isEqualTo(LastHttpContent.EMPTY_LAST_CONTENT);
        channel.finishAndReleaseAll();
    }

    @Test
    void aRequestBreakingARuleGoesOnMarkedUndecodable() {
        EmbeddedChannel channel = new EmbeddedChannel(new Http11Conformance());

        channel.writeInbound(get("/json", HttpVersion.valueOf("HTTP/9.9"), "x"));

        HttpRequest passed = channel.readInbound();
        assertThat(passed.decoderResult().isFailure()).isTrue();
        assertThat(passed.decoderResult().cause()).hasMessageContaining("HTTP/9.9");
        channel.finishAndReleaseAll();
    }

    @Test
    void http11NeedsExactlyOneHostAndHttp10AtMostOne() {
        assertThat(Http11Conformance.brokenRule(get("/", HttpVersion.HTTP_1_1, "x"))).isNull();
        assertThat(Http11Conformance.brokenRule(get("/", HttpVersion.HTTP_1_1))).contains("Host");
        assertThat(Http11Conformance.brokenRule(get("/", HttpVersion.HTTP_1_1, "a", "b"))).contains("Host");
        assertThat(Http11Conformance.brokenRule(get("/", HttpVersion.HTTP_1_0))).isNull();
        assertThat(Http11Conformance.brokenRule(get("/", HttpVersion.HTTP_1_0, "a", "b"))).contains("Host");
    }
}
