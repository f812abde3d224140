package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.trust.SettleRule;

/**
 * When a warm-up may end (sweep key {@code settle}): the server has settled when, over its last
 * {@code window} of full seconds, throughput drifts less than {@code trend}, varies less than
 * {@code cv}, and its JIT compilers spent less than {@code jit} of the time compiling; never
 * before {@code minimum}. Every key has its default ({@link Defaults}); the cap is {@code warmup}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settle(Duration minimum, Duration window, Double trend, Double cv, Double jit) {

    public Settle {
        minimum = minimum == null ? Defaults.WARMUP_MINIMUM : minimum;
        window = window == null ? Defaults.SETTLE_WINDOW : window;
        trend = trend == null ? Defaults.SETTLE_TREND : trend;
        cv = cv == null ? Defaults.SETTLE_CV : cv;
        jit = jit == null ? Defaults.SETTLE_JIT_SHARE : jit;
        if (window.toSeconds() < 6) {
            throw SettingException.key("window", "must be at least 6s (a trend needs thirds of two seconds), got " + window.toSeconds() + "s");
        }
        share("trend", trend);
        share("cv", cv);
        share("jit", jit);
    }

    /** Every tolerance at its default. */
    public static Settle defaults() {
        return new Settle(null, null, null, null, null);
    }

    /** The rule's tolerances. */
    public SettleRule.Tolerances tolerances() {
        return new SettleRule.Tolerances(minimum, window, trend, cv, jit);
    }

    private static void share(String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw SettingException.key(key, "must be a share above 0 and at most 1 (0.05 = 5 %), got " + value);
        }
    }
}
