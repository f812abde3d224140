package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.KnobException;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --bind 0.0.0.0} is said as every address it listens on, not as 127.0.0.1. */
class EveryInterfaceTest {

    @Test
    void aWildcardBindListsEveryIpv4AddressLoopbackLast() {
        List<InetAddress> every = ForegroundServer.everyInterface("0.0.0.0");

        assertThat(every).isNotEmpty().allMatch(a -> a instanceof Inet4Address);
        assertThat(every.getLast().isLoopbackAddress()).isTrue();
        assertThat(every).anyMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void oneAddressIsNoWildcard() {
        assertThat(ForegroundServer.everyInterface("127.0.0.1")).isNull();
    }

    @Test
    void refusesAnAddressThatIsNoneOrNotThisMachines() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerLauncher.localAddress("999.1.1.1"))
                .isInstanceOf(KnobException.class).hasMessage("--bind: '999.1.1.1' is not an IP address or a host name this machine knows");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerLauncher.localAddress("203.0.113.77"))
                .hasMessage("--bind: 203.0.113.77 is not an address of this machine (none of its network interfaces has it)");
        assertThat(ServerLauncher.localAddress("0.0.0.0").isAnyLocalAddress()).isTrue();
    }
}
