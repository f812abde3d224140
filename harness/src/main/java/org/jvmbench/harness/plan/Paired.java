package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.jvmbench.harness.config.Defaults;

/**
 * The paired design's settings (sweep key {@code paired}, read only with {@code design: paired}).
 * Each point runs {@code rounds} rounds; in each, every arm gets one {@code slice} of the
 * point's load, in an order drawn from a generator seeded with {@code seed}, so the order of a
 * run can be drawn again. The first configuration is the baseline every other is taken
 * relative to. At most {@code maxAlive} server JVMs are alive at once: a repetition whose
 * configurations need more is measured in blocks that each keep the baseline's fork alive
 * beside as many others as fit, so every ratio is still taken in the same rounds as the baseline.
 *
 * @param rounds   rounds per point, at least 3
 * @param slice    one arm's turn in a round, at least 3 s (a slice needs full seconds)
 * @param seed     the order's seed; null draws one, which the run records
 * @param maxAlive server JVMs alive at once; null until the sweep is checked against a machine,
 *                 which derives it from its memory (and records it) when the file gives none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Paired(Integer rounds, Duration slice, Long seed, Integer maxAlive) {

    public Paired {
        rounds = rounds == null ? Defaults.PAIRED_ROUNDS : rounds;
        slice = slice == null ? Defaults.PAIRED_SLICE : slice;
        if (rounds < 3) {
            throw SettingException.key("rounds", "must be at least 3 (an interval needs rounds to resample), got " + rounds);
        }
        if (slice.toMillis() < 3000) {
            throw SettingException.key("slice", "must be at least 3s (a slice needs full seconds), got " + DurationText.format(slice));
        }
        if (maxAlive != null && maxAlive < 2) {
            throw SettingException.key("maxAlive", "must be at least 2 (the baseline and one configuration to compare), got "
                    + maxAlive);
        }
    }

    public static Paired defaults() {
        return new Paired(null, null, null, null);
    }

    /** These settings with the seed a run drew, so its record can be run again in the same order. */
    public Paired withSeed(long drawn) {
        return new Paired(rounds, slice, drawn, maxAlive);
    }

    /** These settings with the bound a machine's memory set, recorded with the run. */
    public Paired withMaxAlive(int jvms) {
        return new Paired(rounds, slice, seed, jvms);
    }
}
