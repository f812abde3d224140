package org.jvmbench.harness.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order arms take their turns in, round after round: a fresh random permutation each round,
 * drawn from one generator seeded by the sweep ({@code paired.seed}, recorded in the run's
 * {@code sweep.json}), so the same file runs its rounds in the same order again.
 */
final class RoundOrder {

    private final Random random;

    RoundOrder(long seed) {
        this.random = new Random(seed);
    }

    /** The next round's order of {@code arms}: every arm once. */
    <T> List<T> next(List<T> arms) {
        List<T> turns = new ArrayList<>(arms);
        Collections.shuffle(turns, random);
        return turns;
    }
}
