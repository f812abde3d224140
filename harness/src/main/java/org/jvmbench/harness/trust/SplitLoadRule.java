package org.jvmbench.harness.trust;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.InjectorShare;

/**
 * The flags of a point driven from several injector hosts: one injector failed (the merged load
 * was not the total the point names), they started apart by more than
 * {@link Defaults#INJECTOR_START_SPREAD_SHARE} of the duration (for that long, part of the load
 * was missing), or one used {@link Defaults#INJECTOR_SATURATED_RATIO} of its CPUs or more over
 * its phase (the sampler, on the server's host, cannot see the injectors' CPUs second by second).
 */
public final class SplitLoadRule {

    private SplitLoadRule() {
    }

    /** {@code flags} with those of the injectors' shares added, in the order a point lists them; unchanged without shares. */
    public static List<Flag> withFlags(List<Flag> flags, List<InjectorShare> shares, Duration duration) {
        if (shares.isEmpty()) {
            return flags;
        }
        List<Flag> all = new ArrayList<>(flags);
        List<String> failed = shares.stream().filter(s -> s.failure() != null).map(s -> s.host() + " " + s.failure()).toList();
        if (!failed.isEmpty()) {
            all.add(new Flag(Flag.Code.INJECTOR_FAILED, failed.size() + " of " + shares.size() + " injectors failed: "
                    + String.join("; ", failed)));
        }
        long spread = shares.stream().filter(s -> s.failure() == null).mapToLong(InjectorShare::startLagMs).max().orElse(0);
        long allowed = Math.round(duration.toMillis() * Defaults.INJECTOR_START_SPREAD_SHARE);
        if (spread > allowed) {
            all.add(new Flag(Flag.Code.INJECTORS_STAGGERED, String.format(Locale.ROOT,
                    "the injectors' first requests spread over %d ms, more than %.0f %% of the %d s duration (%d ms)", spread,
                    Defaults.INJECTOR_START_SPREAD_SHARE * 100, duration.toSeconds(), allowed)));
        }
        List<String> saturated = shares.stream()
                .filter(s -> s.saturation() != null && s.saturation() >= Defaults.INJECTOR_SATURATED_RATIO)
                .map(s -> String.format(Locale.ROOT, "%s used %.2f of its %d CPU%s", s.host(), s.cpuCores(), s.cpus(),
                        s.cpus() == 1 ? "" : "s")).toList();
        if (!saturated.isEmpty() && all.stream().noneMatch(f -> f.code() == Flag.Code.INJECTOR_SATURATED)) {
            all.add(new Flag(Flag.Code.INJECTOR_SATURATED, String.format(Locale.ROOT, "at %.0f %% or more of its CPUs over its phase: ",
                    Defaults.INJECTOR_SATURATED_RATIO * 100) + String.join("; ", saturated)));
        }
        all.sort(Comparator.comparing(Flag::code));
        return List.copyOf(all);
    }
}
