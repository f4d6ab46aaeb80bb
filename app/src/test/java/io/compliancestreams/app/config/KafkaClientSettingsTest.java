package io.compliancestreams.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.schemas.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kafka.*} pass-through: from flags, environment and file alike, merged common then per
 * client, validated by Kafka's own definitions, secrets never shown.
 */
class KafkaClientSettingsTest {

  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
      + " username=\"ingest\" password=\"scram-5ecret-pw\";";

  @TempDir Path dir;

  private static KafkaClientConfig clients(Map<String, String> env, Map<String, String> flags) {
    return KafkaClientSettings.of(AppConfig.load(null, env, flags)).clients();
  }

  @Test
  void shouldGiveEveryKindOfClientACommonProperty() {
    KafkaClientConfig clients = clients(Map.of(), Map.of("kafka.bootstrap.servers", "kafka:9092",
        "kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "SCRAM-SHA-512"));

    for (Map<String, Object> kind : java.util.List.of(clients.producer(), clients.consumer(), clients.admin(),
        clients.streams())) {
      assertThat(kind).containsEntry("bootstrap.servers", "kafka:9092")
          .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }
  }

  @Test
  void shouldLetAPerClientOverrideWinOverTheCommonValue() {
    KafkaClientConfig clients = clients(Map.of(), Map.of("kafka.bootstrap.servers", "kafka:9092",
        "kafka.request.timeout.ms", "20000", "kafka.producer.request.timeout.ms", "5000",
        "kafka.consumer.fetch.min.bytes", "1024", "kafka.admin.retries", "7",
        "kafka.streams.num.standby.replicas", "1"));

    assertThat(clients.producer()).containsEntry("request.timeout.ms", "5000").doesNotContainKey("fetch.min.bytes");
    assertThat(clients.consumer()).containsEntry("request.timeout.ms", "20000").containsEntry("fetch.min.bytes", "1024");
    assertThat(clients.admin()).containsEntry("request.timeout.ms", "20000").containsEntry("retries", "7");
    // Streams: its own keys, and the per-client ones under its prefixes for its inner clients.
    assertThat(clients.streams()).containsEntry("num.standby.replicas", "1")
        .containsEntry("producer.request.timeout.ms", "5000").containsEntry("consumer.fetch.min.bytes", "1024")
        .containsEntry("admin.retries", "7").containsEntry("request.timeout.ms", "20000");
  }

  @Test
  void shouldNotHandAClientACommonPropertyItDoesNotKnow() {
    KafkaClientConfig clients = clients(Map.of(), Map.of("kafka.bootstrap.servers", "kafka:9092",
        "kafka.linger.ms", "50"));

    assertThat(clients.producer()).containsEntry("linger.ms", "50");
    assertThat(clients.consumer()).doesNotContainKey("linger.ms");
    assertThat(clients.admin()).doesNotContainKey("linger.ms");
  }

  @Test
  void shouldReadTheEnvironmentForm() {
    KafkaClientConfig clients = clients(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
        "KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_PRODUCER_LINGER_MS", "40",
        // Not ours: a Kafka image's JVM options stay ignored.
        "KAFKA_HEAP_OPTS", "-Xmx1g", "KAFKA_COMMAND_TIMEOUT", "PT5S"), Map.of());

    assertThat(clients.admin()).containsEntry("security.protocol", "SSL").containsEntry("bootstrap.servers", "kafka:9092");
    assertThat(clients.producer()).containsEntry("linger.ms", "40");
    assertThat(clients.admin()).doesNotContainKey("command.timeout");
  }

  @Test
  void shouldReadTheFileFormAndLetFlagsWinOverTheEnvironmentOverTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("kafka.properties"), String.join("\n",
        "kafka.bootstrap.servers=kafka:9092", "kafka.security.protocol=SASL_PLAINTEXT",
        "kafka.sasl.mechanism=PLAIN", "kafka.client.dns.lookup=use_all_dns_ips"));

    AppConfig config = AppConfig.load(file, Map.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256"),
        Map.of("kafka.client.dns.lookup", "resolve_canonical_bootstrap_servers_only"));
    KafkaClientConfig clients = KafkaClientSettings.of(config).clients();

