package org.jvmbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.jvmbench.harness.settings.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hosts:} section: bound like every other key, refused in one line naming its place. */
class HostsSectionTests {

    private static final String FILE = "sweeps/hosts.yaml";

    @TempDir
    Path dir;

    private String hosts(String extra) throws IOException {
        Path known = Files.writeString(dir.resolve("known_hosts"), "");
        Path key = Files.writeString(dir.resolve("id_ed25519"), "");
        return """
                hosts:
                  server: {ssh: bench@10.0.0.1, cpus: 0-3}
                  injectors:
                    - {ssh: "bench@10.0.0.2:2222", cpus: "4-7"}
                    - {ssh: bench@10.0.0.3}
                  serverAddress: 10.0.0.1
                  knownHosts: %s
                  identity: %s
                """.formatted(known, key) + extra;
    }

    private static final String REST = """
            load: {endpoints: /json, concurrency: [2, 64]}
            servers:
              - app: servlet
            """;

    private Sweep parse(String yaml) {
        return SweepReader.parse(yaml, SweepReader.Format.YAML, FILE, "hosts", 2);
    }

    private String refusal(String yaml) {
        SweepFileException e = catchThrowableOfType(SweepFileException.class, () -> parse(yaml));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.getMessage();
    }

    @Test
    void bindsServerInjectorsAndAddressWithDefaultsForTheRest() throws IOException {
        Sweep sweep = parse(hosts("") + REST);

        Hosts hosts = sweep.hosts();
        assertThat(hosts.server().host()).isEqualTo(Host.parse("bench@10.0.0.1", org.jvmbench.harness.settings.CpuSet.parse("0-3")));
        assertThat(hosts.injectors()).extracting(HostEntry::ssh).containsExactly("bench@10.0.0.2:2222", "bench@10.0.0.3");
        assertThat(hosts.injectors().get(0).host().port()).isEqualTo(2222);
        assertThat(hosts.injectors().get(1).cpus()).isNull();
        assertThat(hosts.serverAddress()).isEqualTo("10.0.0.1");
        assertThat(hosts.clockOffset()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void withoutHostsEverythingIsLocal() {
        assertThat(parse("cpus: {server: \"0\", injector: \"1\"}\n" + REST).hosts()).isNull();
    }

    @Test
    void isWrittenBackAndReadAgainUnchanged() throws IOException {
        Sweep sweep = parse(hosts("  clockOffset: 2ms\n") + REST);
        String json = SweepJson.toTree(sweep).toString();

        Sweep again = SweepReader.parse(json, SweepReader.Format.JSON, "reports/r/sweep.json", "hosts", 2);

        assertThat(again.hosts()).isEqualTo(sweep.hosts());
        assertThat(again.hosts().clockOffset()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void refusesAnAddressWithoutUser() throws IOException {
        assertThat(refusal(hosts("").replace("bench@10.0.0.3", "10.0.0.3") + REST))
                .isEqualTo(FILE + ": hosts.injectors[1].ssh: bad host '10.0.0.3' (expected user@host or user@host:port, "
                        + "IPv6 as user@[::1]:22)");
    }

    @Test
    void refusesABadCpuListOfAHost() throws IOException {
        assertThat(refusal(hosts("").replace("cpus: 0-3", "cpus: 3-0") + REST))
                .isEqualTo(FILE + ": hosts.server.cpus: bad CPU range '3-0' in '3-0'");
    }

    @Test
    void refusesMissingServerAddress() throws IOException {
        assertThat(refusal(hosts("").replace("  serverAddress: 10.0.0.1\n", "") + REST))
                .isEqualTo(FILE + ": hosts: missing 'serverAddress': the address the injectors reach the server under");
    }

    @Test
    void refusesAnUnknownKeyInAHost() throws IOException {
        assertThat(refusal(hosts("").replace("{ssh: bench@10.0.0.3}", "{ssh: bench@10.0.0.3, cpu: 1}") + REST))
                .isEqualTo(FILE + ": hosts.injectors[1]: unknown key 'cpu' (known: ssh, cpus)");
    }

    @Test
    void takesTheHostsJavaAsAnAbsolutePathOnly() throws IOException {
        assertThat(parse(hosts("  java: /opt/jdk-25/bin/java\n") + REST).hosts().java()).isEqualTo("/opt/jdk-25/bin/java");
        assertThat(parse(hosts("") + REST).hosts().java()).as("the PATH's java").isNull();
        assertThat(refusal(hosts("  java: jdk/bin/java\n") + REST))
                .isEqualTo(FILE + ": hosts.java: 'jdk/bin/java' must be an absolute path on the hosts, e.g. /usr/lib/jvm/jdk-25/bin/java");
    }

    @Test
    void refusesTheProfilerAndTheAotCacheWhichWorkOnALocalServerOnly() throws IOException {
        assertThat(refusal(hosts("profile: cpu\n") + REST))
                .isEqualTo(FILE + ": profile: does not apply with hosts: the profiler attaches to a server on this machine");
        assertThat(refusal(hosts("") + REST + "    aotCache: [false, true]\n"))
                .startsWith(FILE + ": ").contains("aotCache: true does not apply with hosts");
    }

    @Test
    void refusesAZeroClockOffset() throws IOException {
        assertThat(refusal(hosts("  clockOffset: 0ms\n") + REST)).isEqualTo(FILE + ": hosts.clockOffset: '0ms' must be positive");
    }

    @Test
    void refusesAKnownHostsFileThatDoesNotExist() throws IOException {
        String yaml = hosts("") + REST;
        Path known = dir.resolve("known_hosts");
        Files.delete(known);
        assertThat(refusal(yaml)).isEqualTo(FILE + ": hosts.knownHosts: " + known + " does not exist");
    }

    @Test
    void refusesAConcurrencyTooSmallToSplitAcrossTheInjectors() throws IOException {
        assertThat(refusal(hosts("") + REST.replace("[2, 64]", "[1, 64]")))
                .isEqualTo(FILE + ": load.concurrency[0]: 1 cannot be split across the 2 injectors of hosts.injectors: "
                        + "the load is a total, and each injector needs at least 1");
    }

    @Test
    void splitsATotalIntoSharesThatDifferByAtMostOneAndAddUp() {
        assertThat(IntStream.range(0, 3).map(i -> Hosts.share(64, i, 3)).toArray()).containsExactly(22, 21, 21);
        assertThat(IntStream.range(0, 2).map(i -> Hosts.share(2, i, 2)).toArray()).containsExactly(1, 1);
        for (int total = 1; total < 50; total++) {
            for (int n = 1; n <= total; n++) {
                int t = total, count = n;
                int[] shares = IntStream.range(0, n).map(i -> Hosts.share(t, i, count)).toArray();
                assertThat(IntStream.of(shares).sum()).isEqualTo(total);
                assertThat(IntStream.of(shares).max().orElseThrow() - IntStream.of(shares).min().orElseThrow()).isLessThanOrEqualTo(1);
            }
        }
    }
}
