package org.jvmbench.harness.server;

import org.jvmbench.harness.settings.ServerSpec;
import org.jvmbench.harness.settings.Knob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jvmbench.protocol.info.InfoBody;

/**
 * A running server's knobs as asked and as read back from it: what {@code ./bench serve}
 * prints, what a sweep records, and what a launch is checked against. The harness reports
 * settings it has read, not assumed; where a server cannot be read (a user's jar without our
 * {@code /info}) it says so per knob rather than echo the request.
 *
 * @param items the app and engine, then every knob of the engine, in {@link Engine#knobs()} order
 */
public record ReadBack(List<Item> items) {

    public ReadBack {
        items = List.copyOf(items);
    }

    /**
     * One knob.
     *
     * @param knob        which
     * @param description what it is on this engine, e.g. {@code Tomcat max threads}
     * @param asked       the value asked, as the command line writes it; null where the engine's default was left
     * @param effective   the value read from the running server; null where it reports none (Tomcat's pool on
     *                    virtual threads) or could not be read
     * @param source      where {@code effective} was read, e.g. {@code /info} or
     *                    {@code Actuator tomcat.threads.config.max}; null when it was not read
     * @param notRead     why the knob could not be read back, when {@code source} is null
     */
    public record Item(Knob knob, String description, String asked, String effective, String source, String notRead) {

        /** Read back and different from what was asked: the server runs something else. */
        public boolean mismatch() {
            return asked != null && source != null && !Objects.equals(asked, effective);
        }

        public boolean verified() {
            return source != null;
        }

        /**
         * E.g. {@code 16 (asked 16)}, {@code 8192 (engine default)},
         * {@code 16 requested, not verified (Undertow reports no thread metrics to Actuator)}.
         */
        public String describe() {
            if (source == null) {
                return (asked == null ? "engine default" : shown(asked) + " requested") + ", not verified (" + notRead + ")";
            }
            String value = effective == null ? "none" : shown(effective);
            String from = source.equals(InfoProbe.SOURCE) ? "" : ", read from " + source;
            return value + (asked == null ? " (engine default" + from + ")" : " (asked " + shown(asked) + from + ")");
        }

        private static String shown(String value) {
            return switch (value) {
                case "true" -> "on";
                case "false" -> "off";
                default -> value;
            };
        }
    }

    /** The items whose read-back differs from what was asked, as {@code threads 8 instead of 16}. */
    public List<String> mismatches() {
        return items.stream().filter(Item::mismatch)
                .map(i -> i.knob().key() + " " + (i.effective() == null ? "none" : i.effective()) + " instead of " + i.asked())
                .toList();
    }

    /** The knobs that could not be read back. */
    public List<Item> unverified() {
        return items.stream().filter(i -> !i.verified()).toList();
    }

    public Item item(Knob knob) {
        return items.stream().filter(i -> i.knob() == knob).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + knob.key() + " in this read-back"));
    }

    /**
     * Our app's {@code /info}: every knob of the engine is read back from the running engine
     * (apps/README.md says where each comes from), and the app and engine are what was launched.
     */
    public static ReadBack of(ServerSpec spec, InfoBody info) {
        List<Item> items = new ArrayList<>();
        items.add(read(Knob.APP, "app", spec.app().id(), info.app(), InfoProbe.SOURCE));
        items.add(read(Knob.ENGINE, "web server", spec.engine().infoName(), info.engine(), InfoProbe.SOURCE));
        InfoBody.Effective e = info.effective();
        for (Knob knob : spec.engine().knobs()) {
            String effective = switch (knob) {
                case WORKERS -> text(e.workers());
                case THREADS -> text(e.threads());
                case VIRTUAL_THREADS -> String.valueOf(e.virtualThreads());
                case STARVATION -> String.valueOf(e.starvation());
                default -> text(knob.tunable().readBack().apply(e));
            };
            items.add(read(knob, spec.engine().describe(knob), asked(spec, knob), effective, InfoProbe.SOURCE));
        }
        return new ReadBack(items);
    }

    /**
     * The value asked for a knob, as the command line writes it; null where the engine's default
     * is left. The modes are always asked: off is as much a setting as on; so is the apps' extra
     * CPU, whose default (0) is known: a spin the app ran unasked would slow every point.
     */
    public static String asked(ServerSpec spec, Knob knob) {
        return switch (knob) {
            case APP -> spec.app().id();
            case ENGINE -> spec.engine().infoName();
            case WORKERS -> text(spec.workers());
            case THREADS -> text(spec.threads());
            case VIRTUAL_THREADS -> String.valueOf(spec.virtualThreads());
            case STARVATION -> String.valueOf(spec.starvation());
            default -> {
                if (!knob.tuning()) {
                    throw new IllegalArgumentException(knob.key() + " is not a knob of the engine");
                }
                Knob.Values values = knob.tunable().values();
                yield values.text(values.orDefault(spec.tuning().get(knob)));
            }
        };
    }

    static Item read(Knob knob, String description, String asked, String effective, String source) {
        return new Item(knob, description, asked, effective, source, null);
    }

    static Item notRead(Knob knob, String description, String asked, String why) {
        return new Item(knob, description, asked, null, null, why);
    }

    /** Integers as the command line writes them, whatever number type JSON gave. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return value.toString();
    }

    /** For tests and the record: each knob's key and how it reads. */
    public Map<String, String> described() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        items.forEach(i -> out.put(i.knob().key(), i.describe()));
        return out;
    }
}
