package org.jvmbench.common;

/** The {@code /mixed} body: the wait, the CPU units done after it, and their result. */
public record MixedBody(int waitedMs, int n, String result, String app, String thread) {

    /** Does the CPU part on the calling thread, which must be the one that finished waiting. */
    public static MixedBody afterWait(String app) {
        long result = CpuWork.run(new UnitRange(0, Parameters.MIXED_CPU_UNITS));
        return new MixedBody(Parameters.MIXED_WAIT_MS, Parameters.MIXED_CPU_UNITS,
                CpuWork.format(result), app, Thread.currentThread().getName());
    }
}
