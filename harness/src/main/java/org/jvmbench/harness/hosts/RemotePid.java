package org.jvmbench.harness.hosts;

/**
 * A process on a host, told apart from any later process that reuses its pid.
 *
 * @param pid        its process id on the host
 * @param startTicks when it started, in clock ticks since the host booted ({@code /proc/<pid>/stat} field 22)
 */
public record RemotePid(long pid, long startTicks) {

    /** Parses {@code jvmbench-pid <pid> <starttime>}; fails when the line is anything else. */
    static RemotePid parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 3 || !parts[0].equals(RemoteCommandLine.PID_MARKER)) {
            throw new IllegalArgumentException("expected '" + RemoteCommandLine.PID_MARKER + " <pid> <starttime>', got '" + line + "'");
        }
        try {
            return new RemotePid(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected '" + RemoteCommandLine.PID_MARKER + " <pid> <starttime>', got '" + line + "'");
        }
    }
}
