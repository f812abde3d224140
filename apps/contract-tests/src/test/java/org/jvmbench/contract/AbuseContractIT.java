package org.jvmbench.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests a hostile or broken client sends, written byte for byte on a bare socket: every app
 * on every engine must answer each with the one status chosen for it (apps/README.md, "Abuse"),
 * never a 500, and with the same bytes where the app, not the engine's parser, answers.
 */
@ExtendWith(ContractApps.class)
class AbuseContractIT {

    /** Long enough for any answer on a loaded CI machine; a server that keeps a connection open is waited for this long. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    private static RawHttp.Exchange send(ContractApps.Launch launch, String request) {
        return RawHttp.send(ContractApps.app(launch).port(), request, QUIET);
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void aRequestForTheErrorPathIsA404LikeAnyUnknownPath(ContractApps.Launch launch) {
        RawHttp.Response response = send(launch, "GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").only();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"not found\",\"path\":\"/error\"}");
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void aGetAnnouncingTenMebibytesIsRefused413AtOnceAndTheConnectionClosed(ContractApps.Launch launch) {
        // The body is never sent: the server must answer without waiting for it, and close.
        RawHttp.Exchange exchange = send(launch, "GET /json HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n");

        RawHttp.Response response = exchange.only();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"content too large\",\"path\":\"/json\"}");
        assertThat(exchange.closedByServer()).as("connection closed after the 413").isTrue();
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void anyAnnouncedBodyIsRefused413WhateverItsSizeOrFraming(ContractApps.Launch launch) {
        List<String> requests = List.of(
                "GET /json HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\nConnection: close\r\n\r\n",
                "GET /json HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
                "GET /json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        for (String request : requests) {
            assertThat(send(launch, request).only().status()).as(request).isEqualTo(413);
        }
        // An empty body is no body.
        assertThat(send(launch, "GET /json HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .only().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void traceIsRefused405OnEveryPathAndEchoesNothing(ContractApps.Launch launch) {
        for (String path : List.of("/json", "/nowhere")) {
            RawHttp.Response response = send(launch,
                    "TRACE " + path + " HTTP/1.1\r\nHost: x\r\nX-Secret: s3cr3t\r\nConnection: close\r\n\r\n").only();

            assertThat(response.status()).as(path).isEqualTo(405);
            assertThat(response.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(response.body()).isEqualTo("{\"error\":\"method not allowed\",\"path\":\"" + path + "\"}")
                    .doesNotContain("s3cr3t");
        }
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void aMethodThePathDoesNotTakeIsA405WithTheSharedBody(ContractApps.Launch launch) {
        for (String method : List.of("POST", "DELETE", "FOO")) {
            RawHttp.Response response = send(launch, method + " /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").only();

            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.body()).isEqualTo("{\"error\":\"method not allowed\",\"path\":\"/json\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void pipelinedRequestsBehindASlowOneAreAllAnsweredInOrder(ContractApps.Launch launch) {
        // The last one asks to close: that must apply after its own response, not the first one's.
        RawHttp.Exchange exchange = send(launch, """
                GET /io?ms=300 HTTP/1.1\r
                Host: x\r
                \r
                GET /json?items=1 HTTP/1.1\r
                Host: x\r
                \r
                GET /io?ms=0 HTTP/1.1\r
                Host: x\r
                Connection: close\r
                \r
                """);

        assertThat(exchange.responses()).extracting(RawHttp.Response::status).containsExactly(200, 200, 200);
        assertThat(exchange.responses().get(0).body()).contains("\"waitedMs\":300");
        assertThat(exchange.responses().get(1).body()).contains("\"count\":1");
        assertThat(exchange.responses().get(2).body()).contains("\"waitedMs\":0");
        assertThat(exchange.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void http11WithoutExactlyOneHostIsA400(ContractApps.Launch launch) {
        assertThat(send(launch, "GET /json HTTP/1.1\r\nConnection: close\r\n\r\n").only().status())
                .as("no Host").isEqualTo(400);
        assertThat(send(launch, "GET /json HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n").only().status())
                .as("two Hosts").isEqualTo(400);
        // HTTP/1.0 has no Host requirement.
        assertThat(send(launch, "GET /json HTTP/1.0\r\n\r\n").only().status()).as("HTTP/1.0").isEqualTo(200);
    }

    /**
     * The one case where the engines' own parsers disagree and no setting reconciles them:
     * Tomcat and Jetty answer 505, Undertow 400; the reactive app answers as Undertow does.
     */
    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void anUnknownProtocolVersionIsRefusedAsItsEngineDoes(ContractApps.Launch launch) {
        int expected = launch == ContractApps.Launch.SERVLET_TOMCAT || launch == ContractApps.Launch.SERVLET_JETTY ? 505 : 400;

        RawHttp.Exchange exchange = send(launch, "GET /json HTTP/9.9\r\nHost: x\r\n\r\n");

        assertThat(exchange.only().status()).isEqualTo(expected);
        assertThat(exchange.only().statusLine()).startsWith("HTTP/1.1 ");
        assertThat(exchange.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ContractApps.Launch.class)
    void unparseableRequestsAre400s(ContractApps.Launch launch) {
        assertThat(send(launch, "HELLO\r\n\r\n").only().status()).as("no request line").isEqualTo(400);
        assertThat(send(launch, "GET /json HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").only().status())
                .as("bad Content-Length").isEqualTo(400);
    }
}
