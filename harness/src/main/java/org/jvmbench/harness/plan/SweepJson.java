package org.jvmbench.harness.plan;

import org.jvmbench.harness.settings.ProfileMode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;

/**
 * The one Jackson configuration of the sweep schema, for YAML as people write it and for the
 * JSON a run folder records: {@link SweepReader} binds with it, {@link SweepWriter} writes
 * with it, the reports read {@code sweep.json} with it. The table below is the whole schema
 * beside the records: a typed parser per value type, and every list an axis.
 */
final class SweepJson {

    /** The reading's machine CPU count, an attribute of a reader: CPU lists are checked against it while read. */
    static final String MACHINE_CPUS = "machineCpus";

    /** What each record is written as, for the message when it is written otherwise. */
    private static final Map<Class<?>, String> MAPPINGS = Map.of(
            ServerEntry.class, "a mapping with at least 'app'",
            Load.class, "a mapping with endpoints and concurrency or rates",
            CpuPinning.class, "a mapping with server and injector",
            Settle.class, "a mapping with minimum, window, trend, cv or jit",
            Paired.class, "a mapping with rounds, slice, seed or maxAlive",
            Slo.class, "a mapping with percentile and latency",
            Hosts.class, "a mapping with server, injectors and serverAddress",
            HostEntry.class, "a mapping with ssh (user@host[:port]) and cpus");

    static final ObjectMapper JSON = configure(new ObjectMapper());
    static final ObjectMapper YAML = configure(new YAMLMapper());

    private SweepJson() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule schema = new SimpleModule("sweep-schema");
        SimpleDeserializers values = new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                    BeanDescription beanDesc, TypeDeserializer elementTypeDeserializer, JsonDeserializer<?> elementDeserializer) {
                @SuppressWarnings("unchecked")
                JsonDeserializer<Object> items = (JsonDeserializer<Object>) elementDeserializer;
                return new ListOf(ListOf.Kind.AXIS, items);
            }
        };
        values.addDeserializer(String.class, new SweepValues.Text());
        values.addDeserializer(Integer.class, new SweepValues.WholeNumber());
        values.addDeserializer(Double.class, new SweepValues.Decimal());
        values.addDeserializer(Boolean.class, new SweepValues.Bool());
        values.addDeserializer(Object.class, new SweepValues.TuningValue());
        values.addDeserializer(Duration.class, new SweepValues.DurationValue());
        values.addDeserializer(HeapSize.class, new SweepValues.HeapValue());
        values.addDeserializer(Gc.class, new SweepValues.GcValue());
        values.addDeserializer(App.class, new SweepValues.AppValue());
        values.addDeserializer(Engine.class, new SweepValues.Parsed<>(Engine.class, "text", Engine::parse));
        values.addDeserializer(ProfileMode.class, new SweepValues.Parsed<>(ProfileMode.class, "text", ProfileMode::parse));
        values.addDeserializer(CpuSet.class, new SweepValues.CpuSetValue());
        values.addDeserializer(Design.class, new SweepValues.Parsed<>(Design.class, "text", Design::parse));
        schema.setDeserializers(values);
        schema.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                    JsonDeserializer<?> deserializer) {
                String what = MAPPINGS.get(beanDesc.getBeanClass());
                return what == null ? deserializer : new SweepValues.Mapping(deserializer, what);
            }
        });
        schema.addSerializer(new AsText<>(Duration.class, DurationText::format));
        schema.addSerializer(new AsText<>(HeapSize.class, HeapSize::toString));
        schema.addSerializer(new AsText<>(Gc.class, Gc::id));
        schema.addSerializer(new AsText<>(App.class, App::id));
        schema.addSerializer(new AsText<>(Engine.class, Engine::id));
        schema.addSerializer(new AsText<>(ProfileMode.class, ProfileMode::id));
        schema.addSerializer(new AsText<>(CpuSet.class, CpuSet::toString));
        schema.addSerializer(new AsText<>(Design.class, Design::id));
        return mapper.registerModule(schema)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The syntax tree of a file, or its syntax error (with its line). */
    static JsonNode tree(String text, SweepReader.Format format) throws JsonProcessingException {
        return (format == SweepReader.Format.JSON ? JSON : YAML).readTree(text);
    }

    /**
     * Binds a tree to a sweep: types and each record's own rules, nothing that needs the whole
     * sweep or the machine beyond the CPU count.
     *
     * @param machineCpus the CPUs lists are checked against while read, or null for none (reports)
     */
    static Sweep bind(JsonNode tree, Integer machineCpus) throws IOException {
        var reader = JSON.readerFor(Sweep.class);
        if (machineCpus != null) {
            reader = reader.withAttribute(MACHINE_CPUS, machineCpus);
        }
        return reader.readValue(tree);
    }

    /** The sweep as the tree {@link SweepWriter} writes, e.g. for a report's list of every setting. */
    static ObjectNode toTree(Sweep sweep) {
        return JSON.valueToTree(sweep);
    }

    /** Thread counts written back, {@code default} for the engine's own choice. */
    public static final class ThreadCounts extends StdSerializer<List<Integer>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ThreadCounts() {
            super((Class<List<Integer>>) (Class) List.class);
        }

        @Override
        public void serialize(List<Integer> counts, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray();
            for (Integer count : counts) {
                if (count == null) {
                    g.writeString(SweepValues.ThreadCount.DEFAULT);
                } else {
                    g.writeNumber(count);
                }
            }
            g.writeEndArray();
        }
    }

    /** A value written as its text form: {@code 30s}, {@code 512m}, {@code G1}, {@code servlet}, {@code 0,1}. */
    static final class AsText<T> extends StdSerializer<T> {
        private final Function<T, String> text;

        AsText(Class<T> type, Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(text.apply(value));
        }
    }
}
