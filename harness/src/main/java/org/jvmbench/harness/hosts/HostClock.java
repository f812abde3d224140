package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jvmbench.harness.config.Defaults;

/**
 * Measures a host's clock against the coordinator's: one long-lived remote loop answers each
 * line it reads with {@code date +%s%N}, so a reading costs one round trip and one fork there,
 * not an SSH channel (whose set-up would sit on one side of the round trip only).
 */
public final class HostClock {

    private static final String LOOP = "while read -r _; do date +%s%N; done";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;

    public HostClock() {
        this(Clock.systemUTC());
    }

    HostClock(Clock clock) {
        this.clock = clock;
    }

    /** {@link Defaults#CLOCK_SAMPLES} readings, after one that is thrown away (it pays for the first fork). */
    public ClockOffset measure(HostConnection connection) throws IOException, InterruptedException {
        return measure(connection, Defaults.CLOCK_SAMPLES);
    }

    public ClockOffset measure(HostConnection connection, int samples) throws IOException, InterruptedException {
        LineQueue answers = new LineQueue();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<ClockOffset.Reading> readings = new ArrayList<>();
        try (RemoteProcess loop = connection.start(List.of("/bin/sh", "-c", LOOP), answers, errors)) {
            OutputStream ask = loop.stdin();
            for (int i = 0; i <= samples; i++) {
                long sent = epochNanos();
                ask.write('\n');
                ask.flush();
                String answer = answers.next(ANSWER_TIMEOUT);
                long received = epochNanos();
                if (answer == null) {
                    throw new IOException("no answer from 'date' on " + connection.host() + " within " + ANSWER_TIMEOUT.toSeconds()
                            + " s" + stderrOf(errors));
                }
                if (i > 0) {
                    readings.add(new ClockOffset.Reading(sent, parse(answer, connection.host()), received));
                }
            }
        }
        String service = connection.run(List.of("/bin/sh", "-c", TimeService.QUERY)).stdout();
        return ClockOffset.of(readings, TimeService.parse(service));
    }

    private long epochNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long parse(String answer, Host host) throws IOException {
        try {
            return Long.parseLong(answer.strip());
        } catch (NumberFormatException e) {
            // busybox date before 1.25 prints %N literally
            throw new IOException("'date +%s%N' on " + host + " printed '" + answer + "', not nanoseconds since the epoch");
        }
    }

    private static String stderrOf(ByteArrayOutputStream errors) {
        String text = errors.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text.lines().findFirst().orElse("");
    }
}