    assertThat(clients.consumer()).containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
        .containsEntry("client.dns.lookup", "resolve_canonical_bootstrap_servers_only");
  }

  @Test
  void shouldRefuseABadValueNamingTheKeyAndWhatKafkaExpects() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> AppConfig.load(null, Map.of(), Map.of("kafka.security.protocol", "SASL_SSLL")));

    assertThat(e.getMessage()).startsWith("kafka.security.protocol (KAFKA_SECURITY_PROTOCOL) must be")
        .contains("SASL_SSL").endsWith("got 'SASL_SSLL'");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of("KAFKA_PRODUCER_LINGER_MS", "soon"), Map.of()))
        .hasMessageStartingWith("kafka.producer.linger.ms (KAFKA_PRODUCER_LINGER_MS) must be a whole number");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(),
        Map.of("kafka.sasl.client.callback.handler.class", "com.example.NoSuchHandler")))
        .hasMessageStartingWith("kafka.sasl.client.callback.handler.class (KAFKA_SASL_CLIENT_CALLBACK_HANDLER_CLASS)"
            + " must be the name of a class on the classpath");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(),
        Map.of("kafka.ssl.truststore.location", dir.resolve("missing.jks").toString())))
        .hasMessageStartingWith("kafka.ssl.truststore.location (KAFKA_SSL_TRUSTSTORE_LOCATION) must be a readable file");
  }

  @Test
  void shouldFindTheMskIamClassesOnTheClasspath() {
    KafkaClientConfig clients = clients(Map.of(), Map.of("kafka.bootstrap.servers", "b-1.msk:9098",
        "kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "AWS_MSK_IAM",
        "kafka.sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
        "kafka.sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));

    assertThat(clients.producer()).containsEntry("sasl.mechanism", "AWS_MSK_IAM");
  }

  @Test
  void shouldNameAnUnknownKafkaPropertyAndHowPassThroughWorks() {
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(), Map.of("kafka.sasl.mechanisms", "PLAIN")))
        .hasMessageStartingWith("unknown configuration key 'kafka.sasl.mechanisms': not a Kafka client property");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(), Map.of("kafka.producer.fetch.min.bytes", "1")))
        .hasMessageStartingWith("unknown configuration key 'kafka.producer.fetch.min.bytes'");
  }

  @Test
  void shouldRefuseWhatTheProductSetsItself() {
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(), Map.of("kafka.consumer.group.id", "mine")))
        .hasMessageStartingWith("kafka.consumer.group.id (KAFKA_CONSUMER_GROUP_ID) is set by the product itself");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(), Map.of("kafka.streams.application.id", "x")))
        .hasMessageContaining("use streams.application.id");
  }

  @Test
  void shouldNeverShowASecretValueInAnErrorNorInToString() {
    String broken = "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"plain-5ecret-pw\"";
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> AppConfig.load(null, Map.of(), Map.of("kafka.sasl.jaas.config", broken)));

    assertThat(e.getMessage()).startsWith("kafka.sasl.jaas.config (KAFKA_SASL_JAAS_CONFIG) must be a JAAS line")
        .endsWith("(value not shown: it may hold a secret)").doesNotContain("plain-5ecret-pw");

    AppConfig config = AppConfig.load(null, Map.of(), Map.of("kafka.bootstrap.servers", "kafka:9092",
        "kafka.sasl.jaas.config", JAAS, "kafka.ssl.key.password", "key-5ecret-pw"));
    assertThat(config.toString()).contains("kafka.sasl.jaas.config=****", "kafka.ssl.key.password=****")
        .doesNotContain("scram-5ecret-pw", "key-5ecret-pw");
    assertThat(KafkaClientSettings.of(config).toString()).doesNotContain("5ecret");
    assertThat(KafkaClientSettings.of(config).clients().toString()).doesNotContain("5ecret");
  }

  @Test
  void shouldRegisterSecretPropertiesForRedaction() {
    AppConfig.load(null, Map.of(), Map.of("kafka.bootstrap.servers", "kafka:9092", "kafka.sasl.jaas.config", JAAS,
        "kafka.ssl.keystore.password", "store-5ecret-pw"));

    assertThat(Redactor.redact("login failed for password scram-5ecret-pw; store store-5ecret-pw"))
        .isEqualTo("login failed for password ****; store ****");
    assertThat(Redactor.redact("jaas: " + JAAS)).isEqualTo("jaas: ****");
  }

  @Test
  void shouldPassTheSettingsToKafkaStreamsUnderTheProductsOwnGuarantees() {
    AppConfig config = AppConfig.load(null, Map.of(), Map.of("kafka.bootstrap.servers", "kafka:9092",
        "kafka.security.protocol", "SSL", "kafka.producer.linger.ms", "25"));

    var properties = Settings.streams(config, null).toProperties();

    assertThat(properties.getProperty("security.protocol")).isEqualTo("SSL");
    assertThat(properties.getProperty("producer.linger.ms")).isEqualTo("25");
    assertThat(properties.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
  }
}
