package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void anAnnouncedBodyIsRefusedWith413AndTheConnectionClosed() {
        assertThat(Refusal.of("GET", 10L * 1024 * 1024, false, "/json")).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(413);
            assertThat(refusal.body()).isEqualTo(new ErrorBody("content too large", "/json"));
            assertThat(refusal.closeConnection()).isTrue();
        });
        assertThat(Refusal.of("GET", 1, false, "/json")).map(Refusal::status).hasValue(413);
        assertThat(Refusal.of("POST", -1, true, "/json")).map(Refusal::status).hasValue(413);
    }

    @Test
    void anEmptyBodyIsNoBody() {
        assertThat(Refusal.of("GET", 0, false, "/json")).isEmpty();
        assertThat(Refusal.of("GET", -1, false, "/json")).isEmpty();
    }

    @Test
    void traceIsRefusedWith405OnEveryPath() {
        assertThat(Refusal.of("TRACE", -1, false, "/nowhere")).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(405);
            assertThat(refusal.body()).isEqualTo(new ErrorBody("method not allowed", "/nowhere"));
            assertThat(refusal.allow()).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(refusal.closeConnection()).isFalse();
        });
        assertThat(Refusal.of("TRACE", -1, false, "/json")).map(Refusal::status).hasValue(405);
    }

    @Test
    void otherMethodsGoOnToRouting() {
        assertThat(Refusal.of("POST", -1, false, "/json")).isEmpty();
        assertThat(Refusal.of("OPTIONS", -1, false, "/json")).isEmpty();
        assertThat(Refusal.of("HEAD", -1, false, "/json")).isEmpty();
        // methods are case-sensitive: this one is unknown, and routing answers it
        assertThat(Refusal.of("trace", -1, false, "/json")).isEmpty();
    }

    @Test
    void everyExpectedStatusHasItsOwnWords() {
        assertThat(ErrorBody.notFound("/x")).isEqualTo(new ErrorBody("not found", "/x"));
        assertThat(ErrorBody.forStatus(418, "/x").error()).isEqualTo("http status 418");
    }
}
