package org.jvmbench.harness.trust;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jvmbench.harness.config.Defaults;

/**
 * When a warm-up may end. Over its last {@code window} of full seconds the server has settled
 * when its own JIT compilers have (almost) stopped working ({@code jitShare}: compilation time
 * grown inside the window / the window's wall time, summed over the server's JVMs) and its
 * throughput no longer climbs ({@code trend} at most the tolerance). Both are needed: on one
 * shared CPU the compilers can hold throughput flat and low for a while, and a flat series
 * with the compilers still busy is a plateau, not the peak.
 * <p>
 * Second-to-second swings ({@code cv}) are judged only when the server does not report its
 * JIT time, since throughput is then the only evidence. With the JIT read they are stated, not
 * judged: on this project's shared 2-CPU VM the servlet app on {@code /json}, its compilers
 * quiet (0.0 % of the time), switched between about 19k and 28k requests a second in stretches
 * of 5–15 s (CV 16–17 %), and even the raw Netty reference target swung 9 %; a CV bound only
 * held such a server until the cap. A fall is not a warm-up either, so with the JIT read the
 * trend is one-sided; the point's own window is still flagged UNSTEADY when it drifts either way.
 * <p>
 * A pure function of what was recorded, so tests drive it with series from real runs.
 */
public final class SettleRule {

    /**
     * @param minimum  never settled before this much warm-up
     * @param window   the trailing stretch of full seconds judged
     * @param trend    largest rise of the window's throughput (see {@link Steadiness#trend()}); either way when the JIT is unknown
     * @param cv       largest coefficient of variation of the window's throughput, judged when the JIT is unknown
     * @param jitShare largest share of the window's wall time the compilers may still spend
     */
    public record Tolerances(Duration minimum, Duration window, double trend, double cv, double jitShare) {

        public static Tolerances defaults() {
            return new Tolerances(Defaults.WARMUP_MINIMUM, Defaults.SETTLE_WINDOW, Defaults.SETTLE_TREND,
                    Defaults.SETTLE_CV, Defaults.SETTLE_JIT_SHARE);
        }
    }

    /** Requests completed in one whole wall-clock second of load. */
    public record Second(long epochSecond, long completed) {
    }

    /**
     * The server's compilation time (summed over its JVMs) read at a moment.
     *
     * @param compilationMs the time, or negative when unknown
     * @param failure       why the reading failed (the server did not answer its counters), or null: an
     *                      unknown time without a failure is a server that does not report it (a user's
     *                      jar without Actuator's {@code jvm.compilation.time})
     */
    public record JitReading(long epochMs, long compilationMs, String failure) {

        /** A reading the server answered: its time, or negative when it does not report one. */
        public JitReading(long epochMs, long compilationMs) {
            this(epochMs, compilationMs, null);
        }

        /** A reading that failed, and why. */
        public static JitReading failed(long epochMs, String why) {
            return new JitReading(epochMs, -1, why);
        }

        boolean known() {
            return compilationMs >= 0;
        }
    }

    /**
     * @param settled  every condition held
     * @param window   the judged seconds' shape
     * @param jitShare compilation time / wall time over the window, or NaN when unknown
     * @param numbers  the figures against their tolerances, in words, e.g.
     *                 {@code trend +1.2 % (≤ 5 %), CV 3.4 % (≤ 10 %), JIT 0.4 % of the time (≤ 2 %)}
     * @param failing  the conditions that did not hold, empty when settled
     * @param jitUnread why the JIT could not be judged though the server reports it (its reading
     *                 failed), or null when it was judged or the server does not report it
     */
    public record Verdict(boolean settled, Steadiness window, double jitShare, String numbers, List<String> failing,
                          String jitUnread) {

        public Verdict(boolean settled, Steadiness window, double jitShare, String numbers, List<String> failing) {
            this(settled, window, jitShare, numbers, failing, null);
        }
    }

    private SettleRule() {
    }

