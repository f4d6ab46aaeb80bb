package io.compliancestreams.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.FindingDelta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * FindingDelta v2 added {@code attribution} (issue 14): deltas written by v1 producers still read, and
 * sinks still on v1 read what v2 producers write, with the released schema files, not derived ones.
 */
class FindingDeltaEvolutionTest {

    private static final Schema V1 = SchemaHistory.versions("FindingDelta").get(0);
    private static final Schema V2 = SchemaHistory.versions("FindingDelta").get(1);

    @Test
    void shouldReleaseTheCurrentContractAsV2() {
        assertThat(SchemaNormalization.toParsingForm(V2))
                .isEqualTo(SchemaNormalization.toParsingForm(FindingDelta.getClassSchema()));
        assertThat(V1.getField("attribution")).isNull();
    }

    @Test
    void shouldBeCompatibleBothWaysWithV1() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V2, V1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V1, V2).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldReadV1BytesWithTheV2ReaderAndNoAttribution() throws IOException {
        FindingDelta sample = Samples.findingDelta();
        GenericRecord v1 = new GenericData.Record(V1);
        for (Schema.Field field : V1.getFields()) {
            v1.put(field.name(), GenericData.get().deepCopy(field.schema(),
                    toGeneric(field.schema(), sample.get(field.name()))));
        }
        byte[] bytes = encode(new GenericDatumWriter<>(V1), v1);

        FindingDelta read = new SpecificDatumReader<FindingDelta>(V1, V2)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(read.getAttribution()).isNull();
        assertThat(read.getDeltaId()).isEqualTo("f-3b9a:2");
        assertThat(read.getTrigger().getEventId()).isEqualTo("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b");
        assertThat(read.getEvaluatedAt()).isEqualTo(Samples.T0);
        assertThat(read.getSuppressed()).isTrue();
    }

    @Test
    void shouldReadV2BytesWithTheV1ReaderIgnoringAttribution() throws IOException {
        FindingDelta sample = Samples.findingDelta();
        assertThat(sample.getAttribution().getCertainty()).isEqualTo(AttributionCertainty.CERTAIN);
        byte[] bytes = encode(new SpecificDatumWriter<>(FindingDelta.class), sample);

        GenericRecord read = new GenericDatumReader<GenericRecord>(V2, V1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(read.getSchema().getField("attribution")).isNull();
        assertThat(read.get("deltaId")).hasToString("f-3b9a:2");
        assertThat(read.get("resourceArn")).hasToString("arn:aws:s3:::audit-logs");
        assertThat(read.get("suppressed")).isEqualTo(true);
    }

    /** The sample's values as the generic model holds them (enums and nested records re-typed to v1). */
    private static Object toGeneric(Schema schema, Object value) throws IOException {
        if (value instanceof org.apache.avro.specific.SpecificRecord record) {
            byte[] bytes = encode(new SpecificDatumWriter<>(record.getSchema()), record);
            Schema target = schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
            return new GenericDatumReader<GenericRecord>(record.getSchema(), target)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        }
        if (value instanceof Enum<?> e) {
            Schema target = schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
            return new GenericData.EnumSymbol(target, e.name());
        }
        if (value instanceof java.time.Instant instant) {
            return instant.toEpochMilli();
        }
        return value;
    }

    private static <T> byte[] encode(org.apache.avro.io.DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
