package org.jvmbench.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvmbench.harness.plan.CpuPinning;
import org.jvmbench.harness.plan.DurationText;
import org.jvmbench.harness.plan.Sweep;
import org.jvmbench.harness.plan.SweepWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentences that say what was run and where: from the sweep as recorded (typed, through
 * the sweep schema's records) and from {@code environment.json}, which is open-ended, so a
 * missing key there is left out and the page still lists every key there is.
 */
final class RunDescription {

    private static final Map<String, String> PRODUCT_NAMES = Map.of(
            "springBoot", "Spring Boot",
            "undertow", "Undertow",
            "reactorNetty", "Reactor Netty",
            "gatling", "Gatling",
            "netty", "Netty",
            "spring", "Spring Framework");

    private final SweepResults run;

    RunDescription(SweepResults run) {
        this.run = run;
    }

    /** Machine, JDK, durations, repeats, pinning, heap, GC and starvation mode when on, in one line. */
    String headerLine() {
        List<String> parts = new ArrayList<>();
        JsonNode env = run.environment();
        List<String> machine = new ArrayList<>();
        add(machine, text(env.get("cpuModel")));
        String cpus = text(env.get("cpus"));
        if (cpus != null) {
            machine.add(cpus + " CPUs");
        }
        add(machine, text(env.get("kernel")));
        if (!machine.isEmpty()) {
            parts.add("Machine: " + String.join(", ", machine));
        }
        String jdk = text(env.get("jdk"));
        if (jdk != null) {
            parts.add("JDK " + jdk);
        }
        Sweep sweep = run.sweep();
        if (sweep != null) {
            // paired: a point is its rounds' slices, not one window of the duration
            parts.add(sweep.inRounds() && sweep.paired() != null
                    ? sweep.paired().rounds() + " rounds of " + DurationText.format(sweep.paired().slice()) + " slices measured after "
                            + DurationText.format(sweep.warmup()) + " warm-up at most"
                    : DurationText.format(sweep.duration()) + " measured after " + DurationText.format(sweep.warmup()) + " warm-up");
            parts.add(sweep.repeat() + (sweep.repeat() == 1 ? " repetition" : " repetitions") + " per point");
        }
        String pinning = pinning();
        if (pinning != null) {
            parts.add(pinning);
        }
        List<String> jvm = new ArrayList<>();
        if (sweep != null) {
            jvm.add("heap " + sweep.heap());
            jvm.add(sweep.gc().id());
            // off by default and left unsaid then; on, it changes what /cpu?split does, so it is said
            if (sweep.starvation()) {
                jvm.add("starvation mode (split work waits on its own pool)");
            }
        }
        if (!jvm.isEmpty()) {
            parts.add(String.join(", ", jvm));
        }
        return String.join(" · ", parts);
    }

    /** The sweep's description, or null when it has none. */
    String description() {
        return run.sweep() == null || run.sweep().description().isBlank() ? null : run.sweep().description();
    }

    /** Every setting of the sweep as {@link #flatten} lists it; none when its file could not be read. */
    Map<String, String> sweepSettings() {
        return run.sweep() == null ? Map.of() : flatten(SweepWriter.toTree(run.sweep()));
    }

    /** {@code Spring Boot 3.5.16, Undertow 2.3.18, ... · commit abc123}, or null when neither is known. */
    String versionsLine() {
        List<String> parts = new ArrayList<>();
        JsonNode versions = run.environment().get("versions");
        if (versions != null && versions.isObject()) {
            List<String> products = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = versions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                products.add(PRODUCT_NAMES.getOrDefault(e.getKey(), e.getKey()) + " " + text(e.getValue()));
            }
            if (!products.isEmpty()) {
                parts.add(String.join(", ", products));
            }
        }
        String commit = text(run.environment().get("commit"));
        if (commit != null) {
            parts.add("commit " + commit);
        }
        return parts.isEmpty() ? null : "Versions: " + String.join(" · ", parts);
    }

    /** Where server and injector ran: the environment's pinning, else the sweep's CPU sets. */
    String pinning() {
        JsonNode pinning = run.environment().get("pinning");
        if ((pinning == null || pinning.isNull()) && run.sweep() != null && run.sweep().cpus() != null) {
            CpuPinning cpus = run.sweep().cpus();
            return "server on CPUs " + cpus.server() + ", injector on CPUs " + cpus.injector();
        }
        if (pinning == null || pinning.isNull()) {
            return null;
        }
        if (pinning.isObject()) {
            List<String> parts = new ArrayList<>();
            String server = text(pinning.get("server"));
            String injector = text(pinning.get("injector"));
            if (server != null) {
                parts.add("server on CPUs " + server);
            }
            if (injector != null) {
                parts.add("injector on CPUs " + injector);
            }
            return parts.isEmpty() ? "pinning " + text(pinning) : String.join(", ", parts);
        }
        return "pinning: " + text(pinning);
    }

    /**
     * Every key of a JSON object, nested objects as dotted keys, values as text:
     * {@code versions.springBoot -> 3.5.16}. Arrays of scalars are joined, others kept as JSON.
     */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, text(node));
        }
    }

    /** A value as a reader wants it: scalars as is, arrays of scalars joined, the rest as compact JSON. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            String t = node.asText();
            return t.isBlank() ? null : t;
        }
        if (node.isArray()) {
            boolean scalars = true;
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
                items.add(item.isValueNode() ? item.asText() : item.toString());
            }
            return scalars ? String.join(" ", items) : node.toString();
        }
        return node.toString();
    }

    private static void add(List<String> parts, String value) {
        if (value != null) {
            parts.add(value);
        }
    }
}
