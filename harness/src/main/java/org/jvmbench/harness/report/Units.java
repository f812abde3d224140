package org.jvmbench.harness.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How reports write numbers: latency in ms with about three significant digits, memory in
 * MiB, CPU in cores, throughput as whole requests per second. One home, so the Markdown, the
 * CSV and the page agree (the page's script mirrors these rules).
 */
final class Units {

    static final double MIB = 1024.0 * 1024;

    private Units() {
    }

    /** Microseconds as milliseconds: 0.412, 4.12, 41.2, 412. */
    static String millis(double micros) {
        double ms = micros / 1000;
        int decimals = ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
        return String.format(Locale.ROOT, "%,." + decimals + "f", ms);
    }

    /** A count or rate with thousands separators: 12,345. */
    static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String cores(double cores) {
        return String.format(Locale.ROOT, "%.2f", cores);
    }

    /** Bytes as MiB: 212, or 9.5 below ten. */
    static String mib(double bytes) {
        double mib = bytes / MIB;
        return String.format(Locale.ROOT, mib < 10 ? "%.1f" : "%,.0f", mib);
    }

    /** A ratio against a baseline as a signed change: 1.12 -> +12 %, 0.955 -> -4.5 %. */
    static String change(double ratio) {
        double pct = (ratio - 1) * 100;
        String digits = Math.abs(pct) < 10 ? String.format(Locale.ROOT, "%.1f", Math.abs(pct))
                : String.format(Locale.ROOT, "%.0f", Math.abs(pct));
        if (digits.equals("0.0")) {
            return "±0 %";
        }
        return (pct > 0 ? "+" : "-") + digits + " %";
    }

    /** A share: 0.84 -> 84 %; 0.997 -> 99.7 %, as a runner-up must not read as 100 %. */
    static String share(double ratio) {
        boolean close = ratio < 1 && ratio >= 0.995;
        return String.format(Locale.ROOT, close ? "%.1f %%" : "%.0f %%", ratio * 100);
    }

    /** A ratio as a percentage for people: 0.0213 -> 2.1 %, 0.134 -> 13 %. */
    static String percent(double ratio) {
        double pct = ratio * 100;
        return String.format(Locale.ROOT, Math.abs(pct) < 10 ? "%.1f %%" : "%.0f %%", pct);
    }

    /** {@link #percent} with its sign: +0.8 %, −4.0 %. */
    static String signedPercent(double ratio) {
        return (ratio < 0 ? "−" : "+") + percent(Math.abs(ratio));
    }

    /** A stretch of wall time as the progress lines write it, whole seconds cut: 45s, 17m02s. */
    static String minutes(double seconds) {
        long s = (long) Math.max(0, seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }

    /** Seconds for people: 4.2 below ten, else whole (42, 1,250). */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.1f" : "%,.0f", seconds);
    }

    /** A p-value: 0.10, 0.029, 0.0079, or {@code < 0.0001}. */
    static String pValue(double p) {
        if (p < 0.0001) {
            return "< 0.0001";
        }
        return new BigDecimal(p).round(new java.math.MathContext(2)).toPlainString();
    }

    /** A number for machines: no grouping, no exponent, no trailing zeros; empty for NaN. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
