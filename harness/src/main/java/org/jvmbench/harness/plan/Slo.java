package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * The latency target an open-load sweep sizes against (sweep key {@code slo}): a configuration
 * meets it at an offered rate when that percentile of its latency, measured from each
 * request's intended send time, is at most {@code latency}.
 *
 * @param percentile e.g. 99 for p99; above 0 and below 100
 * @param latency    the target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Slo(Double percentile, Duration latency) {

    public Slo {
        percentile = percentile == null ? 99.0 : percentile;
        if (!(percentile > 0 && percentile < 100)) {
            throw SettingException.key("percentile", "must be above 0 and below 100, got " + percentile);
        }
        if (latency == null) {
            throw SettingException.record("missing 'latency': the target the percentile must stay within, e.g. 50ms");
        }
    }

    /** {@code p99 ≤ 50 ms}. */
    public String describe() {
        String p = percentile == Math.rint(percentile) ? Long.toString(percentile.longValue()) : percentile.toString();
        return "p" + p + " ≤ " + DurationText.format(latency);
    }
}
