package io.compliancestreams.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.schemas.SchemaException.Problem;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SingleObjectSerdeTest {

    private static final String TOPIC = "aws.resource.snapshot.v1";

    static Stream<SpecificRecord> samples() {
        return Samples.all().stream();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> AvroSerde<T> serdeFor(T sample) {
        return AvroSerdes.forType((Class<T>) sample.getClass(), SerdeConfig.singleObject());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldRoundTripEveryContract(SpecificRecord sample) {
        AvroSerde<SpecificRecord> serde = serdeFor(sample);

        byte[] bytes = serde.serializer().serialize("some.topic.v1", sample);
        SpecificRecord back = serde.deserializer().deserialize("some.topic.v1", bytes);

        assertThat(back).isEqualTo(sample).isNotSameAs(sample);
    }

    @Test
    void shouldWriteMarkerAndLittleEndianFingerprintOfTheCurrentSchema() {
        byte[] bytes = AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()).serializer()
                .serialize(TOPIC, Samples.resourceSnapshot());

        long fingerprint = SchemaNormalization.parsingFingerprint64(ResourceSnapshot.getClassSchema());
        assertThat(Arrays.copyOfRange(bytes, 0, 2)).containsExactly(0xC3, 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(fingerprint);
    }

    @Test
    void shouldMapNullToNullBothWaysForTombstones() {
        AvroSerde<FindingDelta> serde = AvroSerdes.findingDelta(SerdeConfig.singleObject());

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldDecodePayloadWrittenWithTheReleasedV1SchemaFromHistory() throws IOException {
        Schema v1 = SchemaHistory.versions("FindingDelta").get(0);
        FindingDelta sample = Samples.findingDelta();
        byte[] bytes = new BinaryMessageEncoder<FindingDelta>(SpecificData.getForClass(FindingDelta.class), v1)
                .encode(sample).array();

        FindingDelta back = AvroSerdes.findingDelta(SerdeConfig.singleObject()).deserializer().deserialize(TOPIC, bytes);

        // v1 has no attribution (added in v2): it reads as null, every other field as written.
        assertThat(back).isEqualTo(FindingDelta.newBuilder(sample).setAttribution(null).build());
    }

    @Test
    void shouldDecodePayloadOfAnOlderVersionKnownToTheSchemaStore() throws IOException {
        Schema current = ResourceSnapshot.getClassSchema();
        Schema older = ContractCompatibilityTest.withoutDefaultedFields(current);
        ResourceSnapshot sample = Samples.resourceSnapshot();
        GenericData.Record oldRecord = new GenericData.Record(older);
        older.getFields().forEach(f -> oldRecord.put(f.name(), sample.get(f.name())));
        SpecificData model = SpecificData.getForClass(ResourceSnapshot.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericData.Record>(model, older).encode(oldRecord, out);
        SingleObjectFormat<ResourceSnapshot> format = new SingleObjectFormat<>(ResourceSnapshot.class, current,
                List.of(older));

        ResourceSnapshot back = format.decode(TOPIC, out.toByteArray());

        assertThat(back.getResourceId()).isEqualTo("audit-logs");
        assertThat(back.getCaptureTime()).isEqualTo(Samples.T0);
        assertThat(back.getArn()).isNull();
        assertThat(back.getTags()).isEqualTo(Map.of());
        assertThat(back.getRelationships()).isEmpty();
        assertThat(back.getScanId()).isNull();
    }

    @Test
    void shouldRejectEmptyPayloadAsTruncated() {
        assertFailure(new byte[0], Problem.TRUNCATED_PAYLOAD, "truncated payload: 0 bytes");
    }

    @Test
    void shouldRejectPayloadShorterThanTheHeaderAsTruncated() {
        assertFailure(new byte[] {(byte) 0xC3, 0x01, 1, 2}, Problem.TRUNCATED_PAYLOAD, "truncated payload: 4 bytes");
    }

    @Test
    void shouldRejectPayloadWithoutTheSingleObjectMarker() {
        byte[] bytes = validPayload();
        bytes[0] = 0x00;
        assertFailure(bytes, Problem.UNKNOWN_HEADER, "unknown single-object marker 0x0001");
    }

    @Test
    void shouldRejectPayloadWithAnUnknownFingerprint() {
        byte[] bytes = validPayload();
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x1234_5678_9abc_def0L);
        assertFailure(bytes, Problem.UNKNOWN_SCHEMA, "unknown schema fingerprint 0x123456789abcdef0");
    }

    @Test
    void shouldRejectPayloadWhoseBodyEndsEarlyAsTruncated() {
        byte[] bytes = validPayload();
        assertFailure(Arrays.copyOf(bytes, bytes.length - 20), Problem.TRUNCATED_PAYLOAD,
                "truncated payload: Avro body");
    }

    @Test
    void shouldRejectPayloadWithGarbageBodyWithoutNullPointerException() {
        byte[] bytes = validPayload();
        Arrays.fill(bytes, SingleObjectFormat.HEADER_LENGTH, bytes.length, (byte) 0xFF);
        assertThatThrownBy(() -> deserialize(bytes))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("topic " + TOPIC + ": ")
                .isNotInstanceOf(NullPointerException.class);
    }

    private static byte[] validPayload() {
        return AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()).serializer()
                .serialize(TOPIC, Samples.resourceSnapshot());
    }

    private static ResourceSnapshot deserialize(byte[] bytes) {
        return AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()).deserializer().deserialize(TOPIC, bytes);
    }

    private static void assertFailure(byte[] bytes, Problem problem, String detail) {
        assertThatThrownBy(() -> deserialize(bytes))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.topic()).isEqualTo(TOPIC);
                    assertThat(e.problem()).isEqualTo(problem);
                })
                .hasMessageStartingWith("topic " + TOPIC + ": " + detail);
    }
}
