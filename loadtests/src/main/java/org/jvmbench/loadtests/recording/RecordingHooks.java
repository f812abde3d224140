package org.jvmbench.loadtests.recording;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

/**
 * Brackets a request with two session hooks that feed a {@link RunRecorder}: one reads the
 * clock just before the request is handed to Gatling's HTTP engine, the other right after its
 * checks ran. Kept in one place so the simulation and the overhead measurement
 * ({@code RecordingOverheadSimulation} in the tests) time exactly the same code.
 */
public final class RecordingHooks {

    /** Session key the request's check must save the HTTP status to: {@code status().saveAs(STATUS)}. */
    public static final String STATUS = "status";
    private static final String SENT = "sentNanos";

    private RecordingHooks() {
    }

    /**
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

    private static int statusOf(Session session) {
        return session.contains(STATUS) ? session.getInt(STATUS) : 0;
    }
}
