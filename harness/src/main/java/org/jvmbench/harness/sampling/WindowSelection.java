package org.jvmbench.harness.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples that describe a measured window {@code [startEpochMs, endEpochMs]}.
 * <p>
 * Edge rule: only samples taken inside the window (both ends inclusive) count, so every
 * interval used has both ends in the window and nothing of warm-up or ramp-down leaks in.
 * Up to one sampling period at each edge goes unmeasured; no value is interpolated, since
 * spreading a partial interval evenly would invent a rate nobody observed.
 * <p>
 * When fewer than two samples fall inside (a window shorter than the period, e.g. a point cut
 * short by a dying server), the selection widens to the nearest samples enclosing the window
 * (the last at or before its start, the first at or after its end) and says so.
 *
 * @param samples the selected samples, oldest first, at least two
 * @param widened true when the edge rule had to widen past the window
 */
record WindowSelection(List<Sample> samples, boolean widened) {

    static WindowSelection of(List<Sample> all, long startEpochMs, long endEpochMs) {
        if (endEpochMs < startEpochMs) {
            throw new IllegalArgumentException("window ends (" + endEpochMs + ") before it starts (" + startEpochMs + ")");
        }
        List<Sample> inside = new ArrayList<>();
        for (Sample s : all) {
            if (s.epochMs() >= startEpochMs && s.epochMs() <= endEpochMs) {
                inside.add(s);
            }
        }
        if (inside.size() >= 2) {
            return new WindowSelection(List.copyOf(inside), false);
        }
        int from = 0;
        int to = all.size() - 1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).epochMs() <= startEpochMs) {
                from = i;
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).epochMs() >= endEpochMs) {
                to = i;
            }
        }
        if (to - from < 1) {
            throw new IllegalArgumentException("need two samples around the window [" + startEpochMs + ", "
                    + endEpochMs + "], have " + all.size() + (all.isEmpty() ? "" : " from " + all.getFirst().epochMs()
                    + " to " + all.getLast().epochMs()));
        }
        return new WindowSelection(List.copyOf(all.subList(from, to + 1)), true);
    }
}
