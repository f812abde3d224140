/**
 * Statistics of points and repetitions: latency histograms merged rather than averaged
 * ({@link org.jvmbench.harness.stats.LatencyRecorder}) and medians of other metrics across
 * repetitions ({@link org.jvmbench.harness.stats.RepeatSummary}); the Mann–Whitney test of two
 * sets of runs ({@link org.jvmbench.harness.stats.MannWhitney}) and capacity at a latency target
 * ({@link org.jvmbench.harness.stats.CapacityAtSlo}).
 *
 * <p>Paired comparisons: the per-round ratios B/A of each fork pair
 * ({@link org.jvmbench.harness.stats.PairedSample}), Student's t over the fork pairs' median
 * ratios ({@link org.jvmbench.harness.stats.PairedInterval}, {@link org.jvmbench.harness.stats.StudentT})
 * into a ratio with its confidence interval ({@link org.jvmbench.harness.stats.RatioInterval}), and
 * the words that interval earns ({@link org.jvmbench.harness.stats.Difference}): a winner only when
 * the interval leaves out 1.0 and spans two fork pairs or more. All pure functions of their inputs.
 * <p>May import: config, protocol, result.
 */
package org.jvmbench.harness.stats;
