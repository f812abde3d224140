package org.jvmbench.harness.result;

import java.util.Locale;

/**
 * The load a point offers a configuration: closed, a number of users each sending its next
 * request when the last one answered; or open, requests due on a fixed timetable over a pool of
 * connections, at an absolute rate or at a share of the configuration's own measured capacity.
 * The connections are a setting of their own: an engine's limits (a pool, an accept backlog) see
 * them, whatever the rate.
 */
public sealed interface LoadLevel permits LoadLevel.Closed, LoadLevel.Open {

    /** The connections the injector holds: one per user of a closed load, the pool of an open one. */
    int connections();

    /** Whether requests arrive on a schedule rather than back to back. */
    default boolean open() {
        return this instanceof Open;
    }

    /** An open load's requests due per second; null for a share of capacity and for a closed load. */
    default Double rate() {
        return null;
    }

    /** An open load's share of the configuration's capacity; null for an absolute rate and for a closed load. */
    default Double share() {
        return null;
    }

    /** As a table shows it: {@code c64}, {@code 500 rps ×256}, {@code 50 % cap ×256}. */
    String label();

    /** The end of a point's id: {@code -c64}, {@code -rate500-c256}, {@code -cap50-c256}; the form never changes. */
    String id();

    /** A closed load of {@code users}. */
    static LoadLevel closed(int users) {
        return new Closed(users);
    }

    /**
     * A closed load.
     *
     * @param users how many, each looping back to back
     */
    record Closed(int users) implements LoadLevel {

        public Closed {
            if (users < 1) {
                throw new IllegalArgumentException("a closed load needs at least one user, got " + users);
            }
        }

        @Override
        public int connections() {
            return users;
        }

        @Override
        public String label() {
            return "c" + users;
        }

        @Override
        public String id() {
            return "-c" + users;
        }
    }

    /**
     * An open load: exactly one of {@code rate} and {@code share}.
     *
     * @param rate        requests due per second, or null
     * @param share       the share of the configuration's measured capacity (0.5 for half), or null
     * @param connections the pool the requests go out over
     */
    record Open(Double rate, Double share, int connections) implements LoadLevel {

        public Open {
            if ((rate == null) == (share == null)) {
                throw new IllegalArgumentException("an open load has a rate or a share of capacity, one of them");
            }
            if (connections < 1) {
                throw new IllegalArgumentException("an open load needs at least one connection, got " + connections);
            }
        }

        /** Requests due per second, absolute. */
        public static Open atRate(double rate, int connections) {
            return new Open(rate, null, connections);
        }

        /** Requests due at a share of the configuration's own capacity. */
        public static Open atShare(double share, int connections) {
            return new Open(null, share, connections);
        }

        @Override
        public String label() {
            return (rate != null ? number(rate) + " rps" : number(share * 100) + " % cap") + " ×" + connections;
        }

        @Override
        public String id() {
            return (rate != null ? "-rate" + number(rate) : "-cap" + number(share * 100)) + "-c" + connections;
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }
}
