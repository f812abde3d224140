package org.jvmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.WarmUp;

/**
 * A configuration that hangs during its first warm-up has no point to carry its memory, so the
 * reason it was not measured says what the server held when it was given up.
 */
class WarmUpOutcomeTest {

    private static final long GIB = 1L << 30;

    @Test
    void aServerThatHungSaysWhatItHeldWhenGivenUp() {
        WarmUpLoop.Outcome hung = new WarmUpLoop.Outcome(null, "the server hung during the warm-up: no response completed for 9 s", false);

        assertThat(hung.holding(() -> GIB).failure())
                .isEqualTo("the server hung during the warm-up: no response completed for 9 s; 1024 MB resident when given up");
        assertThat(hung.holding(() -> GIB).died()).isFalse();
    }

    @Test
    void aServerThatDiedOrSettledIsLeftAsItWas() {
        WarmUpLoop.Outcome died = new WarmUpLoop.Outcome(null, "the server died during the warm-up", true);
        WarmUpLoop.Outcome settled = new WarmUpLoop.Outcome(WarmUp.builder().endpoint("/json").users(64).settled(true)
                .seconds(25.0).requests(1_000).sinceStartSeconds(31.2).verdict("settled").build(),
                null, false);

        LongSupplier unread = () -> {
            throw new AssertionError("the memory of a server that did not hang is not read");
        };

        assertThat(died.holding(unread)).isSameAs(died);
        assertThat(settled.holding(unread)).isSameAs(settled);
    }
}
