package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jvmbench.harness.settings.Knob;

/**
 * Where in a sweep file something is, as its messages name it: {@code servers[1].threads[0]}.
 * A value written alone where a list may stand is named without an index
 * ({@code servers[0].threads}), as the user wrote it; the file's own tree tells which.
 * Every failure of one reading becomes one line here: {@code <file>: <place>: <problem>}.
 */
final class Places {

    private final String label;
    private final JsonNode root;

    /**
     * @param label how messages name the file
     * @param root  the file's syntax tree
     */
    Places(String label, JsonNode root) {
        this.label = label;
        this.root = root;
    }

    SweepFileException fail(String place, String problem) {
        return new SweepFileException(label + ": " + (place.isEmpty() ? "" : place + ": ") + problem);
    }

    /** The one line for a binding failure: a parser's, an unknown key, or a record's own rule. */
    SweepFileException binding(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (e instanceof UnrecognizedPropertyException unknown) {
            String place = place(path.subList(0, Math.max(0, path.size() - 1)));
            return fail(place, unknownKey(unknown.getPropertyName(), unknown.getReferringClass()));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SettingException s) {
                String record = place(path);
                if (s.key() == null) {
                    return fail(record, s.problem());
                }
                String key = join(record, s.key());
                return fail(s.item() ? item(key, s.value()) : key, s.problem());
            }
        }
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return fail(place(path), message.lines().findFirst().orElse("unreadable").strip());
    }

    /** {@code servers[0]}, or {@code servers} when the file gave one entry without a list. */
    String entry(int index) {
        return isList("servers") ? "servers[" + index + "]" : "servers";
    }

    /**
     * A key's place with the index of {@code value} in it when the file gave a list there:
     * {@code servers[0].threads[1]}; {@code servers[0].threads} when it gave the value alone.
     */
    String item(String key, Object value) {
        JsonNode node = node(key);
        if (node == null || !node.isArray()) {
            return key;
        }
        String wanted = String.valueOf(value);
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isValueNode() && node.get(i).asText().equalsIgnoreCase(wanted)) {
                return key + "[" + i + "]";
            }
        }
        return key;
    }

    /** Whether the file gave a list at this place. */
    boolean isList(String place) {
        JsonNode node = node(place);
        return node != null && node.isArray();
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The node at a place such as {@code servers[0].load.concurrency}, or null. */
    private JsonNode node(String place) {
        String pointer = place.isEmpty() ? "" : "/" + place.replace(".", "/").replace("[", "/").replace("]", "");
        JsonNode node = root.at(pointer);
        return node.isMissingNode() ? null : node;
    }

    private static String place(List<JsonMappingException.Reference> path) {
        StringBuilder place = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                place.append(place.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                place.append('[').append(r.getIndex()).append(']');
            }
        }
        return place.toString();
    }

    /** The problem of a key {@code record} does not have, listing the ones it has. */
    static String unknownKey(String key, Class<?> record) {
        return "unknown key '" + key + "' (known: " + keys(record) + ")";
    }

    /** A record's keys in the order the schema lists them: its components, as the file names them. */
    static String keys(Class<?> record) {
        if (record == null || !record.isRecord()) {
            return "?";
        }
        return Arrays.stream(record.getRecordComponents()).map(Places::key).collect(Collectors.joining(", "));
    }

    private static String key(RecordComponent c) {
        // the tuning knobs' axes stand in one map, under the table's keys
        if (c.getAccessor().isAnnotationPresent(JsonAnyGetter.class)) {
            return Knob.tunings().stream().map(Knob::key).collect(Collectors.joining(", "));
        }
        return componentKey(c);
    }

    private static String componentKey(RecordComponent c) {
        // JsonProperty does not target record components; it lands on the accessor
        JsonProperty named = c.getAccessor().getAnnotation(JsonProperty.class);
        return named != null && !named.value().isEmpty() ? named.value() : c.getName();
    }
}