    /**
     * Judges the warm-up so far. A JIT reading that failed is skipped: while the JIT was read
     * inside the window but not after the last slice, the warm-up is not settled (the next
     * reading decides), and only when no reading inside the window knew the JIT is it judged on
     * throughput alone, as for a server that does not report its JIT; the verdict then says why
     * ({@link Verdict#jitUnread}) so the points after it are flagged rather than passed.
     */
    public static Verdict judge(List<Second> seconds, List<JitReading> jit, Duration elapsed, Tolerances tolerances) {
        List<Second> window = window(seconds, tolerances);
        Steadiness shape = Steadiness.of(window.stream().map(Second::completed).toList());
        long windowStartMs = window.isEmpty() ? Long.MAX_VALUE : window.getFirst().epochSecond() * 1000;
        double jitShare = window.isEmpty() ? Double.NaN : jitShare(jit, windowStartMs);
        List<String> failing = tooSoon(window, elapsed, tolerances);
        boolean jitKnown = !Double.isNaN(jitShare);
        String failure = lastFailure(jit);
        // read inside the window, but not after the last slice: skip this judgement, not the JIT
        boolean skipped = !jitKnown && jit.stream().anyMatch(r -> r.known() && r.epochMs() >= windowStartMs);
        if (skipped) {
            failing.add("JIT unread");
            String numbers = String.format(Locale.ROOT, "JIT unread after the last slice (%s; read again after the next), "
                            + "trend %s (rise ≤ %s), CV %s (stated, not judged), over the last %d s",
                    failure == null ? "read once so far" : failure, signedPercent(shape.trend()), percent(tolerances.trend()),
                    percent(shape.cv()), window.size());
            return new Verdict(false, shape, Double.NaN, numbers, List.copyOf(failing), failure == null ? "read once so far" : failure);
        }
        if (jitKnown ? shape.trend() > tolerances.trend() : Math.abs(shape.trend()) > tolerances.trend()) {
            failing.add("trend");
        }
        if (!jitKnown && shape.cv() > tolerances.cv()) {
            failing.add("CV");
        }
        if (jitKnown && jitShare > tolerances.jitShare()) {
            failing.add("JIT");
        }
        // unknown over the whole window: a reading that failed is said, a server that does not report its JIT is not at fault
        String unread = jitKnown || jit.isEmpty() || jit.getLast().failure() == null ? null : jit.getLast().failure();
        String numbers = jitKnown
                ? String.format(Locale.ROOT, "JIT %s of the time (≤ %s), trend %s (rise ≤ %s), CV %s (stated, not judged), over the last %d s",
                        percent(jitShare), percent(tolerances.jitShare()), signedPercent(shape.trend()), percent(tolerances.trend()),
                        percent(shape.cv()), window.size())
                // a server that does not report its JIT time (a user's jar without Actuator's jvm.compilation.time) is judged on throughput alone
                : String.format(Locale.ROOT, "trend %s (≤ %s), CV %s (≤ %s), JIT unknown%s (judged on throughput alone), over the last %d s",
                        signedPercent(shape.trend()), percent(tolerances.trend()), percent(shape.cv()), percent(tolerances.cv()),
                        unread == null ? "" : " — " + unread, window.size());
        return new Verdict(failing.isEmpty(), shape, jitShare, numbers, List.copyOf(failing), unread);
    }

    /** Why the newest reading that failed did, or null when none failed. */
    private static String lastFailure(List<JitReading> jit) {
        for (int i = jit.size() - 1; i >= 0; i--) {
            if (jit.get(i).failure() != null) {
                return jit.get(i).failure();
            }
        }
        return null;
    }

    /**
     * Whether a load has stopped getting faster, for a pair of JVMs whose JIT is not read but whose
     * only warm-up is speeding up: the injector against the reference target. Settled when, after
     * the minimum and over a full window, throughput rises less than the trend tolerance; swings
     * are stated, not judged (on this VM even the reference swung 9–14 % second to second).
     */
    public static Verdict judgeRise(List<Second> seconds, Duration elapsed, Tolerances tolerances) {
        List<Second> window = window(seconds, tolerances);
        Steadiness shape = Steadiness.of(window.stream().map(Second::completed).toList());
        List<String> failing = tooSoon(window, elapsed, tolerances);
        if (shape.trend() > tolerances.trend()) {
            failing.add("trend");
        }
        String numbers = String.format(Locale.ROOT, "trend %s (rise ≤ %s), CV %s (stated, not judged), over the last %d s",
                signedPercent(shape.trend()), percent(tolerances.trend()), percent(shape.cv()), window.size());
        return new Verdict(failing.isEmpty(), shape, Double.NaN, numbers, List.copyOf(failing));
    }

    /** The trailing seconds judged: the tolerance's window, never fewer than a trend needs. */
    private static List<Second> window(List<Second> seconds, Tolerances tolerances) {
        int size = windowSize(tolerances);
        return seconds.subList(Math.max(0, seconds.size() - size), seconds.size());
    }

    private static int windowSize(Tolerances tolerances) {
        return (int) Math.max(Steadiness.MIN_SECONDS, tolerances.window().toSeconds());
    }

    /** What holds every judgement back whatever the series: the minimum warm-up, and a full window. */
    private static List<String> tooSoon(List<Second> window, Duration elapsed, Tolerances tolerances) {
        List<String> failing = new ArrayList<>();
        if (elapsed.compareTo(tolerances.minimum()) < 0) {
            failing.add("minimum warm-up " + seconds(tolerances.minimum()) + " not reached");
        }
        if (window.size() < windowSize(tolerances)) {
            failing.add("only " + window.size() + " full seconds of " + windowSize(tolerances));
        }
        return failing;
    }

    /**
     * Compilation time grown from the last known reading at or before {@code fromEpochMs} (the
     * first known reading when none is that old) to the newest one, over the wall time between
     * them; NaN when the newest reading does not know it or no earlier one does. Readings that
     * do not know it are skipped: one failed read does not void the others.
     */
    static double jitShare(List<JitReading> jit, long fromEpochMs) {
        if (jit.isEmpty() || !jit.getLast().known()) {
            return Double.NaN;
        }
        List<JitReading> known = jit.stream().filter(JitReading::known).toList();
        if (known.size() < 2) {
            return Double.NaN;
        }
        JitReading from = known.getFirst();
        for (JitReading r : known) {
            if (r.epochMs() <= fromEpochMs) {
                from = r;
            }
        }
        JitReading to = known.getLast();
        long wallMs = to.epochMs() - from.epochMs();
        return wallMs <= 0 ? Double.NaN : (double) Math.max(0, to.compilationMs() - from.compilationMs()) / wallMs;
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.1f %%" : "%.0f %%", ratio * 100);
    }

    static String signedPercent(double ratio) {
        return (ratio >= 0 ? "+" : "−") + percent(Math.abs(ratio));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
