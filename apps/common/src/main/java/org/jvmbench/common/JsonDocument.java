package org.jvmbench.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /json} body: a small catalogue generated with light, deterministic CPU work (a
 * few hashes and some arithmetic per item), then serialised by the framework. Nothing in it
 * depends on time, thread or app, so both apps must produce byte-identical bodies; a
 * difference means their JSON stacks differ, which would skew the comparison.
 */
public record JsonDocument(int count, String checksum, List<Item> items) {

    private static final String[] COLOURS = {
        "red", "green", "blue", "amber", "violet", "teal", "coral", "slate",
    };

    private static final String[] TAGS = {
        "new", "sale", "eco", "bulk", "fragile", "imported", "local", "seasonal",
        "limited", "classic", "premium", "basic", "gift", "outdoor", "kids", "pro",
    };

    /** One catalogue entry; {@code price} and {@code total} are exact to the cent. */
    public record Item(int id, String name, double price, int quantity, double total, double score,
                       List<String> tags) {
    }

    public static JsonDocument generate(int items) {
        List<Item> list = new ArrayList<>(items);
        long checksum = 17;
        for (int id = 1; id <= items; id++) {
            long h = mix(id);
            long priceCents = 100 + Long.remainderUnsigned(h, 99_900);
            int quantity = 1 + (int) Long.remainderUnsigned(h >>> 20, 20);
            String name = COLOURS[(int) (h >>> 60) & 7] + "-widget-" + id;
            List<String> tags = List.of(
                    TAGS[(int) (h >>> 40) & 15], TAGS[(int) (h >>> 44) & 15], TAGS[(int) (h >>> 48) & 15]);
            double score = Math.round(Math.sqrt(priceCents * quantity) * 1000) / 1000.0;
            list.add(new Item(id, name, priceCents / 100.0, quantity, priceCents * quantity / 100.0, score, tags));
            checksum = mix(checksum ^ h ^ name.hashCode() ^ tags.hashCode());
        }
        return new JsonDocument(items, String.format("%016x", checksum), List.copyOf(list));
    }

    private static long mix(long seed) {
        long z = seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
