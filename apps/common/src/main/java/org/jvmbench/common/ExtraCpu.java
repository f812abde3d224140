package org.jvmbench.common;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A known slowdown: a fixed CPU time burned on the request's own thread by every work
 * request ({@code --bench.extra-cpu-micros}), so a comparison can be checked against a
 * difference whose size is known in advance. 0, the default, burns nothing.
 *
 * <p>The spin is a fixed count of dependent mixing steps, calibrated once at startup against
 * the thread's CPU clock, not a clock read per request. A wall-clock spin burns less CPU
 * than asked whenever its thread is descheduled, which on a loaded one-CPU server is most of
 * the time. Reading the thread's CPU clock in the loop would be exact, but one read
 * ({@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}, a system call) cost 3.6–9 µs on the 2-CPU
 * build VM: more than the ~5 µs the sensitivity test adds to a /json request, and an
 * overshoot of up to one read per request. Calibrated steps cost nothing to stop, and
 * measuring the calibration in CPU time keeps it right however loaded the machine is while
 * the app starts; what it cannot follow is the CPU itself changing speed afterwards.
 */
public final class ExtraCpu {

    /** Burns nothing, without calibrating: the default. */
    public static final ExtraCpu NONE = new ExtraCpu(0, 0, 0);

    /** CPU time each calibration round spins for: long beside a clock read, short beside startup. */
    private static final long ROUND_NANOS = 2_000_000;
    /** Rounds whose median rate is kept, once it is steady. */
    private static final int STEADY_ROUNDS = 9;
    /** How close two medians of rounds in a row must be to call the rate steady. */
    private static final double STEADY_SHARE = 0.01;
    /** At most this many rounds (about half a second of CPU): the last ones count, steady or not. */
    private static final int MAX_ROUNDS = 250;

    /** Keeps the calibration's spins alive, as {@link #sink} does a request's. */
    private static volatile long calibrationSink;

    private final long micros;
    private final double stepsPerMicro;
    private final long stepsPerRequest;
    /** Keeps each spin's result alive, so the JIT cannot drop the loop; racy on purpose, its value means nothing. */
    private long sink;

    private ExtraCpu(long micros, double stepsPerMicro, long stepsPerRequest) {
        this.micros = micros;
        this.stepsPerMicro = stepsPerMicro;
        this.stepsPerRequest = stepsPerRequest;
    }

    /**
     * A spin of {@code micros} of CPU per request, calibrated on the calling thread (a
     * platform thread: a virtual thread has no CPU clock of its own); {@link #NONE} for 0.
     *
     * @throws IllegalArgumentException for a negative time
     */
    public static ExtraCpu calibrated(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("extra CPU per request must be 0 or more microseconds, got " + micros);
        }
        if (micros == 0) {
            return NONE;
        }
        double stepsPerMicro = calibrate();
        return new ExtraCpu(micros, stepsPerMicro, Math.max(1, Math.round(micros * stepsPerMicro)));
    }

    /** The CPU time asked per request, in microseconds; 0 when none. */
    public long micros() {
        return micros;
    }

    /** Mixing steps this CPU ran per microsecond of thread CPU time at calibration; 0 when none. */
    public double stepsPerMicro() {
        return stepsPerMicro;
    }

    /** Burns the asked CPU time on the calling thread; returns at once when none is asked. */
    public void burn() {
        if (stepsPerRequest > 0) {
            sink += spin(stepsPerRequest, sink);
        }
    }

    /**
     * Spins rounds of about {@link #ROUND_NANOS} of CPU, each timed by the thread's CPU clock,
     * until the loop runs at its compiled speed: the median rate of the last
     * {@link #STEADY_ROUNDS} rounds within {@link #STEADY_SHARE} of the median of the ones
     * before. On a loaded machine the JIT compiles in the background and a round may still run
     * the slower code for a while; calibrating on it would make every request burn less than asked.
     */
    private static double calibrate() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported() || threads.getCurrentThreadCpuTime() < 0) {
            throw new IllegalStateException("no CPU clock for thread " + Thread.currentThread()
                    + " to calibrate the extra CPU spin against");
        }
        long steps = 10_000;
        long seed = 1;
        double[] rates = new double[MAX_ROUNDS];
        int round = 0;
        while (round < MAX_ROUNDS) {
            long start = threads.getCurrentThreadCpuTime();
            seed += spin(steps, seed);
            long spent = Math.max(1, threads.getCurrentThreadCpuTime() - start);
            double perNano = (double) steps / spent;
            rates[round++] = perNano * 1_000;
            steps = Math.max(1_000, Math.round(perNano * ROUND_NANOS));
            if (round >= 2 * STEADY_ROUNDS && Math.abs(median(rates, round - STEADY_ROUNDS, round)
                    / median(rates, round - 2 * STEADY_ROUNDS, round - STEADY_ROUNDS) - 1) <= STEADY_SHARE) {
                break;
            }
        }
        calibrationSink = seed;
        return median(rates, round - STEADY_ROUNDS, round);
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return part[part.length / 2];
    }

    /** {@code steps} xorshift steps, each depending on the last: no closed form, nothing to vectorise. */
    private static long spin(long steps, long seed) {
        long x = seed | 1;
        for (long i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
