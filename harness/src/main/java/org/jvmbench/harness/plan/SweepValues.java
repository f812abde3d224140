package org.jvmbench.harness.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;

/**
 * The typed parsers of a sweep file's values, one per type, each failing with one sentence
 * that says what it expected and what it found ({@code expected true or false, got text
 * 'maybe'}). Stricter than Jackson's own: no text read as a number or a number as text, since
 * a quoted {@code "8"} or an unquoted {@code 512} is more often a slip than a choice.
 * {@link SweepJson} registers them; the records' constructors hold the rules on the values.
 */
final class SweepValues {

    private SweepValues() {
    }

    /** How a message names what it found instead: kind and, for scalars, the value. */
    static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT, FIELD_NAME, END_OBJECT -> "a mapping";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + text(p);
            case VALUE_STRING -> "text '" + text(p) + "'";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (IOException e) {
            return "?";
        }
    }

    static JsonMappingException fail(JsonParser p, String problem) {
        return JsonMappingException.from(p, problem);
    }

    /**
     * A value of one type: read by {@link #read} from the current token, refused with
     * {@code expected <what>, got <found>} when the token is of another kind, and refused
     * when written without a value ({@code key:}), which is a slip, not a default.
     */
    abstract static class Scalar<T> extends StdDeserializer<T> {
        private final String what;

        Scalar(Class<?> type, String what) {
            super(type);
            this.what = what;
        }

        abstract T read(JsonParser p, DeserializationContext ctxt) throws IOException;

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p, ctxt);
        }

        JsonMappingException expected(JsonParser p) {
            return fail(p, "expected " + what + ", got " + describe(p));
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw fail(ctxt.getParser(), "expected " + what + ", got nothing");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** Text parsed by {@code parse}, whose IllegalArgumentException message is the problem as is. */
    static class Parsed<T> extends Scalar<T> {
        private final Function<String, T> parse;

        Parsed(Class<T> type, String what, Function<String, T> parse) {
            super(type, what);
            this.parse = parse;
        }

        @Override
        T read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw expected(p);
            }
            try {
                return parse.apply(p.getText());
            } catch (IllegalArgumentException e) {
                throw fail(p, e.getMessage());
            }
        }
    }

    static final class Text extends Parsed<String> {
        Text() {
            super(String.class, "text", s -> s);
        }
    }

    static final class WholeNumber extends Scalar<Integer> {
        WholeNumber() {
            super(Integer.class, "a whole number");
        }

        @Override
        Integer read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.getNumberType() != JsonParser.NumberType.INT) {
                throw expected(p);
            }
            return p.getIntValue();
        }
    }

    /**
     * A tuning knob's value as written, a number or a word, which the knob's row of the table then
     * reads ({@code ServerEntry}): the schema holds those knobs in one map, not a component each.
     */
    static final class TuningValue extends Scalar<Object> {
        TuningValue() {
            super(Object.class, "a number or a word");
        }

        @Override
        Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return p.getDoubleValue();
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return p.getText();
            }
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getBooleanValue();
            }
            throw expected(p);
        }
    }

    /** A number, whole or not: a rate, a share, a percentile. */
    static final class Decimal extends Scalar<Double> {
        Decimal() {
            super(Double.class, "a number");
        }

        @Override
        Double read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw expected(p);
            }
            return p.getDoubleValue();
        }
    }

    static final class Bool extends Scalar<Boolean> {
        Bool() {
            super(Boolean.class, "true or false");
        }

        @Override
        Boolean read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_TRUE) && !p.hasToken(JsonToken.VALUE_FALSE)) {
                throw expected(p);
            }
            return p.getBooleanValue();
        }
    }

    /** {@link DurationText}: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number lacks its unit. */
    static final class DurationValue extends Parsed<Duration> {
        DurationValue() {
            super(Duration.class, "a duration like 30s", DurationText::parse);
        }

        @Override
        Duration read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw fail(p, "'" + p.getText() + "' needs a unit: ms, s, m or h (e.g. 30s)");
            }
            return super.read(p, ctxt);
        }
    }

    static final class HeapValue extends Parsed<HeapSize> {
        HeapValue() {
            super(HeapSize.class, "a size like 512m or 1g", HeapSize::parse);
        }
    }

    static final class GcValue extends Parsed<Gc> {
        GcValue() {
            super(Gc.class, "text", Gc::parse);
        }
    }

    static final class AppValue extends Parsed<App> {
        AppValue() {
            super(App.class, "text", App::parse);
        }
    }

    /**
     * {@code "0-1"}, {@code "0,2"} or a bare number; checked against the machine while it is
     * read when the reading has one ({@link SweepJson#MACHINE_CPUS}), so {@code 0-2147483646}
     * is refused before it is expanded.
     */
    static final class CpuSetValue extends Scalar<CpuSet> {
        CpuSetValue() {
            super(CpuSet.class, "a CPU list like \"0\" or \"0-1\" or \"0,2\"");
        }

        @Override
        CpuSet read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING) && !(p.hasToken(JsonToken.VALUE_NUMBER_INT)
                    && p.getNumberType() == JsonParser.NumberType.INT)) {
                throw expected(p);
            }
            Object machineCpus = ctxt.getAttribute(SweepJson.MACHINE_CPUS);
            try {
                return machineCpus == null ? CpuSet.parse(p.getText()) : CpuSet.parse(p.getText(), (Integer) machineCpus);
            } catch (IllegalArgumentException e) {
                throw fail(p, e.getMessage());
            }
        }
    }

    /** A thread count: a whole number, or {@code default} (null) for the engine's own choice. */
    public static final class ThreadCount extends Scalar<Integer> {
        static final String DEFAULT = "default";

        public ThreadCount() {
            super(Integer.class, "a whole number or '" + DEFAULT + "'");
        }

        @Override
        Integer read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getText().strip().equals(DEFAULT)) {
                return null;
            }
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.getNumberType() != JsonParser.NumberType.INT) {
                throw expected(p);
            }
            return p.getIntValue();
        }
    }

    /**
     * A record that must be written as a mapping: says so, naming what it holds, where the
     * record's own deserializer would complain about constructors.
     */
    static final class Mapping extends DelegatingDeserializer {
        private final String what;

        Mapping(JsonDeserializer<?> delegate, String what) {
            super(delegate);
            this.what = what;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Mapping(newDelegatee, what);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.START_OBJECT) && !p.hasToken(JsonToken.FIELD_NAME) && !p.hasToken(JsonToken.END_OBJECT)) {
                throw fail(p, "expected " + what + ", got " + describe(p));
            }
            return super.deserialize(p, ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw fail(ctxt.getParser(), "expected " + what + ", got nothing");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}
