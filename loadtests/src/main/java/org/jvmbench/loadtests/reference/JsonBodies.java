package org.jvmbench.loadtests.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jvmbench.common.JsonDocument;
import org.jvmbench.common.Parameters;

/**
 * The bytes the apps answer {@code /json?items=n} with, made once per {@code n} and then served
 * as they are. The apps build {@link JsonDocument} anew on every request and let Spring's Jackson
 * write it; the document is the same every time, and the reference target is there to cost the
 * server as little as possible, so it writes the same bytes once, by hand.
 *
 * <p>By hand rather than with a Jackson: the injector's classpath has Gatling's, but keeping it
 * out of here keeps the reference independent of whichever Jackson Gatling brings. What "the same
 * bytes" means is Jackson's default output for a record, which Spring Boot does not change for
 * these types: components in declaration order, no spaces, integers as {@code Integer.toString},
 * doubles as {@code Double.toString} (Jackson's {@code NumberOutput} without its fast writer),
 * strings with {@code "}, {@code \} and control characters escaped. A test compares every
 * {@code n} against Jackson's own bytes.
 */
final class JsonBodies {

    private final AtomicReferenceArray<byte[]> byItems = new AtomicReferenceArray<>(Parameters.ITEMS.max() + 1);

    /**
     * @param items within {@link Parameters#ITEMS}' limits
     * @return the body; shared, not to be modified
     */
    byte[] forItems(int items) {
        byte[] body = byItems.get(items);
        if (body == null) {
            // Two threads may both write it the first time; they write the same bytes.
            body = write(JsonDocument.generate(items)).getBytes(StandardCharsets.UTF_8);
            byItems.set(items, body);
        }
        return body;
    }

    static String write(JsonDocument document) {
        StringBuilder json = new StringBuilder(128 + 160 * document.items().size());
        json.append("{\"count\":").append(document.count())
                .append(",\"checksum\":");
        string(json, document.checksum());
        json.append(",\"items\":[");
        List<JsonDocument.Item> items = document.items();
        for (int i = 0; i < items.size(); i++) {
            JsonDocument.Item item = items.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":").append(item.id())
                    .append(",\"name\":");
            string(json, item.name());
            json.append(",\"price\":").append(Double.toString(item.price()))
                    .append(",\"quantity\":").append(item.quantity())
                    .append(",\"total\":").append(Double.toString(item.total()))
                    .append(",\"score\":").append(Double.toString(item.score()))
                    .append(",\"tags\":[");
            for (int t = 0; t < item.tags().size(); t++) {
                if (t > 0) {
                    json.append(',');
                }
                string(json, item.tags().get(t));
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    /** A JSON string as Jackson writes it by default: quotes, backslashes and controls escaped. */
    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04X", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
