package org.jvmbench.harness.result;

import java.util.List;

/**
 * Per-second series over the measured window, index = second since the window opened.
 * Kept with the point so a report can draw it without the raw samples.
 */
public record Series(
        List<Double> rps,
        List<Double> serverCpuCores,
        List<Long> serverRssBytes,
        List<Double> injectorCpuCores,
        List<Double> otherCpuCores) {
}
