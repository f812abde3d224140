package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class HostConnectionIT {

    @RegisterExtension
    static final NamespaceHosts HOSTS = new NamespaceHosts();

    @TempDir
    Path tmp;

    @Test
    void everyHostRunsCommandsInItsOwnNetworkAndReportsTheirExitStatus() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys())) {
            for (Host host : HOSTS.all()) {
                try (HostConnection connection = sessions.connect(host)) {
                    HostConnection.CommandResult addresses = connection.run(List.of("ip", "-4", "-o", "addr", "show", "dev", "eth0"));
                    HostConnection.CommandResult failing = connection.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"));

                    assertThat(addresses.stdout()).as("the command ran in %s's namespace", host).contains(host.address() + "/24");
                    assertThat(failing.exitStatus()).isEqualTo(3);
                    assertThat(failing.stdout()).isEqualTo("out\n");
                    assertThat(failing.stderr()).isEqualTo("err\n");
                }
            }
        }
    }

    @Test
    void stdinReachesTheCommandAndItsEndIsTheCommandsEndOfInput() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = connection.run(List.of("tr", "a-z", "A-Z"), new ByteArrayInputStream("it's a \"test\"\n".getBytes(StandardCharsets.UTF_8)),
                    out, OutputStream.nullOutputStream(), Duration.ofSeconds(10));

            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("IT'S A \"TEST\"\n");
        }
    }

    @Test
    void argumentsArriveExactlyWhateverTheyHold() throws Exception {
        List<String> odd = List.of("a b", "it's", "$HOME", "`id`", "\"q\"", "back\\slash", "", "*");
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server())) {
            List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "for a in \"$@\"; do echo \"[$a]\"; done", "sh"));
            command.addAll(odd);

            assertThat(connection.run(command).stdout().lines().toList())
                    .containsExactlyElementsOf(odd.stream().map(a -> "[" + a + "]").toList());
        }
    }

    @Test
    void factsOfTheHostAreProbedOnConnect() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.injectors().getFirst())) {
            HostFacts facts = connection.facts();

            assertThat(facts.pdeathsig()).isTrue();
            assertThat(facts.ticksPerSecond()).isPositive();
            assertThat(facts.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(facts.kernel()).isEqualTo(System.getProperty("os.version"));
            assertThat(facts.home()).startsWith("/");
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedInOneLineNamingTheHostAndTheKnownHostsFile() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        // vouches for the injectors only
        Files.write(knownHosts, Files.readAllLines(HOSTS.keys().knownHosts()).stream()
                .filter(line -> !line.startsWith(HOSTS.server().address() + " ")).toList());

        try (HostSessions sessions = HostSessions.start(new SshKeys(HOSTS.keys().privateKey(), knownHosts))) {
            assertThatThrownBy(() -> sessions.connect(HOSTS.server()))
                    .isInstanceOf(HostKeyRefusedException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining(HOSTS.server().toString())
                    .hasMessageContaining(knownHosts.toString())
                    .hasMessageContaining("is not in")
                    .hasMessageEndingWith("add its line (ssh-keyscan -p 22 " + HOSTS.server().address() + ")");
            // the file was not amended behind the user's back
            assertThat(Files.readAllLines(knownHosts)).hasSize(2);
        }
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        // the server's address with another host's key: what a replaced (or impersonated) host looks like
        Files.writeString(knownHosts, HOSTS.server().address() + " " + HOSTS.hostKey(NamespaceHosts.INJECTOR_1) + "\n");

        try (HostSessions sessions = HostSessions.start(new SshKeys(HOSTS.keys().privateKey(), knownHosts))) {
            assertThatThrownBy(() -> sessions.connect(HOSTS.server()))
                    .isInstanceOf(HostKeyRefusedException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining(HOSTS.server().toString())
                    .hasMessageContaining("differs from the one in " + knownHosts);
        }
    }

    @Test
    void aKeyTheHostDoesNotAuthorizeFailsInOneLine() throws Exception {
        Path stranger = tmp.resolve("stranger");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("keygen.log").toFile()).start().waitFor();

        try (HostSessions sessions = HostSessions.start(new SshKeys(stranger, HOSTS.keys().knownHosts()))) {
            assertThatThrownBy(() -> sessions.connect(HOSTS.server()))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(HostKeyRefusedException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageStartingWith("cannot log in to " + HOSTS.server() + " with " + stranger);
        }
    }

    @Test
    void aHostWithoutSshdIsUnreachableInOneLine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Host nobody = Host.parse("root@127.0.0.1:" + closedPort, null);

        try (HostSessions sessions = HostSessions.start(HOSTS.keys())) {
            assertThatThrownBy(() -> sessions.connect(nobody))
                    .isInstanceOf(IOException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageStartingWith("cannot reach root@127.0.0.1:" + closedPort + ": ");
        }
    }

    @Test
    void aCommandPastItsTimeoutIsKilledOnTheHost() throws Exception {
        try (HostSessions sessions = HostSessions.start(HOSTS.keys());
             HostConnection connection = sessions.connect(HOSTS.server())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThatThrownBy(() -> connection.run(List.of("sleep", "300"), InputStream.nullInputStream(), out,
                    OutputStream.nullOutputStream(), Duration.ofMillis(500)))
                    .hasMessageContaining("did not finish within");
            assertThat(HOSTS.pidsIn(NamespaceHosts.SERVER)).noneMatch(pid -> commandOf(pid).startsWith("sleep"));
        }
    }

    private static String commandOf(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
    }
}
