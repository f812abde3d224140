package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jvmbench.harness.config.Defaults;

/**
 * Sweep key {@code hosts}: the server on a host of its own and the load from one or more
 * injector hosts, all reached over SSH. Without it everything runs on this machine.
 *
 * <p>{@code load.concurrency} (and an open point's rate and connections) stay totals: injector
 * {@code i} of {@code n} gets {@code total / n} users, and the first {@code total % n} injectors
 * one more each, so the shares differ by at most one and add up to the total exactly. An open
 * point's rate is split evenly.
 *
 * @param server        the host the server JVMs run on
 * @param injectors     the hosts an injector JVM runs on, one each
 * @param serverAddress the address the injectors (and this coordinator, for {@code /info}) reach the server under
 * @param knownHosts    the known_hosts file that vouches for every host's key; never written to
 * @param identity      the private key this coordinator logs in with (unencrypted: a sweep runs unattended)
 * @param clockOffset   the largest tolerated distance of a host's clock from this machine's;
 *                      beyond it the sweep does not start
 * @param java          the java launcher on every host: an absolute path, or null for the {@code java}
 *                      on the login's PATH (servers and injectors need the JDK the project is built for)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hosts(HostEntry server, List<HostEntry> injectors, String serverAddress, String knownHosts, String identity,
                    Duration clockOffset, String java) {

    public Hosts {
        if (server == null) {
            throw SettingException.record("missing 'server': the host the server runs on, e.g. {ssh: bench@10.0.0.1, cpus: 0-3}");
        }
        if (injectors == null) {
            throw SettingException.record("missing 'injectors': the hosts the load comes from, e.g. [{ssh: bench@10.0.0.2}]");
        }
        injectors = List.copyOf(injectors);
        if (serverAddress == null || serverAddress.isBlank()) {
            throw SettingException.record("missing 'serverAddress': the address the injectors reach the server under");
        }
        if (serverAddress.contains("/") || serverAddress.contains(" ")) {
            throw SettingException.key("serverAddress", "'" + serverAddress + "' is not a host name or an IP address");
        }
        knownHosts = knownHosts == null ? Defaults.HOSTS_KNOWN_HOSTS : knownHosts;
        identity = identity == null ? Defaults.HOSTS_IDENTITY : identity;
        clockOffset = clockOffset == null ? Defaults.HOSTS_CLOCK_OFFSET : clockOffset;
        if (java != null && !java.startsWith("/")) {
            throw SettingException.key("java", "'" + java + "' must be an absolute path on the hosts, e.g. /usr/lib/jvm/jdk-25/bin/java");
        }
    }

    /** {@code ~/x} as the login's home, anything else as given, made absolute. */
    public static Path path(String file) {
        String expanded = file.equals("~") || file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    /**
     * Injector {@code index}'s share of {@code total} users or connections among {@code count}
     * injectors: {@code total / count}, plus one for each of the first {@code total % count}.
     */
    public static int share(int total, int index, int count) {
        return total / count + (index < total % count ? 1 : 0);
    }
}
