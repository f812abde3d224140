package org.jvmbench.loadtests.recording;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

/**
 * Session hooks that feed a {@link RunRecorder}: one reads the clock just before the request is
 * handed to Gatling's HTTP engine, the other right after its checks ran. Kept in one place so the
 * simulations and the overhead measurement ({@code RecordingOverheadSimulation} in the tests)
 * time exactly the same code.
 */
public final class RecordingHooks {

    /** Session key the request's check must save the HTTP status to: {@code status().saveAs(STATUS)}. */
    public static final String STATUS = "status";
    private static final String SENT = "sentNanos";
    private static final String CONNECTED = "connectionCounted";
    // open model: the claimed request's due time, when it was claimed, and how long to pause for it
    private static final String DUE = "dueNanos";
    private static final String CLAIMED = "claimedNanos";
    private static final String WAIT_MS = "waitMs";
    private static final long NANOS_PER_MS = 1_000_000L;

    private RecordingHooks() {
    }

    /**
     * Closed model: counts the user's connection, once, as the user starts; every user of a
     * closed loop sends at least one request, on a connection of its own. Kept out of
     * {@link #around} so the per-request hooks stay as measured.
     */
    public static ChainBuilder connectionOfItsOwn(RunRecorder recorder) {
        return exec(session -> {
            recorder.connectionUsed();
            return session;
        });
    }

    /**
     * Closed model: times one request.
     *
     * @param request the request to time; it must save its status under {@link #STATUS} before
     *                any check that can fail, so a KO still tells which status it got
     */
    public static ChainBuilder around(RunRecorder recorder, ChainBuilder request) {
        // STATUS is removed first: a request without response must not inherit the last status.
        return exec(session -> session.set(SENT, recorder.requestSent()).remove(STATUS))
                .exec(request)
                .exec(session -> {
                    recorder.responseReceived(session.getLong(SENT), statusOf(session));
                    return session;
                });
    }

    /**
     * Open model: the user is one connection of the pool. It claims the next due request of the
     * recorder's timetable, pauses until its due time (at once when it is already past), sends
     * it, and claims again as soon as the response is in, until the timetable is over.
     *
     * <p>Gatling pauses in whole milliseconds; the wait is rounded down, so a request goes out
     * up to 1 ms early rather than late, and the recorder measures it from its send then.
     *
     * @param request as for {@link #around}
     */
    public static ChainBuilder onSchedule(RunRecorder recorder, ChainBuilder request) {
        return exec(session -> claim(recorder, session))
                .exec(asLongAs(session -> session.contains(DUE)).on(
                        pause(session -> Duration.ofMillis(session.getLong(WAIT_MS)))
                                .exec(session -> {
                                    boolean first = !session.contains(CONNECTED);
                                    long sent = recorder.scheduledRequestSent(session.getLong(DUE),
                                            session.getLong(CLAIMED), first);
                                    return countConnection(recorder, session).set(SENT, sent).remove(STATUS);
                                })
                                .exec(request)
                                .exec(session -> {
                                    recorder.scheduledResponseReceived(session.getLong(DUE), session.getLong(SENT),
                                            statusOf(session));
                                    return claim(recorder, session);
                                })));
    }

    private static Session claim(RunRecorder recorder, Session session) {
        long claimed = recorder.now();
        long due = recorder.claimSlot(claimed);
        if (due == ArrivalSchedule.NO_MORE) {
            return session.remove(DUE);
        }
        long waitMs = Math.max(0, Math.floorDiv(due - claimed, NANOS_PER_MS));
        return session.set(DUE, due).set(CLAIMED, claimed).set(WAIT_MS, waitMs);
    }

    private static Session countConnection(RunRecorder recorder, Session session) {
        if (session.contains(CONNECTED)) {
            return session;
        }
        recorder.connectionUsed();
        return session.set(CONNECTED, true);
    }

    private static int statusOf(Session session) {
        return session.contains(STATUS) ? session.getInt(STATUS) : 0;
    }
}
