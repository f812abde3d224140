package org.jvmbench.loadtests.recording;

import org.HdrHistogram.Histogram;

/**
 * How an open-model run kept its timetable, frozen; see {@link RunRecorder} for when a request
 * counts as late or queued.
 *
 * @param ratePerSecond         requests due per second
 * @param scheduledRequests     requests that fell due within the duration
 * @param intendedLatencyMicros latency of every request from its due time (or its send, when earlier)
 * @param lateThresholdMicros   how late a send must be to count
 * @param lateRequests          sent more than the threshold late while a connection was free for them
 * @param maxLateMicros         the largest injector lateness of any send, past the threshold or not
 * @param queuedRequests        waited more than the threshold for a free connection
 */
public record ScheduleKept(double ratePerSecond, long scheduledRequests, Histogram intendedLatencyMicros,
                           long lateThresholdMicros, long lateRequests, long maxLateMicros, long queuedRequests) {

    public ScheduleKept {
        intendedLatencyMicros = intendedLatencyMicros.copy();
    }

    @Override
    public Histogram intendedLatencyMicros() {
        return intendedLatencyMicros.copy();
    }
}
