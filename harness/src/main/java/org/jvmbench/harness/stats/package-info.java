/**
 * Statistics of points and repetitions: latency histograms merged rather than averaged
 * ({@link org.jvmbench.harness.stats.LatencyRecorder}), medians of other metrics across
 * repetitions ({@link org.jvmbench.harness.stats.RepeatSummary}), and the reasons not to trust
 * a point ({@link org.jvmbench.harness.stats.FlagRules}).
 */
package org.jvmbench.harness.stats;
