package org.jvmbench.harness.sweep;

import org.jvmbench.harness.plan.Fork;
import org.jvmbench.harness.result.CapacityProbe;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Startup;
import org.jvmbench.harness.result.WarmUp;
import org.jvmbench.harness.result.PointKey;
import org.jvmbench.harness.result.PointResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** One line per point on the terminal (and in {@code progress.log}): what it was, its headline numbers, the ETA. */
final class Progress {

    private final PrintWriter out;
    private final Path log;

    Progress(PrintWriter out, Path log) {
        this.out = out;
        this.log = log;
    }

    void say(String line) {
        out.println(line);
        out.flush();
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the terminal still has it
        }
    }

    void point(int done, int total, PointResult r, Duration left) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %-44s", done, total, label(r.key(), r.repetition())));
        if (r.latency() != null && r.throughput().requests() > 0) {
            line.append(String.format(Locale.ROOT, " %9.0f rps  p50 %s  p99 %s  KO %d",
                    r.throughput().rps(), millis(r.latency().p50Micros()), millis(r.latency().p99Micros()), r.throughput().ko()));
            if (r.open() != null && r.open().intendedLatency() != null) {
                line.append(String.format(Locale.ROOT, "  offered %.0f, from due p99 %s", r.open().offeredRps(),
                        millis(r.open().intendedLatency().p99Micros())));
            }
        } else {
            line.append(" not measured");
        }
        if (r.resources() != null) {
            line.append(String.format(Locale.ROOT, "  server %.2f cores %d MB  injector %.2f",
                    r.resources().serverCpuCores(), r.resources().serverRssBytes() / (1024 * 1024), r.resources().injectorCpuCores()));
        }
        line.append("  | ETA ").append(format(left));
        say(line.toString());
        for (Flag flag : r.flags()) {
            say("        ! " + flag.code() + ": " + flag.reason());
        }
    }

    /** One line per fork: how long its JVMs took to answer and what they held then. */
    void startup(Fork fork, Startup startup) {
        say(String.format(Locale.ROOT, "        %s: first answer after %.2f s%s, %d MB resident", fork.id(), startup.firstAnswerSeconds(),
                startup.processes() > 1 ? " (slowest of " + startup.processes() + "; " + String.format(Locale.ROOT, "%.2f", startup.firstAnswerSecondsSum()) + " s summed)" : "",
                startup.rssBytesAtFirstAnswer() >> 20));
    }

    /** One line per warm-up: how long the server took to settle on the endpoint, with the rule's figures. */
    void warmUp(Fork fork, String endpoint, WarmUpLoop.Outcome outcome) {
        if (outcome.record() == null) {
            say("        warm-up " + endpoint + " of " + fork.id() + ": " + outcome.failure());
            return;
        }
        WarmUp w = outcome.record();
        say(String.format(Locale.ROOT, "        warm-up %s × %d of %s: %s after %.0f s and %,d requests (%.0f s since start): %s",
                endpoint, w.users(), fork.id(), w.settled() ? "settled" : "NOT settled, cap reached", w.seconds(), w.requests(),
                w.sinceStartSeconds(), w.verdict()));
    }

    /** After an endpoint's warm-up, for its open points: the capacity its shares are of, or why the fork ends. */
    void openWarmUp(Fork fork, String endpoint, WarmUpLoop.Outcome outcome) {
        if (outcome.failure() != null) {
            say("        open warm-up " + endpoint + " of " + fork.id() + ": " + outcome.failure());
            return;
        }
        CapacityProbe c = outcome.capacity();
        if (c != null) {
            say(String.format(Locale.ROOT, "        capacity %s × %d of %s: %.0f rps closed (p99 %s, KO %d), shares of it follow",
                    endpoint, c.users(), fork.id(), c.rps(), c.latency() == null ? "-" : millis(c.latency().p99Micros()), c.ko()));
        }
    }

    static String label(PointKey k, int repetition) {
        return k.label(Set.of()) + (repetition > 1 ? " #" + repetition : "");
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.0f ms", micros / 1000.0);
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}
