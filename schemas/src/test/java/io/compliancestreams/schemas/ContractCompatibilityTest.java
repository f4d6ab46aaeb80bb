package io.compliancestreams.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract can evolve: current and released versions read each other, and defaulted fields can be added. */
class ContractCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro/current");
    private static final Path HISTORY = Path.of("src/main/resources", SchemaHistory.ROOT);

    static Stream<SpecificRecord> samples() {
        return Samples.all().stream();
    }

    @Test
    void everyCurrentSchemaIsBackwardAndForwardCompatibleWithEveryReleasedVersion() {
        List<String> offenders = new ArrayList<>();
        for (SpecificRecord sample : Samples.all()) {
            Schema current = sample.getSchema();
            List<Schema> versions = SchemaHistory.versions(current.getName());
            for (int i = 0; i < versions.size(); i++) {
                Schema released = versions.get(i);
                String name = current.getName() + " v" + (i + 1);
                var backward = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
                var forward = SchemaCompatibility.checkReaderWriterCompatibility(released, current);
                if (backward.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    offenders.add(name + ": current cannot read it: " + backward.getResult().getIncompatibilities());
                }
                if (forward.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    offenders.add(name + ": it cannot read current: " + forward.getResult().getIncompatibilities());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyContractHasAReleasedV1AndHistoryHasNoStrayOrMissingVersions() throws IOException {
        List<String> contracts = Samples.all().stream().map(r -> r.getSchema().getName()).sorted().toList();
        try (Stream<Path> dirs = Files.list(HISTORY)) {
            assertThat(dirs.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(contracts);
        }
        for (String contract : contracts) {
            try (Stream<Path> files = Files.list(HISTORY.resolve(contract))) {
                long count = files.count();
                assertThat(SchemaHistory.versions(contract)).as(contract + " versions v1..vN without gaps")
                        .hasSize((int) count).isNotEmpty();
            }
        }
    }

    @Test
    void everyCurrentContractFileIsOneOfTheSampledContracts() throws IOException {
        List<String> contracts = Samples.all().stream().map(r -> r.getSchema().getName() + ".avsc").sorted().toList();
        try (Stream<Path> files = Files.list(CURRENT)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(contracts);
        }
    }

    @Test
    void everyFieldHasADocAndEveryNullableFieldDefaultsToNull() {
        List<String> offenders = new ArrayList<>();
        for (SpecificRecord sample : Samples.all()) {
            collectOffenders(sample.getSchema(), offenders, new ArrayList<>());
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Derives an "older" writer schema by dropping every field that has a default, writes the sample with it
     * and reads it with the current schema: the dropped fields come back as their defaults.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldReadRecordWrittenWithoutDefaultedFieldsUsingTheCurrentSchema(SpecificRecord sample) throws IOException {
        Schema current = sample.getSchema();
        Schema older = withoutDefaultedFields(current);
        assertThat(older.getFields()).hasSizeLessThan(current.getFields().size());
        SpecificData model = SpecificData.getForClass(sample.getClass());

        byte[] bytes = write(model, older, sample);
        SpecificDatumReader<SpecificRecord> reader = new SpecificDatumReader<>(older, current, model);
        SpecificRecord read = reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));

        for (Schema.Field field : current.getFields()) {
            Object expected = older.getField(field.name()) != null
                    ? sample.get(field.pos())
                    : model.deepCopy(field.schema(), model.getDefaultValue(field));
            assertThat(read.get(field.pos())).as(current.getName() + "." + field.name()).isEqualTo(expected);
        }
    }

    static Schema withoutDefaultedFields(Schema current) {
        List<Schema.Field> kept = current.getFields().stream()
                .filter(f -> !f.hasDefaultValue())
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false);
        older.setFields(kept);
        return older;
    }

    static byte[] write(SpecificData model, Schema writerSchema, SpecificRecord sample) {
        GenericData.Record record = new GenericData.Record(writerSchema);
        for (Schema.Field field : writerSchema.getFields()) {
            record.put(field.name(), sample.get(sample.getSchema().getField(field.name()).pos()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<GenericData.Record>(writerSchema, model).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void collectOffenders(Schema schema, List<String> offenders, List<String> seen) {
        if (schema.getType() != Schema.Type.RECORD || seen.contains(schema.getFullName())) {
            return;
        }
        seen.add(schema.getFullName());
        for (Schema.Field field : schema.getFields()) {
            String name = schema.getName() + "." + field.name();
            if (field.doc() == null || field.doc().isBlank()) {
                offenders.add(name + " has no doc");
            }
            if (field.schema().isNullable() && !(field.hasDefaultValue() && field.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE)) {
                offenders.add(name + " is nullable without default null");
            }
            for (Schema inner : nested(field.schema())) {
                collectOffenders(inner, offenders, seen);
            }
        }
    }

    private static List<Schema> nested(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes();
            case ARRAY -> List.of(schema.getElementType());
            case MAP -> List.of(schema.getValueType());
            default -> List.of(schema);
        };
    }
}
