package io.compliancestreams.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker engine to run docker-compose.yml here, so this test parses it and checks it
 * against the app's configuration keys and the README's table.
 */
class DockerComposeTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static JsonNode compose;

  @BeforeAll
  static void parse() throws IOException {
    compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
  }

  @Test
  void shouldDeclareKafkaRegistryAndPipelineServices() {
    List<String> names = new ArrayList<>();
    compose.get("services").fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("kafka", "schema-registry", "streams", "ingest");
    assertThat(compose.at("/services/kafka/image").asText()).startsWith("apache/kafka:");
    assertThat(compose.at("/services/kafka/environment/KAFKA_PROCESS_ROLES").asText())
        .isEqualTo("broker,controller");
    assertThat(compose.at("/services/kafka/ports/0").asText()).isEqualTo("9092:9092");
    assertThat(compose.at("/services/schema-registry/ports/0").asText()).isEqualTo("8081:8081");
  }

  /** The image the build makes (app/pom.xml, profile image: Jib's buildTar), not a Dockerfile's. */
  @Test
  void shouldRunThePipelineFromTheImageTheBuildMakes() throws IOException {
    String appPom = Files.readString(ROOT.resolve("app/pom.xml"));
    assertThat(appPom).contains("<image.name>compliance-streams</image.name>", "<tag>latest</tag>");
    assertThat(ROOT.resolve("Dockerfile")).doesNotExist();
    for (String service : List.of("streams", "ingest", "sink-s3", "sink-ocsf")) {
      assertThat(compose.at("/services/" + service + "/image").asText()).as(service).isEqualTo("compliance-streams:latest");
      assertThat(compose.at("/services/" + service).has("build")).as(service).isFalse();
    }
    // ingest serves no HTTP, so the image's health check (the health command) cannot pass there.
    assertThat(compose.at("/services/ingest/healthcheck/disable").asBoolean()).isTrue();
    assertThat(compose.at("/services/streams").has("healthcheck")).isFalse();
  }

  @Test
  void shouldUseOnlyConfigurationKeysOfTheAppInPipelineServices() {
    Set<String> unknown = new TreeSet<>();
    compose.get("services").fields().forEachRemaining(service -> {
      JsonNode image = service.getValue().get("image");
      boolean pipeline = image != null && image.asText().startsWith("compliance-streams");
      if (!pipeline) {
        return;
      }
      assertThat(service.getValue().get("command")).as(service.getKey() + " command").isNotNull();
      service.getValue().get("environment").fieldNames().forEachRemaining(env -> {
        if (ConfigKeys.byEnv(env).isEmpty() && KafkaPassThrough.fromEnvironment(Map.of(env, "x")).isEmpty()) {
          unknown.add(service.getKey() + ": " + env);
        }
      });
    });
    assertThat(unknown).isEmpty();
    assertThat(compose.at("/services/streams/environment/KAFKA_BOOTSTRAP_SERVERS").asText())
        .isEqualTo("kafka:9092");
  }

  @Test
  void shouldDocumentEveryConfigurationKeyInTheReadme() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> missing = new ArrayList<>();
    for (ConfigKey key : ConfigKeys.all()) {
      if (!readme.contains("`" + key.key() + "`") || !readme.contains("`" + key.env() + "`")) {
        missing.add(key.key() + " / " + key.env());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldDocumentTheKafkaPassThroughAndTheEmbeddedBrokerInTheReadme() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));

    for (String prefix : List.of("kafka.", "kafka.producer.", "kafka.consumer.", "kafka.admin.", "kafka.streams.")) {
      assertThat(readme).contains("`" + prefix + "<property>`");
      String property = prefix.equals("kafka.streams.") ? "num.standby.replicas" : "request.timeout.ms";
      assertThat(KafkaPassThrough.parse(prefix + property)).as(prefix).isPresent();
    }
    assertThat(readme).contains("`KAFKA_<PROPERTY>`", "--embedded-broker");
  }
}
