package org.jvmbench.harness.hosts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a host's time service says of its clock: chrony ({@code chronyc tracking}),
 * systemd-timesyncd ({@code timedatectl timesync-status}), or nothing known.
 *
 * @param source "chrony", "systemd-timesyncd" or "unknown"
 * @param offset the host's clock minus the service's reference time, or null when not reported
 * @param line   the line the offset was read from, as printed, so a reader can check it
 */
public record TimeService(String source, Duration offset, String line) {

    public static final TimeService UNKNOWN = new TimeService("unknown", null, "");

    /** Asks chrony first, then timesyncd; prints nothing when neither answers. */
    static final String QUERY = "chronyc -n tracking 2>/dev/null || timedatectl timesync-status 2>/dev/null || true";

    /** {@code System time     : 0.000012345 seconds fast of NTP time} (fast: the host is ahead). */
    private static final Pattern CHRONY = Pattern.compile("(?m)^System time\\s*:\\s*([0-9.]+) seconds (fast|slow) of NTP time\\s*$");

    /** {@code        Offset: -210us}; NTP's offset, the reference minus the host. */
    private static final Pattern TIMESYNCD = Pattern.compile("(?m)^\\s*Offset:\\s*([+-]?[0-9.]+)(ns|us|ms|s)\\s*$");

    /** Reads whichever of the two outputs {@link #QUERY} printed. */
    static TimeService parse(String output) {
        Matcher chrony = CHRONY.matcher(output);
        if (chrony.find()) {
            Duration offset = seconds(new BigDecimal(chrony.group(1)));
            return new TimeService("chrony", chrony.group(2).equals("fast") ? offset : offset.negated(), chrony.group().strip());
        }
        Matcher timesyncd = TIMESYNCD.matcher(output);
        if (timesyncd.find()) {
            BigDecimal value = new BigDecimal(timesyncd.group(1));
            BigDecimal nanosPerUnit = switch (timesyncd.group(2)) {
                case "ns" -> BigDecimal.ONE;
                case "us" -> BigDecimal.valueOf(1_000);
                case "ms" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000_000_000);
            };
            Duration ntpOffset = Duration.ofNanos(value.multiply(nanosPerUnit).longValue());
            return new TimeService("systemd-timesyncd", ntpOffset.negated(), timesyncd.group().strip());
        }
        return UNKNOWN;
    }

    private static Duration seconds(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }
}
