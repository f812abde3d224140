/**
 * What a sweep writes and everything reads back: a point's key and result
 * ({@link org.jvmbench.harness.result.PointKey}, {@link org.jvmbench.harness.result.PointResult}) and their
 * parts, its flags, the run folder's layout ({@link org.jvmbench.harness.result.RunFolder}) and
 * {@code results.jsonl} ({@link org.jvmbench.harness.result.ResultsLog}), all through one JSON configuration.
 * <p>May import: settings.
 */
package org.jvmbench.harness.result;
