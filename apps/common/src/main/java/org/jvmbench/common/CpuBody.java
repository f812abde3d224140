package org.jvmbench.common;

/** The {@code /cpu} body; {@code result} is the same for every {@code split}. */
public record CpuBody(int n, int split, String result, String app, String thread) {

    public static CpuBody of(int n, int split, long result, String app) {
        return new CpuBody(n, split, CpuWork.format(result), app, Thread.currentThread().getName());
    }
}
