package org.jvmbench.common;

/** Every query parameter both apps accept, with its default and limits, in one place. */
public final class Parameters {

    /** {@code /json?items=}: items in the generated document. */
    public static final IntParameter ITEMS = new IntParameter("items", 10, 1, 1000);

    /** {@code /io?ms=}: how long to wait before answering. */
    public static final IntParameter MS = new IntParameter("ms", 10, 0, 1000);

    /**
     * {@code /cpu?n=}: units of {@link CpuWork}. The default takes about 10 ms on one core:
     * measured after warm-up on this project's 2-core AMD EPYC build machine (JDK 25), 280
     * units took 9.7 ms at best and 9.9 ms at the median (about 35 us a unit). The cap, ten
     * times the default, bounds one request to about 100 ms of CPU.
     */
    public static final IntParameter N = new IntParameter("n", 280, 1, 2800);

    /** {@code /cpu?split=}: tasks the units are divided into, run in parallel and joined. */
    public static final IntParameter SPLIT = new IntParameter("split", 1, 1, 64);

    /** {@code /mixed}: the wait, 80 % of a 10 ms budget. */
    public static final int MIXED_WAIT_MS = 8;

    /** {@code /mixed}: the CPU, 20 % of a 10 ms budget: a fifth of the {@link #N} default (about 2 ms). */
    public static final int MIXED_CPU_UNITS = N.defaultValue() / 5;

    private Parameters() {
    }
}
