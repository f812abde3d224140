package org.jvmbench.harness.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostTest {

    @Test
    void anAddressWithoutPortUsesTheSshPort() {
        Host host = Host.parse("bench@server.lan", CpuSet.parse("0-3"));

        assertThat(host).isEqualTo(new Host("bench", "server.lan", 22, CpuSet.parse("0-3")));
        assertThat(host.knownHostsName()).isEqualTo("server.lan");
        assertThat(host).hasToString("bench@server.lan:22");
    }

    @Test
    void anotherPortIsWrittenInBracketsInKnownHosts() {
        Host host = Host.parse("root@10.0.0.7:2222", null);

        assertThat(host.port()).isEqualTo(2222);
        assertThat(host.knownHostsName()).isEqualTo("[10.0.0.7]:2222");
        assertThat(host.cpus()).isNull();
    }

    @Test
    void anIpv6AddressIsBracketed() {
        Host host = Host.parse("bench@[fd00::1]:2200", null);

        assertThat(host.address()).isEqualTo("fd00::1");
        assertThat(host.port()).isEqualTo(2200);
        assertThat(host).hasToString("bench@[fd00::1]:2200");
        assertThat(Host.parse("bench@[::1]", null).port()).isEqualTo(22);
    }

    @Test
    void aMissingUserOrABadPortIsOneLineNamingTheForm() {
        for (String bad : new String[] {"server.lan", "@server", "bench@", "bench@host:", "bench@host:x", "bench@a:b:c"}) {
            assertThatThrownBy(() -> Host.parse(bad, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad host '" + bad + "' (expected user@host or user@host:port, IPv6 as user@[::1]:22)");
        }
        assertThatThrownBy(() -> Host.parse("bench@host:70000", null)).hasMessage("SSH port must be 1-65535, got 70000");
    }
}
