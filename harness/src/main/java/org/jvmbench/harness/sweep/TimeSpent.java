package org.jvmbench.harness.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a sweep's wall time went, timed where each part happens: starting the servers, warming
 * them until settled, probing the injector's ceiling, calibrating the CPUs; the measured windows
 * come from the points, and the rest (reports, stops, the injector's own start) is "other". Each
 * timed start and warm-up is also kept, so the machine cache can learn them for the next ETA.
 */
final class TimeSpent {

    enum Part {
        STARTING("starting"), WARMING("warming"), PROBING("probing"), CALIBRATING("calibrating");

        final String word;

        Part(String word) {
            this.word = word;
        }
    }

    /** Something timed that a later ETA can use: what, e.g. {@code warm-up servlet platform /json}, and how long. */
    record Timed(String what, double seconds) {
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws java.io.IOException, InterruptedException;
    }

    private final Map<Part, Long> nanos = new EnumMap<>(Part.class);
    private final List<Timed> timed = new ArrayList<>();

    /** Runs {@code work}, adding its wall time to {@code part}; with {@code what}, also keeps it to learn. */
    <T> T time(Part part, String what, Work<T> work) throws java.io.IOException, InterruptedException {
        long started = System.nanoTime();
        try {
            return work.run();
        } finally {
            long took = System.nanoTime() - started;
            nanos.merge(part, took, Long::sum);
            if (what != null) {
                timed.add(new Timed(what, took / 1e9));
            }
        }
    }

    Duration of(Part part) {
        return Duration.ofNanos(nanos.getOrDefault(part, 0L));
    }

    List<Timed> timed() {
        return List.copyOf(timed);
    }

    /**
     * Seconds by part for {@code environment.json}: {@code wall}, {@code measured}, each part and
     * {@code other} (what is left of the wall time), with the ETA printed at the start when known.
     */
    Map<String, Double> seconds(Duration wall, Duration measured, Duration eta) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("wall", seconds(wall));
        s.put("measured", seconds(measured));
        Duration other = wall.minus(measured);
        for (Part part : Part.values()) {
            s.put(part.word, seconds(of(part)));
            other = other.minus(of(part));
        }
        s.put("other", seconds(other.isNegative() ? Duration.ZERO : other));
        if (eta != null) {
            s.put("eta", seconds(eta));
        }
        return s;
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
