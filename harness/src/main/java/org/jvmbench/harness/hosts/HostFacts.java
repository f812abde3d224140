package org.jvmbench.harness.hosts;

import java.util.HashMap;
import java.util.Map;

import org.jvmbench.harness.sampling.ClockTicks;

/**
 * What the coordinator learns about a host once, when it connects: enough to read its
 * {@code /proc} and to start commands there safely, and part of the host's environment record.
 *
 * @param ticksPerSecond {@code getconf CLK_TCK} there, the unit of its {@code /proc} CPU times
 * @param kernel         {@code uname -r}
 * @param cpus           online CPUs
 * @param pdeathsig      whether its setpriv can tie a command's life to its SSH session
 * @param home           the login's home, absolute
 */
public record HostFacts(long ticksPerSecond, String kernel, int cpus, boolean pdeathsig, String home) {

    /** A POSIX shell script printing one {@code key=value} line per fact. */
    static final String PROBE = String.join("\n",
            "echo \"clk_tck=$(getconf CLK_TCK 2>/dev/null)\"",
            "echo \"kernel=$(uname -r)\"",
            "echo \"cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)\"",
            "if setpriv --pdeathsig KILL true 2>/dev/null; then echo pdeathsig=yes; else echo pdeathsig=no; fi",
            "echo \"home=$HOME\"");

    /** Reads the probe's output; a fact it did not print gets the conservative value. */
    static HostFacts parse(String probeOutput) {
        Map<String, String> values = new HashMap<>();
        for (String line : probeOutput.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        int cpus;
        try {
            cpus = Integer.parseInt(values.getOrDefault("cpus", ""));
        } catch (NumberFormatException e) {
            cpus = 0;
        }
        return new HostFacts(ClockTicks.parse(values.get("clk_tck")), values.getOrDefault("kernel", "unknown"), cpus,
                "yes".equals(values.get("pdeathsig")), values.getOrDefault("home", ""));
    }
}
