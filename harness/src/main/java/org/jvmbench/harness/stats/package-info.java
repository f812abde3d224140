/**
 * Statistics of points and repetitions: latency histograms merged rather than averaged
 * ({@link org.jvmbench.harness.stats.LatencyRecorder}) and medians of other metrics across
 * repetitions ({@link org.jvmbench.harness.stats.RepeatSummary}); the Mann–Whitney test of two
 * sets of runs ({@link org.jvmbench.harness.stats.MannWhitney}) and capacity at a latency target
 * ({@link org.jvmbench.harness.stats.CapacityAtSlo}).
 *
 * <p>Paired comparisons: the per-round ratios B/A of each fork pair
 * ({@link org.jvmbench.harness.stats.PairedSample}), the two-level bootstrap that resamples fork
 * pairs and then rounds ({@link org.jvmbench.harness.stats.PairedBootstrap}) into a median ratio
 * with its confidence interval ({@link org.jvmbench.harness.stats.RatioInterval}), and the words
 * that interval earns ({@link org.jvmbench.harness.stats.Difference}): a winner only when the
 * interval leaves out 1.0. All pure functions of their inputs and a seed.
 */
package org.jvmbench.harness.stats;
