package org.jvmbench.harness.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lists of a sweep file. Every list may be written as a single value, which stands for a
 * one-value list. Three kinds:
 * <ul>
 *   <li>an <em>axis</em> (the default for every list of the schema): at least one value and
 *       no value twice, since both are typos that would silently shrink a sweep;</li>
 *   <li>{@link Options}, a plain list ({@code jvmArgs}): empty and repeated items allowed;</li>
 *   <li>{@link Entries}, the server entries: at least one.</li>
 * </ul>
 * Items are read by the item type's own parser; an item's failure names its index.
 */
class ListOf extends StdDeserializer<List<Object>> implements ContextualDeserializer {

    enum Kind { AXIS, OPTIONS, ENTRIES }

    private final Kind kind;
    private final JsonDeserializer<Object> item;

    ListOf(Kind kind, JsonDeserializer<Object> item) {
        super(List.class);
        this.kind = kind;
        this.item = item;
    }

    /** Plain lists: {@code jvmArgs}. */
    static final class Options extends ListOf {
        Options() {
            super(Kind.OPTIONS, null);
        }
    }

    /** The server entries. */
    static final class Entries extends ListOf {
        Entries() {
            super(Kind.ENTRIES, null);
        }
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
        // the list being read; a map's values (the tuning knobs' axes) have the map as their property
        JavaType contextual = ctxt.getContextualType();
        JavaType type = contextual != null && contextual.isCollectionLikeType() ? contextual
                : property != null ? property.getType() : contextual;
        JsonDeserializer<Object> items = item;
        if (items == null || items instanceof ContextualDeserializer) {
            JavaType itemType = type.getContentType();
            items = item == null ? ctxt.findContextualValueDeserializer(itemType, property)
                    : (JsonDeserializer<Object>) ctxt.handleSecondaryContextualization(item, property, itemType);
        }
        return new ListOf(kind, items);
    }

    @Override
    public List<Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        List<Object> values = new ArrayList<>();
        if (!p.isExpectedStartArrayToken()) {
            values.add(one(p, ctxt));
            return values;
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            Object value;
            try {
                value = one(p, ctxt);
            } catch (IOException e) {
                throw JsonMappingException.wrapWithPath(e, values, i);
            }
            if (kind == Kind.AXIS && !seen.add(value)) {
                throw SweepValues.fail(p, "duplicate value " + (value == null ? SweepValues.ThreadCount.DEFAULT : value));
            }
            values.add(value);
        }
        if (values.isEmpty() && kind != Kind.OPTIONS) {
            throw SweepValues.fail(p, kind == Kind.AXIS ? "empty axis: give at least one value"
                    : "empty list: give at least one server entry");
        }
        return values;
    }

    private Object one(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NULL)) {
            return item.getNullValue(ctxt);
        }
        return item.deserialize(p, ctxt);
    }

    @Override
    public List<Object> getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        throw SweepValues.fail(ctxt.getParser(), kind == Kind.ENTRIES ? "has no value: list the server configurations to run"
                : "has no value (remove the key to use the default)");
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }
}
