package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jvmbench.harness.settings.Host;
import org.jvmbench.harness.settings.CpuSet;

/**
 * One machine of a {@code hosts:} section: the SSH address and the CPUs to pin to there. The
 * CPUs are those of that host, so they are checked against it when the sweep connects (its
 * online CPU count), not against the machine that reads the file.
 *
 * @param ssh  {@code user@host[:port]}, IPv6 as {@code user@[::1]:22}
 * @param cpus the CPUs to pin to on that host ({@code 0}, {@code 0-3}, {@code 0,2}), or null for unpinned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostEntry(String ssh, String cpus) {

    public HostEntry {
        if (ssh == null) {
            throw SettingException.record("missing 'ssh': the host's address as user@host or user@host:port");
        }
        try {
            Host.parse(ssh, null);
        } catch (IllegalArgumentException e) {
            throw SettingException.key("ssh", e.getMessage());
        }
        if (cpus != null) {
            try {
                cpus = CpuSet.parse(cpus).toString();
            } catch (IllegalArgumentException e) {
                throw SettingException.key("cpus", e.getMessage());
            }
        }
    }

    /** The address and CPUs as the SSH layer takes them. */
    public Host host() {
        return Host.parse(ssh, cpus == null ? null : CpuSet.parse(cpus));
    }
}
