/**
 * Whether a number can be trusted: the rules that raise a point's flags
 * ({@link org.jvmbench.harness.trust.FlagRules}), each a pure function of what was measured,
 * so tests drive them from recorded series.
 * <p>May import: config, result.
 */
package org.jvmbench.harness.trust;
