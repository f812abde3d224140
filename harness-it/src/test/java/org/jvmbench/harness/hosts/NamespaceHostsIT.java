package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The namespace-hosts fixture itself, on the two ways a machine made it fail: a Docker daemon's
 * FORWARD policy (DROP), which swallowed the traffic between the namespaces, and what an
 * earlier failed class left behind ("RTNETLINK answers: File exists"). Each test makes its own
 * fixture: two at once in one JVM would wait on each other's lock.
 */
class NamespaceHostsIT {

    @Test
    void theInjectorHostsReachTheServerHostWhereForwardedTrafficIsDropped() throws Exception {
        NamespaceHosts hosts = new NamespaceHosts();
        hosts.requireWhatItNeeds();
        hosts.beforeAll(null);
        // last in FORWARD, where a Docker daemon's DROP policy acts (bridged packets pass FORWARD with br_netfilter)
        List<String> drop = List.of("FORWARD", "-s", "10.77.0.0/24", "-j", "DROP");
        try {
            sh("iptables -w -A " + String.join(" ", drop));
            for (String injector : List.of(NamespaceHosts.INJECTOR_1, NamespaceHosts.INJECTOR_2)) {
                // bash's /dev/tcp: a TCP connection to the server host's sshd, from inside the injector's namespace
                assertThat(sh("ip netns exec " + injector + " timeout 5 bash -c 'exec 3<>/dev/tcp/10.77.0.1/22 && head -c 7 <&3'"))
                        .as("%s connects to the server host's sshd", injector).isEqualTo("SSH-2.0");
            }
        } finally {
            sh("iptables -w -D " + String.join(" ", drop) + " || true");
            hosts.afterAll(null);
        }
    }

    @Test
    void whatAnEarlierRunLeftUnderTheFixturesNamesIsClearedBeforeTheHostsAreMade() throws Exception {
        NamespaceHosts hosts = new NamespaceHosts();
        hosts.requireWhatItNeeds();
        // a namespace that outlived its deletion, held by a process still in it, keeps the veth the fixture names its own
        sh("ip netns add jbh-old && ip link add jbh-server-v type veth peer name eth0 netns jbh-old");
        Process holder = new ProcessBuilder("ip", "netns", "exec", "jbh-old", "sleep", "600").start();
        try {
            sh("ip netns del jbh-old && ip netns add " + NamespaceHosts.INJECTOR_2);
            assertThat(Path.of("/sys/class/net/jbh-server-v")).as("the leftover veth").exists();

            hosts.beforeAll(null);

            try (HostSessions sessions = HostSessions.start(hosts.keys())) {
                for (Host host : hosts.all()) {
                    try (HostConnection connection = sessions.connect(host)) {
                        assertThat(connection.run(List.of("true")).exitStatus()).isZero();
                    }
                }
            }
        } finally {
            hosts.afterAll(null);
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
            sh("ip netns del jbh-old 2>/dev/null; ip link del jbh-server-v 2>/dev/null; true");
        }
    }

    /** Runs a short shell command as root; fails with its output unless it succeeds. */
    private static String sh(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(command).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }
}
