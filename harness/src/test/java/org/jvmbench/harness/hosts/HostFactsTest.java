package org.jvmbench.harness.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostFactsTest {

    @Test
    void theProbesLinesBecomeFacts() {
        HostFacts facts = HostFacts.parse("clk_tck=250\nkernel=6.1.0-18-amd64\ncpus=16\npdeathsig=yes\nhome=/home/bench\n");

        assertThat(facts).isEqualTo(new HostFacts(250, "6.1.0-18-amd64", 16, true, "/home/bench"));
    }

    @Test
    void whatTheHostCouldNotTellGetsTheCautiousValue() {
        HostFacts facts = HostFacts.parse("clk_tck=\nkernel=5.4.0\ncpus=\npdeathsig=no\n");

        assertThat(facts.ticksPerSecond()).isEqualTo(100);
        assertThat(facts.cpus()).isZero();
        assertThat(facts.pdeathsig()).isFalse();
        assertThat(facts.home()).isEmpty();
    }
}
