package org.jvmbench.harness.server;

import org.jvmbench.protocol.info.InfoBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server whose /info disagrees with what was asked is refused, not measured under the wrong label. */
class LaunchVerificationTest {

    private static final URI URL = URI.create("http://127.0.0.1:9000");

    private static InfoBody info(boolean virtualThreads, boolean starvation) throws Exception {
        return new ObjectMapper().readValue("""
                {"app":"servlet","engine":"undertow","pid":1,"availableProcessors":1,
                 "effective":{"workers":1,"threads":4,"virtualThreads":%s,"starvation":%s,"detail":{}},
                 "requests":{"/cpu":0}}
                """.formatted(virtualThreads, starvation), InfoBody.class);
    }

    private static ServerSpec servlet(boolean virtualThreads, boolean starvation) {
        return new ServerSpec(App.SERVLET, 1, 1, 4, virtualThreads, starvation, "127.0.0.1", 9000, HeapSize.parse("128m"), Gc.SERIAL, null, List.of());
    }

    @Test
    void readsTheEffectiveStarvationMode() throws Exception {
        assertThat(info(false, true).effective().starvation()).isTrue();
        assertThat(info(false, false).effective().starvation()).isFalse();
    }

    @Test
    void acceptsAServerRunningTheAskedStarvationMode() {
        assertThatCode(() -> ServerLauncher.verify(servlet(true, true), info(true, true), URL)).doesNotThrowAnyException();
        assertThatCode(() -> ServerLauncher.verify(servlet(false, false), info(false, false), URL)).doesNotThrowAnyException();
    }

    @Test
    void refusesAServerWhoseStarvationModeIsNotTheAskedOne() {
        assertThatThrownBy(() -> ServerLauncher.verify(servlet(false, true), info(false, false), URL))
                .isInstanceOf(ServerStartException.class)
                .hasMessage("the server on http://127.0.0.1:9000 runs starvation false instead of true");
        assertThatThrownBy(() -> ServerLauncher.verify(servlet(false, false), info(false, true), URL))
                .hasMessage("the server on http://127.0.0.1:9000 runs starvation true instead of false");
    }
}
