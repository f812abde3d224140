package org.jvmbench.harness.trust;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Seconds without progress. A whole second in which no request completed while users were
 * waiting is a stall the mean would hide; a stall of half the request timeout (at least 2 s)
 * means requests are timing out behind it, and the server counts as hung.
 *
 * @param stalledSeconds      full seconds with no completed request
 * @param longest             the longest run of them
 * @param startOfLongest      index of the first second of that run
 */
public record Stalls(int stalledSeconds, int longest, int startOfLongest) {

    /** Reads the full seconds of a window, in order. */
    public static Stalls of(List<Long> fullSeconds) {
        int stalled = 0;
        int longest = 0;
        int current = 0;
        int startOfLongest = 0;
        for (int i = 0; i < fullSeconds.size(); i++) {
            if (fullSeconds.get(i) == 0) {
                stalled++;
                current++;
                if (current > longest) {
                    longest = current;
                    startOfLongest = i - current + 1;
                }
            } else {
                current = 0;
            }
        }
        return new Stalls(stalled, longest, startOfLongest);
    }

    /** Half the request timeout, at least 2 s: a stall that long has requests timing out behind it. */
    public static int hangSeconds(Duration requestTimeout) {
        return (int) Math.max(2, (requestTimeout.toMillis() + 1999) / 2000);
    }

    /**
     * Why the server counts as hung, or null: no request answered at all within the timeout,
     * nothing completed, or a stall of {@link #hangSeconds} in a row. A shorter pause (a GC, a
     * cold start on a busy machine) is latency and a {@code STALLED} flag, not a hang.
     *
     * @param errors KO count per kind
     */
    public static String hungReason(long requests, long ok, long ko, Map<String, Long> errors, List<Long> fullSeconds,
                                    Duration requestTimeout) {
        boolean onlyTimeouts = errors.keySet().stream().allMatch(kind -> kind.equals("timeout") || kind.equals("no_response"));
        if (requests > 0 && ok == 0 && onlyTimeouts) {
            return "no request was answered within the request timeout (" + ko + " timed out)";
        }
        if (requests == 0) {
            return "no request completed";
        }
        Stalls stalls = of(fullSeconds);
        if (stalls.longest >= hangSeconds(requestTimeout)) {
            return "no response completed for " + stalls.longest + " s (from second " + stalls.startOfLongest + ")";
        }
        return null;
    }
}
