package io.compliancestreams.it.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.devkit.LoopbackPorts;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole app configured with every kind of secret (Slack webhook, Jira API token, schema-registry
 * password, Splunk HEC token, HTTP bearer token, AWS access keys), run through startup, config
 * errors and every sink's error path: no secret appears in any log line, exception, HTTP response
 * body, or {@link AppConfig#toString()}.
 */
class SecretsTest {

  static final String WEBHOOK_PATH = "/services/T0SECRET/B0SECRET/slackhook5ecret42";
  static final String JIRA_EMAIL = "bot@example.com";
  static final String JIRA_TOKEN = "jira-api-token-5ecret-9f3";
  static final String REGISTRY_USER_INFO = "registry:reg-pa55-5ecret-77";
  static final String HEC_TOKEN = "hec-token-5ecret-5150";
  static final String HTTP_TOKEN = "http-token-5ecret-c0ffee";
  static final String AWS_ACCESS_KEY = "AKIA5ECRETKEY0000001";
  static final String AWS_SECRET_KEY = "aws-5ecret-wJalrXUtnFEMIK7MDENG";
  static final String PREFIX = "secrets.";

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final List<String> bodies = new ArrayList<>();

  @Test
  void shouldNeverShowASecretInLogsResponsesErrorsOrToString() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    root.setLevel(Level.INFO); // the app's default LOG_LEVEL
    logs.start();
    root.addAppender(logs);
    System.setProperty("aws.accessKeyId", AWS_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", AWS_SECRET_KEY);
    WireMockServer http = new WireMockServer(options().dynamicPort());
    http.start();
    List<AutoCloseable> running = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start()) {
      stubServices(http);
      Map<String, String> env = environment(broker, http);

      // Config errors name the key, never the value.
      List<String> errors = new ArrayList<>();
      errors.add(message(() -> Settings.serdes(AppConfig.load(null, Map.of(
          "SCHEMA_REGISTRY_URL", http.baseUrl(), "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "no-colon-5ecret"), Map.of()))));
      errors.add(message(() -> SinkFactory.runner("slack", AppConfig.load(null, withEntry(env, "SLACK_WEBHOOK_URL",
          "hooks.slack.com" + WEBHOOK_PATH), Map.of()), new SimpleMeterRegistry())));
      errors.add(message(() -> SinkFactory.runner("jira", AppConfig.load(null, withEntry(env, "JIRA_URL",
          "http://" + JIRA_EMAIL + ":" + JIRA_TOKEN + "@jira.example"), Map.of()), new SimpleMeterRegistry())));

      AppConfig config = AppConfig.load(null, env, Map.of());
      String configText = config.toString();
      StreamsNode node = StreamsNode.start(config);
      running.add(node);
      await("streams running").atMost(Duration.ofSeconds(60))
          .until(() -> node.app().state() == KafkaStreams.State.RUNNING);
      for (String sink : SinkFactory.NAMES) {
        SinkRunner runner = SinkFactory.runner(sink, config, new SimpleMeterRegistry());
        running.add(runner);
        runner.start();
      }
      // One decodable delta (every destination fails on it) and one whose schema the registry refuses.
      FindingDelta failing = FindingDelta.newBuilder(Samples.findingDelta()).setSuppressed(false).build();
      produce(broker, PREFIX + "compliance.finding.delta.v1", confluent(1, failing));
      produce(broker, PREFIX + "compliance.finding.delta.v1", confluent(2, failing));
      await("every sink went through its error paths").atMost(Duration.ofSeconds(90)).until(() ->
          dlqSize(broker, "slack") == 2 && dlqSize(broker, "jira") == 2
              && logged("sink ocsf: flush attempt"));

      String base = "http://127.0.0.1:" + node.httpPort();
      for (String path : List.of("/api/practices", "/api/findings", "/api/posture", "/api/deltas",
          "/api/resource?key=111122223333", "/api/findings?practice=x", "/api/deltas?after=x", "/metrics",
          "/health", "/", "/dashboard.js")) {
        bodies.add(getBody(base + path, "Bearer " + HTTP_TOKEN));
        bodies.add(getBody(base + path, null));
        bodies.add(getBody(base + path, "Bearer wrong"));
      }

      // Closing flushes the S3 buffer into the server that is not there: its error path too.
      for (int i = running.size() - 1; i >= 0; i--) {
        running.get(i).close();
      }
      running.clear();

      List<String> texts = new ArrayList<>();
      logs.list.forEach(e -> {
        texts.add(e.getFormattedMessage());
        if (e.getThrowableProxy() != null) {
          texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
      });
      int logLines = texts.size();
      texts.addAll(bodies);
      texts.addAll(errors);
      texts.add(configText);
      texts.addAll(dlqReasons(broker));
      List<String> found = new ArrayList<>();
      for (String secret : secrets()) {
        texts.stream().filter(t -> t != null && t.contains(secret)).forEach(t -> found.add(secret + " in: " + t));
      }
      assertThat(found).isEmpty();
      // The run did reach the error paths whose messages could have leaked.
      assertThat(errors).allSatisfy(e -> assertThat(e).isNotBlank());
      assertThat(logged("Slack webhook: HTTP 500")).isTrue();
      assertThat(logged("Jira GET")).isTrue();
      assertThat(logged("HEC answered 403")).isTrue();
      assertThat(logged("sink s3: final flush failed")).isTrue();
      assertThat(configText).contains("sink.jira.api.token=****", "http.token=****", "sink.slack.webhook.url=****",
          "basic.auth.user.info=****", "sink.ocsf.hec.token=****");
      System.out.println("[reliability] secrets: " + secrets().size() + " values searched in " + logLines
          + " log lines, " + bodies.size() + " HTTP bodies, " + errors.size() + " config errors, DLQ reasons,"
          + " AppConfig#toString; found " + found.size());
    } finally {
      for (AutoCloseable r : running) {
        r.close();
      }
      http.stop();
      root.detachAppender(logs);
      root.setLevel(level);
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  static List<String> secrets() {
    return List.of(WEBHOOK_PATH, "slackhook5ecret42", JIRA_TOKEN,
        Base64.getEncoder().encodeToString((JIRA_EMAIL + ":" + JIRA_TOKEN).getBytes(StandardCharsets.UTF_8)),
        REGISTRY_USER_INFO, "reg-pa55-5ecret-77", "no-colon-5ecret",
        Base64.getEncoder().encodeToString(REGISTRY_USER_INFO.getBytes(StandardCharsets.UTF_8)),
        HEC_TOKEN, HTTP_TOKEN, AWS_ACCESS_KEY, AWS_SECRET_KEY);
  }

  Map<String, String> environment(KafkaBroker broker, WireMockServer http) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("STREAMS_APPLICATION_ID", "secrets-" + UUID.randomUUID());
    env.put("STREAMS_STATE_DIR", Files.createTempDirectory("secrets").toString());
    env.put("TOPIC_PREFIX", PREFIX);
    env.put("TOPIC_PARTITIONS", "1");
    env.put("HTTP_PORT", "0");
    env.put("HTTP_TOKEN", HTTP_TOKEN);
    env.put("SCHEMA_REGISTRY_URL", http.baseUrl() + "/registry");
    env.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", REGISTRY_USER_INFO);
    env.put("SLACK_WEBHOOK_URL", http.baseUrl() + WEBHOOK_PATH);
    env.put("JIRA_URL", http.baseUrl());
    env.put("JIRA_EMAIL", JIRA_EMAIL);
    env.put("JIRA_API_TOKEN", JIRA_TOKEN);
    env.put("JIRA_PROJECT", "SEC");
    env.put("S3_AUDIT_BUCKET", "audit");
    env.put("S3_AUDIT_ENDPOINT", "http://127.0.0.1:" + LoopbackPorts.free()); // nothing listens
    env.put("SPLUNK_HEC_URL", http.baseUrl());
    env.put("SPLUNK_HEC_TOKEN", HEC_TOKEN);
    env.put("SINK_MAX_ATTEMPTS", "2");
    env.put("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET_KEY);
    return env;
  }

  /** Servers that fail and, where a real one might, echo what they were sent. */
  static void stubServices(WireMockServer http) throws Exception {
    String schema = new ObjectMapper().writeValueAsString(Map.of("schema", FindingDelta.getClassSchema().toString()));
    http.stubFor(get(urlPathMatching("/registry(/registry)?/schemas/ids/1")).willReturn(okJson(schema)));
    http.stubFor(any(urlPathMatching("/registry/.*")).atPriority(10).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_code\":40101,\"message\":\"Unauthorized\"}")));
    http.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(500)
        .withBody("upstream failure posting to " + WEBHOOK_PATH)));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes"))
        .willReturn(okJson(resource("/jira/v3/createmeta-issuetypes.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes/10001"))
        .willReturn(okJson(resource("/jira/v3/createmeta-task-fields.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(1)
        .withQueryParam("jql", com.github.tomakehurst.wiremock.client.WireMock.containing("labels"))
        .willReturn(aResponse().withStatus(500).withBody("{\"errorMessages\":[\"Internal server error\"]}")));
    http.stubFor(post("/services/collector/event").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"text\":\"Invalid token\",\"code\":4}")));
  }

  static String resource(String path) throws Exception {
    try (var in = SecretsTest.class.getResourceAsStream(path)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return switch (path) {
      case "/jira/v3/createmeta-issuetypes.json" ->
          "{\"issueTypes\":[{\"id\":\"10001\",\"name\":\"Task\",\"subtask\":false}],\"total\":1,\"isLast\":true}";
      default -> "{\"fields\":[{\"fieldId\":\"summary\",\"required\":true,\"name\":\"Summary\"},"
          + "{\"fieldId\":\"issuetype\",\"required\":true,\"name\":\"Issue Type\"},"
          + "{\"fieldId\":\"project\",\"required\":true,\"name\":\"Project\"},"
          + "{\"fieldId\":\"description\",\"required\":false,\"name\":\"Description\"},"
          + "{\"fieldId\":\"labels\",\"required\":false,\"name\":\"Labels\"}],\"total\":5,\"isLast\":true}";
    };
  }

  /** Confluent wire format: magic byte, schema id, Avro binary. */
  static byte[] confluent(int schemaId, FindingDelta delta) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(FindingDelta.class).write(delta, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  static void produce(KafkaBroker broker, String topic, byte[] value) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(topic, "f-3b9a".getBytes(StandardCharsets.UTF_8), value)).get();
    }
  }

  static int dlqSize(KafkaBroker broker, String sink) {
    return (int) readAll(broker, PREFIX + "compliance.finding.delta.v1." + sink + ".dlq").stream()
        .filter(h -> h.startsWith("dlq.reason=")).count();
  }

  static List<String> dlqReasons(KafkaBroker broker) {
    List<String> out = new ArrayList<>();
    for (String sink : SinkFactory.NAMES) {
      readAll(broker, PREFIX + "compliance.finding.delta.v1." + sink + ".dlq").forEach(h -> out.add(h));
    }
    return out;
  }

  /** Every header value of every record in the topic (missing topic: none). */
  static List<String> readAll(KafkaBroker broker, String topic) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      var infos = c.listTopics(Duration.ofSeconds(10)).get(topic);
      if (infos == null) {
        return out;
      }
      List<TopicPartition> tps = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        c.poll(Duration.ofMillis(200)).forEach(r -> r.headers()
            .forEach(h -> out.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))));
      }
    }
    return out;
  }

  boolean logged(String fragment) {
    return List.copyOf(logs.list).stream().anyMatch(e -> e.getFormattedMessage().contains(fragment));
  }

  static String getBody(String url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.headers().map() + " " + r.body();
  }

  static String message(ThrowingRunnable action) {
    Throwable t = catchThrowable(action::run);
    assertThat(t).as("a config error").isNotNull();
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
    }
    return all.toString();
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  static Map<String, String> withEntry(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(key, value);
    return copy;
  }
}
