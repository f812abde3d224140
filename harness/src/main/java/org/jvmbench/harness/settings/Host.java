package org.jvmbench.harness.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvmbench.harness.config.Defaults;

/**
 * A machine reached over SSH: who logs in, where, and the CPUs to pin to there.
 *
 * @param user    the login, always named: a benchmark must not depend on who runs it
 * @param address a host name or an IP address (IPv6 without brackets)
 * @param port    the SSH port
 * @param cpus    the CPUs to pin to on that host, or null for unpinned
 */
public record Host(String user, String address, int port, CpuSet cpus) {

    /** {@code user@host}, {@code user@host:port}, {@code user@[v6]} or {@code user@[v6]:port}. */
    private static final Pattern FORM = Pattern.compile("([^@\\s]+)@(?:\\[([0-9A-Fa-f:.]+)\\]|([^@:\\[\\]\\s]+))(?::(\\d{1,5}))?");

    public Host {
        if (user == null || user.isBlank() || address == null || address.isBlank()) {
            throw new IllegalArgumentException("a host needs a user and an address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be 1-65535, got " + port);
        }
    }

    /** Parses {@code user@host[:port]}; fails with one line naming the expected form. */
    public static Host parse(String text, CpuSet cpus) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad host '" + text + "' (expected user@host or user@host:port, IPv6 as user@[::1]:22)");
        }
        String address = m.group(2) != null ? m.group(2) : m.group(3);
        int port = m.group(4) == null ? Defaults.SSH_PORT : Integer.parseInt(m.group(4));
        return new Host(m.group(1), address, port, cpus);
    }

    /**
     * The name OpenSSH writes into known_hosts for this host: the bare address on port 22,
     * {@code [address]:port} on any other.
     */
    public String knownHostsName() {
        return port == Defaults.SSH_PORT ? address : "[" + address + "]:" + port;
    }

    /** {@code user@host:port}, the form messages name a host by. */
    @Override
    public String toString() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return user + "@" + host + ":" + port;
    }
}
