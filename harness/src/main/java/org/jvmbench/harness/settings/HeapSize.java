package org.jvmbench.harness.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM heap size as {@code -Xmx} takes it, parsed once: {@code 512m}, {@code 1g},
 * {@code 768k}. Kept as bytes, so {@code 1g} and {@code 1024m} are the same size and bounds
 * compare numbers, not text.
 *
 * @param bytes at least one kibibyte
 */
public record HeapSize(long bytes) implements Comparable<HeapSize> {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]*)([kKmMgG])");
    private static final long K = 1024;
    private static final long M = K * 1024;
    private static final long G = M * 1024;

    public HeapSize {
        if (bytes < K || bytes % K != 0) {
            throw new IllegalArgumentException("a heap size is a whole number of kibibytes, got " + bytes + " bytes");
        }
    }

    /** Reads {@code 512m}, {@code 1g} or {@code 768k}; fails with one sentence. */
    public static HeapSize parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a heap size (expected e.g. 512m or 1g)");
        }
        long unit = switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> K;
            case 'm' -> M;
            default -> G;
        };
        try {
            return new HeapSize(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is larger than any machine's memory");
        }
    }

    public static HeapSize ofBytes(long bytes) {
        return new HeapSize(bytes);
    }

    /** Any number of bytes for a message: {@code 23.6 GiB}, {@code 160 MiB}. */
    public static String describe(long bytes) {
        if (bytes >= G) {
            return String.format(java.util.Locale.ROOT, bytes % G == 0 ? "%.0f GiB" : "%.1f GiB", (double) bytes / G);
        }
        return String.format(java.util.Locale.ROOT, "%.0f MiB", (double) bytes / M);
    }

    @Override
    public int compareTo(HeapSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** The form {@code -Xmx} and sweep files take, in the largest exact unit: {@code 1g}, {@code 1536m}. */
    @Override
    public String toString() {
        if (bytes % G == 0) {
            return bytes / G + "g";
        }
        if (bytes % M == 0) {
            return bytes / M + "m";
        }
        return bytes / K + "k";
    }
}
