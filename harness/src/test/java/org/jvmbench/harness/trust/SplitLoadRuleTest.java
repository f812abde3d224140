package org.jvmbench.harness.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.InjectorShare;

class SplitLoadRuleTest {

    private static InjectorShare share(String host, long lagMs, String failure) {
        return new InjectorShare(host, 4, failure == null ? 100 : 0, failure == null ? 100 : 0, 0, 0.5, 1, lagMs, failure);
    }

    @Test
    void oneInjectorAddsNothing() {
        List<Flag> flags = List.of(new Flag(Flag.Code.ERRORS, "x"));

        assertThat(SplitLoadRule.withFlags(flags, List.of(), Duration.ofSeconds(10))).isEqualTo(flags);
    }

    @Test
    void aFailedInjectorFlagsThePointNamingItsHost() {
        List<Flag> flags = SplitLoadRule.withFlags(List.of(new Flag(Flag.Code.COUNT_MISMATCH, "y")),
                List.of(share("a@h1:22", 0, null), share("a@h2:22", 0, "exited (status 137) during p1")), Duration.ofSeconds(10));

        assertThat(flags).extracting(Flag::code).containsExactly(Flag.Code.INJECTOR_FAILED, Flag.Code.COUNT_MISMATCH);
        assertThat(flags.getFirst().reason()).isEqualTo("1 of 2 injectors failed: a@h2:22 exited (status 137) during p1");
    }

    @Test
    void injectorsStartingApartByMoreThanTheShareOfTheDurationAreFlagged() {
        Duration tenSeconds = Duration.ofSeconds(10);

        assertThat(SplitLoadRule.withFlags(List.of(), List.of(share("a", 0, null), share("b", 200, null)), tenSeconds)).isEmpty();
        assertThat(SplitLoadRule.withFlags(List.of(), List.of(share("a", 0, null), share("b", 201, null)), tenSeconds))
                .extracting(Flag::code).containsExactly(Flag.Code.INJECTORS_STAGGERED);
    }

    @Test
    void anInjectorAtItsCpuLimitOverItsPhaseIsSaturated() {
        InjectorShare busy = new InjectorShare("a@h1:22", 4, 100, 100, 0, 0.95, 1, 0, null);

        List<Flag> flags = SplitLoadRule.withFlags(List.of(), List.of(busy, share("a@h2:22", 0, null)), Duration.ofSeconds(10));

        assertThat(flags).extracting(Flag::code).containsExactly(Flag.Code.INJECTOR_SATURATED);
        assertThat(flags.getFirst().reason()).isEqualTo("at 90 % or more of its CPUs over its phase: a@h1:22 used 0.95 of its 1 CPU");
    }
}
