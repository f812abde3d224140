package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the harness reads a running server: when it is ready, what it runs, and its counters.
 * Our apps answer all of it on {@code /info} ({@link InfoProbe}); a user's own Spring Boot jar
 * is read through Spring Boot Actuator where it exposes it, and what it does not expose is
 * said to be unknown rather than assumed ({@link ActuatorProbe}). Launching, warming up and
 * measuring go through this interface and never ask which kind of server they hold.
 */
public interface ServerProbe {

    /** The probe for what {@code spec} launches. */
    static ServerProbe of(ServerSpec spec) {
        return spec.ownJar() == null ? new InfoProbe() : new ActuatorProbe(spec.ownJar().readiness());
    }

    /** The path polled until the server is ready, for messages: {@code /info} or a jar's readiness path. */
    String readinessPath();

    /**
     * One attempt at the server's first reading.
     *
     * @throws NotReady when it does not (yet) answer as ready, with what it answered
     */
    ServerReading ready(URI base, Duration timeout) throws NotReady, InterruptedException;

    /** Every knob of {@code spec}'s engine as the running server reports it. */
    ReadBack readBack(ServerSpec spec, ServerReading first, URI base, Duration timeout) throws IOException, InterruptedException;

    /** The server's counters now, and its request counts for {@code endpoints}. */
    ServerReading read(URI base, List<String> endpoints, Duration timeout) throws IOException, InterruptedException;

    /** Not ready yet: refused, or an answer other than 200 (named, for the message if it stays so). */
    final class NotReady extends IOException {
        private final int status;

        public NotReady(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The HTTP status it answered, or 0 when it did not answer at all. */
        public int status() {
            return status;
        }
    }
}
