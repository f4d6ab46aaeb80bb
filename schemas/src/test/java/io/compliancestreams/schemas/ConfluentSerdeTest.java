package io.compliancestreams.schemas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.compliancestreams.schemas.SchemaException.Problem;
import io.compliancestreams.schemas.avro.FindingDelta;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Confluent wire format against WireMock stubs that follow the Schema Registry API reference. */
class ConfluentSerdeTest {

    private static final String TOPIC = "compliance.finding.delta.v1";
    private static final String SUBJECT = TOPIC + "-value";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension registry = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Stream<SpecificRecord> samples() {
        return Samples.all().stream();
    }

    private SerdeConfig config() {
        return SerdeConfig.registry(registry.baseUrl());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @SuppressWarnings("unchecked")
    void shouldRoundTripEveryContractThroughTheRegistry(SpecificRecord sample) throws IOException {
        Class<SpecificRecord> type = (Class<SpecificRecord>) sample.getClass();
        Schema schema = sample.getSchema();
        String topic = "test." + schema.getName() + ".v1";
        stubRegister(topic + "-value", schema, 21);
        stubSchemaById(21, schema);

        byte[] bytes = AvroSerdes.forType(type, config()).serializer().serialize(topic, sample);
        SpecificRecord back = AvroSerdes.forType(type, config()).deserializer().deserialize(topic, bytes);

        assertThat(back).isEqualTo(sample);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(21);
        registry.verify(exactly(1), postRequestedFor(urlEqualTo("/subjects/" + topic + "-value/versions"))
                .withHeader("Content-Type", equalTo(CONTENT_TYPE))
                .withRequestBody(equalToJson(registerBody(schema))));
        registry.verify(exactly(1), getRequestedFor(urlEqualTo("/schemas/ids/21")));
    }

    @Test
    void shouldUseTheKeySubjectWhenConfiguredAsKeySerde() throws IOException {
        Schema schema = FindingDelta.getClassSchema();
        stubRegister(TOPIC + "-key", schema, 3);
        AvroSerde<FindingDelta> serde = AvroSerdes.findingDelta(config());
        serde.configure(Map.of(), true);

        byte[] bytes = serde.serializer().serialize(TOPIC, Samples.findingDelta());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(3);
        registry.verify(exactly(1), postRequestedFor(urlEqualTo("/subjects/" + TOPIC + "-key/versions")));
    }

    @Test
    void shouldCacheIdsAndSchemasSoRepeatedCallsDoNotHitTheRegistryAgain() throws IOException {
        Schema schema = FindingDelta.getClassSchema();
        stubRegister(SUBJECT, schema, 7);
        stubSchemaById(7, schema);
        AvroSerde<FindingDelta> writerSide = AvroSerdes.findingDelta(config());
        AvroSerde<FindingDelta> readerSide = AvroSerdes.findingDelta(config());

        byte[] first = writerSide.serializer().serialize(TOPIC, Samples.findingDelta());
        writerSide.serializer().serialize(TOPIC, Samples.findingDelta());
        writerSide.deserializer().deserialize(TOPIC, first);
        readerSide.deserializer().deserialize(TOPIC, first);
        readerSide.deserializer().deserialize(TOPIC, first);

        registry.verify(exactly(1), postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
        // The writer side learnt id 7 from registering; only the reader side fetched it, once.
        registry.verify(exactly(1), getRequestedFor(urlEqualTo("/schemas/ids/7")));
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsOff() throws IOException {
        Schema schema = FindingDelta.getClassSchema();
        registry.stubFor(post(urlEqualTo("/subjects/" + SUBJECT))
                .willReturn(json(200, Map.of("subject", SUBJECT, "id", 12, "version", 3, "schema", schema.toString()))));

        byte[] bytes = AvroSerdes.findingDelta(config().withAutoRegister(false)).serializer()
                .serialize(TOPIC, Samples.findingDelta());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(12);
        registry.verify(exactly(1), postRequestedFor(urlEqualTo("/subjects/" + SUBJECT))
                .withHeader("Content-Type", equalTo(CONTENT_TYPE))
                .withRequestBody(equalToJson(registerBody(schema))));
        registry.verify(exactly(0), postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions")));
    }

    @Test
    void shouldFailWithUnknownSchemaWhenSubjectIsNotFoundAndAutoRegisterIsOff() {
        registry.stubFor(post(urlEqualTo("/subjects/" + SUBJECT))
                .willReturn(error(404, 40401, "Subject '" + SUBJECT + "' not found.")));

        assertThatThrownBy(() -> AvroSerdes.findingDelta(config().withAutoRegister(false)).serializer()
                .serialize(TOPIC, Samples.findingDelta()))
                .isInstanceOfSatisfying(SchemaException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_SCHEMA))
                .hasMessageStartingWith("topic " + TOPIC + ": schema not registered")
                .hasMessageContaining("error_code 40401")
                .hasMessageContaining("Subject '" + SUBJECT + "' not found.");
    }

    @Test
    void shouldFailWithUnknownSchemaWhenTheSchemaIdIsNotInTheRegistry() {
        registry.stubFor(get(urlEqualTo("/schemas/ids/99")).willReturn(error(404, 40403, "Schema 99 not found")));
        byte[] bytes = {0, 0, 0, 0, 99, 2, 4};

        assertThatThrownBy(() -> AvroSerdes.findingDelta(config()).deserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_SCHEMA);
                    assertThat(e.topic()).isEqualTo(TOPIC);
                })
                .hasMessageStartingWith("topic " + TOPIC + ": unknown schema id 99")
                .hasMessageContaining("error_code 40403");
    }

    @Test
    void shouldFailWithIncompatibleSchemaWhenTheRegistryAnswers409() {
        registry.stubFor(post(urlEqualTo("/subjects/" + SUBJECT + "/versions")).willReturn(error(409, 409,
                "Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"")));

        assertRegisterFails(config(), Problem.INCOMPATIBLE_SCHEMA, "schema incompatible with the registered versions");
    }

    @Test
    void shouldFailWithInvalidSchemaWhenTheRegistryAnswers422() {
        registry.stubFor(post(urlEqualTo("/subjects/" + SUBJECT + "/versions"))
                .willReturn(error(422, 42201, "Invalid schema")));

        assertRegisterFails(config(), Problem.INVALID_SCHEMA, "schema invalid");
    }

    @Test
    void shouldFailWithUnauthorizedWhenTheRegistryAnswers401AndNeverShowThePassword() {
        registry.stubFor(post(urlEqualTo("/subjects/" + SUBJECT + "/versions"))
                .willReturn(error(401, 401, "Unauthorized")));
        SerdeConfig config = new SerdeConfig(registry.baseUrl(), "svc:s3cret", null, null, true);

        Throwable thrown = assertRegisterFails(config, Problem.REGISTRY_UNAUTHORIZED,
                "schema registry refused the credentials");

        assertThat(thrown.getMessage()).doesNotContain("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldSendTheBasicAuthHeader() throws IOException {
        stubRegister(SUBJECT, FindingDelta.getClassSchema(), 5);
        SerdeConfig config = new SerdeConfig(registry.baseUrl(), "svc:s3cret", null, null, true);

        AvroSerdes.findingDelta(config).serializer().serialize(TOPIC, Samples.findingDelta());

        String expected = "Basic " + Base64.getEncoder().encodeToString("svc:s3cret".getBytes(StandardCharsets.UTF_8));
        registry.verify(exactly(1), postRequestedFor(urlEqualTo("/subjects/" + SUBJECT + "/versions"))
                .withHeader("Authorization", equalTo(expected)));
    }

    @Test
    void shouldFailWithRegistryUnavailableOnServerError() {
        registry.stubFor(post(urlEqualTo("/subjects/" + SUBJECT + "/versions"))
                .willReturn(error(500, 50001, "Error in the backend data store")));

        assertRegisterFails(config(), Problem.REGISTRY_UNAVAILABLE, "schema registry unavailable");
    }

    @Test
    void shouldFailWithRegistryUnavailableWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SerdeConfig config = SerdeConfig.registry("http://localhost:" + closedPort);

        assertRegisterFails(config, Problem.REGISTRY_UNAVAILABLE, "schema registry unavailable");
        assertThatThrownBy(() -> AvroSerdes.findingDelta(config).deserializer()
                .deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1, 2}))
                .isInstanceOfSatisfying(SchemaException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.REGISTRY_UNAVAILABLE))
                .hasMessageStartingWith("topic " + TOPIC + ": schema registry unavailable: cannot fetch schema id 1");
    }

    @Test
    void shouldRejectAnUnknownMagicByte() {
        assertDecodeFails(new byte[] {1, 0, 0, 0, 7, 2}, Problem.UNKNOWN_HEADER, "unknown magic byte 0x01 (expected 0x00)");
    }

    @Test
    void shouldRejectPayloadShorterThanTheConfluentHeader() {
        assertDecodeFails(new byte[] {0, 0, 0}, Problem.TRUNCATED_PAYLOAD, "truncated payload: 3 bytes");
    }

    @Test
    void shouldRejectPayloadWhoseBodyEndsEarly() throws IOException {
        Schema schema = FindingDelta.getClassSchema();
        stubRegister(SUBJECT, schema, 7);
        byte[] bytes = AvroSerdes.findingDelta(config()).serializer().serialize(TOPIC, Samples.findingDelta());
        stubSchemaById(7, schema);

        assertDecodeFails(Arrays.copyOf(bytes, bytes.length - 30), Problem.TRUNCATED_PAYLOAD,
                "truncated payload: Avro body");
    }

    @Test
    void shouldMapNullToNullWithoutCallingTheRegistry() {
        AvroSerde<FindingDelta> serde = AvroSerdes.findingDelta(config());

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(registry.getAllServeEvents()).isEmpty();
    }

    private Throwable assertRegisterFails(SerdeConfig config, Problem problem, String detail) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> AvroSerdes.findingDelta(config).serializer().serialize(TOPIC, Samples.findingDelta()))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.topic()).isEqualTo(TOPIC);
                    thrown[0] = e;
                })
                .hasMessageStartingWith("topic " + TOPIC + ": " + detail);
        return thrown[0];
    }

    private void assertDecodeFails(byte[] bytes, Problem problem, String detail) {
        assertThatThrownBy(() -> AvroSerdes.findingDelta(config()).deserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(SchemaException.class, e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageStartingWith("topic " + TOPIC + ": " + detail);
    }

    private void stubRegister(String subject, Schema schema, int id) throws IOException {
        registry.stubFor(post(urlEqualTo("/subjects/" + subject + "/versions"))
                .withHeader("Content-Type", equalTo(CONTENT_TYPE))
                .withRequestBody(equalToJson(registerBody(schema)))
                .willReturn(json(200, Map.of("id", id))));
    }

    private void stubSchemaById(int id, Schema schema) {
        registry.stubFor(get(urlEqualTo("/schemas/ids/" + id))
                .willReturn(json(200, Map.of("schema", schema.toString()))));
    }

    private static String registerBody(Schema schema) throws IOException {
        return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, Map<String, ?> body) {
        try {
            return aResponse().withStatus(status)
                    .withHeader("Content-Type", CONTENT_TYPE)
                    .withBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int errorCode,
            String message) {
        return json(status, Map.of("error_code", errorCode, "message", message));
    }
}
