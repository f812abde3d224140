package org.jvmbench.harness.result;

import java.util.List;

/**
 * Per-second series over the measured window's full seconds, all aligned on the same
 * wall-clock seconds: index k is the second starting at {@code startEpochSecond + k}. The
 * partial first and last second of the window are left out, so no edge is drawn as a dip.
 * Kept with the point so a report can draw it without the raw samples.
 *
 * @param startEpochSecond the first full second, or null in results written before the series were aligned
 * @param rps              requests completed in each second (the client's count)
 */
public record Series(
        Long startEpochSecond,
        List<Double> rps,
        List<Double> serverCpuCores,
        List<Long> serverRssBytes,
        List<Double> injectorCpuCores,
        List<Double> otherCpuCores) {
}
