package org.jvmbench.harness.trust;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which lines of a server log name an error the JVM or the app does not recover from: a point
 * during which the server logged one is not trusted, whatever its numbers (the {@code virtual}
 * example's OutOfMemoryError for direct buffer memory came with no other flag).
 */
public final class FatalLines {

    private static final Pattern FATAL = Pattern.compile(
            "OutOfMemoryError|StackOverflowError|java\\.lang\\.InternalError|java\\.lang\\.VirtualMachineError"
                    + "|A fatal error has been detected by the Java Runtime Environment|Cannot reserve \\d+ bytes of direct buffer memory");

    /** Lines kept in a flag's reason and the point's record: the first few say enough. */
    public static final int KEPT = 5;

    private FatalLines() {
    }

    public static boolean isFatal(String line) {
        return FATAL.matcher(line).find();
    }

    /** The fatal lines among {@code lines}, at most {@link #KEPT}, each cut to 200 characters. */
    public static List<String> in(List<String> lines) {
        return lines.stream().filter(FatalLines::isFatal)
                .map(l -> l.length() > 200 ? l.substring(0, 200) + "…" : l.strip())
                .limit(KEPT).toList();
    }
}
