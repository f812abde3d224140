/**
 * Statistics of points and repetitions: latency histograms merged rather than averaged
 * ({@link org.jvmbench.harness.stats.LatencyRecorder}) and medians of other metrics across
 * repetitions ({@link org.jvmbench.harness.stats.RepeatSummary}).
 */
package org.jvmbench.harness.stats;
