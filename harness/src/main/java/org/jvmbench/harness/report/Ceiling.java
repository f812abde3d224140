package org.jvmbench.harness.report;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvmbench.harness.result.ConfigurationKey;
import org.jvmbench.harness.result.PointKey;

/**
 * The most requests per second an {@code /io} endpoint can serve when each request waits a
 * fixed time: requests in flight / wait. A server whose RPS sits on this line is bound by its
 * pool (or by the load's concurrency), not by CPU.
 */
final class Ceiling {

    /** The wait of {@code /io} when the request names no {@code ms}: the apps' own default. */
    static final double DEFAULT_IO_WAIT_MILLIS = 10;

    private static final Pattern MS = Pattern.compile("(?:^|&)ms=(\\d+(?:\\.\\d+)?)(?:&|$)");

    private Ceiling() {
    }

    /** The wait of an {@code /io} endpoint in ms, or empty for any other endpoint. */
    static OptionalDouble waitMillis(String endpoint) {
        int q = endpoint.indexOf('?');
        String path = q < 0 ? endpoint : endpoint.substring(0, q);
        if (!path.equals("/io") && !path.endsWith("/io")) {
            return OptionalDouble.empty();
        }
        if (q >= 0) {
            Matcher m = MS.matcher(endpoint.substring(q + 1));
            if (m.find()) {
                double ms = Double.parseDouble(m.group(1));
                return ms > 0 ? OptionalDouble.of(ms) : OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(DEFAULT_IO_WAIT_MILLIS);
    }

    /**
     * Requests that can wait at once, divided by the wait. Servlet on platform threads holds a
     * pool thread for the whole wait, so at most threads x processes are in flight; virtual
     * threads and the event loop hold no thread while waiting, so only the connections limit
     * them. Empty when the endpoint does not wait or the pool size is the engine's unknown default.
     */
    static OptionalDouble rps(PointKey key) {
        OptionalDouble wait = waitMillis(key.endpoint());
        if (wait.isEmpty()) {
            return OptionalDouble.empty();
        }
        long inFlight = key.level().connections();
        ConfigurationKey c = key.configuration();
        if (c.app().equals("servlet") && !c.virtualThreads()) {
            if (c.threads() == null) {
                return OptionalDouble.empty();
            }
            inFlight = Math.min(inFlight, (long) c.threads() * c.processes());
        }
        return OptionalDouble.of(inFlight * 1000.0 / wait.getAsDouble());
    }
}
