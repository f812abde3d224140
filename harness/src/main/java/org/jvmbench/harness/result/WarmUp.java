package org.jvmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The warm-up before a point: its endpoint, at the load of its heaviest point, until the
 * server settled or the cap was reached. Kept with every point it preceded, so the report can
 * say how long each configuration needs before it is at its peak.
 *
 * @param endpoint        the endpoint warmed
 * @param users           closed-model users during the warm-up
 * @param settled         whether the settle rule held before the cap
 * @param seconds         wall time from the first warm-up request until the rule held (or the cap)
 * @param requests        requests completed in that time
 * @param sinceStartSeconds seconds from the server's JVM start to the end of the warm-up: its time to peak
 * @param verdict         the rule's figures at the end, e.g. {@code trend +1.2 % (≤ 5 %), CV 3.4 % (≤ 10 %), ...}
 * @param jvmStartEpochMs when the fork's first JVM started (its {@code /info} start time), or null when unknown;
 *                        with {@code startEpochSecond}, places the series on a time axis since start
 * @param startEpochSecond the wall-clock second of {@code rps[0]}, or null (results written before the series was kept)
 * @param rps             requests completed in each wall-clock second of the warm-up, the injector's count;
 *                        null for a second no slice covered whole (the warm-up runs as slices, with a gap between)
 * @param jitUnread       why the server's JIT time was unknown when the warm-up ended though the server reports it
 *                        (its counters did not answer), so it ended judged on throughput alone or at its cap; null
 *                        when the JIT was read, when the server does not report it (a user's jar without
 *                        Actuator's {@code jvm.compilation.time}: its verdict says "JIT unknown"), and in results
 *                        written before it was kept
 */
public record WarmUp(
        String endpoint,
        int users,
        boolean settled,
        double seconds,
        long requests,
        double sinceStartSeconds,
        String verdict,
        Long jvmStartEpochMs,
        Long startEpochSecond,
        List<Long> rps,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jitUnread) {

    public WarmUp {
        // null stands for a second no slice covered; List.copyOf refuses it
        rps = rps == null ? null : Collections.unmodifiableList(new ArrayList<>(rps));
    }

    /** {@code WarmUp} to fill in by name: a component not set stays null, false or 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code WarmUp} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint;
        b.users = users;
        b.settled = settled;
        b.seconds = seconds;
        b.requests = requests;
        b.sinceStartSeconds = sinceStartSeconds;
        b.verdict = verdict;
        b.jvmStartEpochMs = jvmStartEpochMs;
        b.startEpochSecond = startEpochSecond;
        b.rps = rps;
        b.jitUnread = jitUnread;
        return b;
    }

    /** {@code WarmUp} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private String endpoint;
        private int users;
        private boolean settled;
        private double seconds;
        private long requests;
        private double sinceStartSeconds;
        private String verdict;
        private Long jvmStartEpochMs;
        private Long startEpochSecond;
        private List<Long> rps;
        private String jitUnread;

        private Builder() {
        }

        public Builder endpoint(String value) {
            endpoint = value;
            return this;
        }

        public Builder users(int value) {
            users = value;
            return this;
        }

        public Builder settled(boolean value) {
            settled = value;
            return this;
        }

        public Builder seconds(double value) {
            seconds = value;
            return this;
        }

        public Builder requests(long value) {
            requests = value;
            return this;
        }

        public Builder sinceStartSeconds(double value) {
            sinceStartSeconds = value;
            return this;
        }

        public Builder verdict(String value) {
            verdict = value;
            return this;
        }

        public Builder jvmStartEpochMs(Long value) {
            jvmStartEpochMs = value;
            return this;
        }

        public Builder startEpochSecond(Long value) {
            startEpochSecond = value;
            return this;
        }

        public Builder rps(List<Long> value) {
            rps = value;
            return this;
        }

        public Builder jitUnread(String value) {
            jitUnread = value;
            return this;
        }

        public WarmUp build() {
            return new WarmUp(endpoint, users, settled, seconds, requests, sinceStartSeconds, verdict, jvmStartEpochMs,
                    startEpochSecond, rps, jitUnread);
        }
    }
}
