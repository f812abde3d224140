package org.jvmbench.harness.hosts;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * How far a host's wall clock is from the coordinator's, measured over SSH, beside what the
 * host's own time service says.
 *
 * @param offset      the host's clock minus the coordinator's: the median over the readings
 *                    of (host time - midpoint of the round trip that fetched it)
 * @param roundTrip   the median round trip: the offset is known to within about half of it
 * @param readings    how many readings the medians are over
 * @param timeService what the host's time service reports of its own clock
 */
public record ClockOffset(Duration offset, Duration roundTrip, int readings, TimeService timeService) {

    /**
     * One exchange: the coordinator's clock when it asked and when the answer came, and the
     * host's clock as it answered, all in nanoseconds since the epoch.
     */
    record Reading(long sentEpochNanos, long hostEpochNanos, long receivedEpochNanos) {

        long offsetNanos() {
            // midpoint without overflow: both ends are close together
            return hostEpochNanos - (sentEpochNanos + (receivedEpochNanos - sentEpochNanos) / 2);
        }

        long roundTripNanos() {
            return receivedEpochNanos - sentEpochNanos;
        }
    }

    static ClockOffset of(List<Reading> readings, TimeService timeService) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("no clock readings");
        }
        return new ClockOffset(Duration.ofNanos(median(readings.stream().map(Reading::offsetNanos).toList())),
                Duration.ofNanos(median(readings.stream().map(Reading::roundTripNanos).toList())),
                readings.size(), timeService);
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : Math.floorDiv(sorted.get(mid - 1) + sorted.get(mid), 2);
    }

    /** Whether the measured offset, widened by half the round trip, stays within {@code tolerance}. */
    public boolean within(Duration tolerance) {
        return offset.abs().plus(roundTrip.dividedBy(2)).compareTo(tolerance) <= 0;
    }
}
