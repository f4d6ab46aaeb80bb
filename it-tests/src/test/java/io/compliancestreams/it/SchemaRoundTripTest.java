package io.compliancestreams.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerde;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every contract through a real broker, in both serde modes: Avro single-object encoding, and the
 * Confluent wire format against a schema registry stubbed at the HTTP level as the Confluent API
 * reference documents it. Also: a value written with an older writer schema still reads.
 */
class SchemaRoundTripTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KafkaBroker broker;
  private static WireMockServer registry;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    registry = new WireMockServer(options().dynamicPort());
    registry.start();
  }

  @AfterAll
  static void stop() {
    registry.stop();
    broker.close();
  }

  @Test
  void shouldRoundTripEveryContractThroughTheBrokerWithSingleObjectEncoding() {
    for (SpecificRecord sample : Samples.all()) {
      String topic = "it.single." + sample.getSchema().getName();
      AvroSerde<SpecificRecord> serde = serdeFor(sample, SerdeConfig.singleObject());
      byte[] bytes = serde.serializer().serialize(topic, sample);
      assertThat(bytes[0]).isEqualTo((byte) 0xC3);
      assertThat(bytes[1]).isEqualTo((byte) 0x01);
      byte[] back = sendAndReceive(topic, bytes);
      assertThat(serde.deserializer().deserialize(topic, back)).isEqualTo(sample);
    }
  }

  @Test
  void shouldRoundTripEveryContractThroughTheBrokerWithTheConfluentWireFormat() throws IOException {
    int id = 100;
    for (SpecificRecord sample : Samples.all()) {
      String topic = "it.registry." + sample.getSchema().getName();
      stubRegistry(topic, sample.getSchema(), ++id);
      AvroSerde<SpecificRecord> writer = serdeFor(sample, SerdeConfig.registry(registry.baseUrl()));
      byte[] bytes = writer.serializer().serialize(topic, sample);
      assertThat(bytes[0]).isZero();
      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
      byte[] back = sendAndReceive(topic, bytes);
      // A fresh reader resolves the id through GET /schemas/ids/{id}, as a consumer elsewhere would.
      AvroSerde<SpecificRecord> reader = serdeFor(sample, SerdeConfig.registry(registry.baseUrl()));
      assertThat(reader.deserializer().deserialize(topic, back)).isEqualTo(sample);
    }
  }

  @Test
  void shouldReadAValueWrittenWithTheReleasedV1SchemaInSingleObjectMode() throws IOException {
    FindingDelta sample = Samples.findingDelta();
    Schema v1 = new Schema.Parser().parse(
        getClass().getResourceAsStream("/avro/history/FindingDelta/v1.avsc"));
    GenericData.Record record = asRecordOf(v1, sample);
    byte[] bytes = new BinaryMessageEncoder<GenericData.Record>(GenericData.get(), v1).encode(record).array();
    String topic = "it.history.FindingDelta";
    byte[] back = sendAndReceive(topic, bytes);
    FindingDelta read = AvroSerdes.findingDelta(SerdeConfig.singleObject()).deserializer().deserialize(topic, back);
    // Fields added since v1 (attribution, resourceName) read as their defaults.
    assertThat(read).isEqualTo(Samples.asWrittenWith(v1, sample));
  }

  @Test
  void shouldFillDefaultsWhenAnOlderWriterSchemaLacksFieldsInRegistryMode() throws IOException {
    FindingDelta sample = Samples.findingDelta();
    Schema current = sample.getSchema();
    Schema older = withoutDefaultedFields(current);
    assertThat(older.getFields()).hasSizeLessThan(current.getFields().size());
    String topic = "it.older.FindingDelta";
    stubRegistry(topic, older, 900);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(900).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericData.Record>(older).write(asRecordOf(older, sample), encoder);
    encoder.flush();

    byte[] back = sendAndReceive(topic, out.toByteArray());
    FindingDelta read = AvroSerdes.findingDelta(SerdeConfig.registry(registry.baseUrl()))
        .deserializer().deserialize(topic, back);
    assertThat(read.getSuppressed()).isFalse();
    assertThat(read.getRemediation()).isNull();
    assertThat(read.getFindingId()).isEqualTo(sample.getFindingId());
    assertThat(read.getChangeKind()).isEqualTo(sample.getChangeKind());
  }

  private static Schema withoutDefaultedFields(Schema current) {
    List<Schema.Field> kept = new ArrayList<>();
    for (Schema.Field f : current.getFields()) {
      if (!f.hasDefaultValue()) {
        kept.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false);
    older.setFields(kept);
    return older;
  }

  private static GenericData.Record asRecordOf(Schema schema, SpecificRecord sample) throws IOException {
    // Through Avro's binary form, so logical types and enums become the generic representation.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new org.apache.avro.specific.SpecificDatumWriter<SpecificRecord>(sample.getSchema()).write(sample, encoder);
    encoder.flush();
    GenericData.Record full = new org.apache.avro.generic.GenericDatumReader<GenericData.Record>(sample.getSchema())
        .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(field.name(), full.get(field.name()));
    }
    return record;
  }

  private void stubRegistry(String topic, Schema schema, int id) throws IOException {
    String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    registry.stubFor(post(urlEqualTo("/subjects/" + topic + "-value/versions"))
        .withHeader("Content-Type", equalTo("application/vnd.schemaregistry.v1+json"))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/vnd.schemaregistry.v1+json")
            .withBody("{\"id\":" + id + "}")));
    registry.stubFor(get(urlEqualTo("/schemas/ids/" + id))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/vnd.schemaregistry.v1+json")
            .withBody(body)));
  }

  @SuppressWarnings("unchecked")
  private static AvroSerde<SpecificRecord> serdeFor(SpecificRecord sample, SerdeConfig config) {
    AvroSerde<SpecificRecord> serde =
        (AvroSerde<SpecificRecord>) AvroSerdes.forType(sample.getClass(), config);
    serde.configure(Map.of(), false);
    return serde;
  }

  private static byte[] sendAndReceive(String topic, byte[] value) {
    Map<String, Object> producerConfig = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "k".getBytes(), value)).get();
    } catch (Exception e) {
      throw new AssertionError("produce to " + topic, e);
    }
    Map<String, Object> consumerConfig = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record.value();
        }
      }
    }
    throw new AssertionError("nothing received on " + topic + " within 30 s");
  }
}
