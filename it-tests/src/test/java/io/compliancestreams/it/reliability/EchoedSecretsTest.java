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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.RetrySettings;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.sinks.runner.SinkSettings;
import io.compliancestreams.sinks.slack.SlackDestination;
import io.compliancestreams.sinks.slack.SlackSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Servers (or proxies in front of them) that echo our request back in their error bodies — the
 * Authorization header, the URL, URL-encoded and Base64 copies of the token — for Slack (webhook and
 * chat.postMessage), Jira (create issue; 401 at start), Splunk HEC and the schema registry. What the
 * app writes from those answers (stderr, dead-letter headers on the real broker, exception messages,
 * command output) holds no secret in any form, and still says what failed.
 */
class EchoedSecretsTest {

  static final String WEBHOOK_PATH = "/services/T0ECHO/B0ECHO/echohook5ecret77";
  static final String BOT_TOKEN = "xoxb-echo-5ecret-bot-0042";
  static final String JIRA_EMAIL = "echo-bot@example.com";
  static final String JIRA_TOKEN = "echo-jira-5ecret-token-9";
  static final String REGISTRY_USER = "echo-registry";
  static final String REGISTRY_PASSWORD = "echo-reg-pa55/5ecret+";
  static final String HEC_TOKEN = "echo-hec-5ecret-token-1";
  static final String PREFIX = "echo.";
  static final String DELTAS = PREFIX + "compliance.finding.delta.v1";

  /** What a debugging proxy would print of our request: the header, the URL, both URL-encoded. */
  static final String ECHO_URL = "{{request.method}} {{request.url}} ({{urlEncode request.url}})";
  static final String ECHO = ECHO_URL
      + " with Authorization: {{request.headers.Authorization}} ({{urlEncode request.headers.Authorization}})";

  @Test
  void shouldKeepEchoedSecretsOutOfLogsDeadLettersAndExceptions() throws Exception {
    WireMockServer http = new WireMockServer(options().dynamicPort());
    http.start();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    List<SinkRunner> running = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start()) {
      stubEchoingServices(http);
      System.setErr(new PrintStream(new Tee(originalErr, stderr), true, StandardCharsets.UTF_8));
      AppConfig config = AppConfig.load(null, environment(broker, http), Map.of());
      for (String sink : List.of("slack", "jira", "ocsf")) {
        running.add(SinkFactory.runner(sink, config, new SimpleMeterRegistry()));
      }
      running.add(slackBot(config, broker, http));
      running.forEach(SinkRunner::start);

      // One delta every destination fails on, one whose schema the registry refuses.
      FindingDelta failing = FindingDelta.newBuilder(Samples.findingDelta()).setSuppressed(false).build();
      SecretsTest.produce(broker, DELTAS, SecretsTest.confluent(1, failing));
      SecretsTest.produce(broker, DELTAS, SecretsTest.confluent(2, failing));
      // And a producer that registers its schema (POST /subjects/{subject}/versions): refused with 401.
      Throwable refused = catchThrowable(() ->
          AvroSerdes.findingDelta(Settings.serdes(config)).serializer().serialize(PREFIX + "refused", failing));

      await("every sink went through its error paths").atMost(Duration.ofSeconds(90)).until(() ->
          reasons(broker, "slack").size() == 4 && reasons(broker, "jira").size() == 2
              && text(stderr).contains("sink ocsf: flush attempt 2"));
      for (int i = running.size() - 1; i >= 0; i--) {
        running.get(i).close();
      }
      running.clear();
      System.setErr(originalErr);

      List<String> texts = new ArrayList<>();
      texts.add(text(stderr));
      texts.add(refused.toString());
      for (String sink : List.of("slack", "jira", "ocsf")) {
        texts.addAll(SecretsTest.readAll(broker, PREFIX + "compliance.finding.delta.v1." + sink + ".dlq"));
      }
      assertThat(leaks(texts)).isEmpty();
      // Still useful: what failed, where, and the masked place of the secret.
      List<String> slack = reasons(broker, "slack");
      List<String> jira = reasons(broker, "jira");
      // The Slack sink masks its own URL "(redacted)"; the Redactor caught the URL-encoded copy.
      assertThat(slack).anyMatch(r -> r.equals("Slack webhook: HTTP 500 POST (redacted) (****)"));
      assertThat(slack).anyMatch(r -> r.startsWith("Slack chat.postMessage: invalid_auth"));
      assertThat(jira).anyMatch(r -> r.contains("Jira POST /rest/api/3/issue → 400: POST /rest/api/3/issue")
          && r.contains("Authorization: Basic ****"));
      assertThat(jira).anyMatch(r -> r.contains("HTTP 401") && r.contains("Unauthorized: GET")
          && r.contains("Authorization: Basic ****"));
      assertThat(text(stderr)).contains("HEC answered 403: Invalid token for Splunk ****");
      assertThat(refused).hasMessageContaining("returned HTTP 401")
          .hasMessageContaining("/versions").hasMessageContaining("Basic ****");
      System.out.println("[reliability] echoed secrets: " + forbidden().size() + " forms searched in "
          + text(stderr).lines().count() + " stderr lines, " + (slack.size() + jira.size())
          + " DLQ reasons and the registry's exception; found " + leaks(texts).size());
    } finally {
      System.setErr(originalErr);
      for (SinkRunner r : running) {
        r.close();
      }
      http.stop();
    }
  }

  @Test
  void shouldNotPrintTheBasicAuthOfAJiraThatAnswers401AtStart() throws Exception {
    WireMockServer http = new WireMockServer(options().dynamicPort());
    http.start();
    try (KafkaBroker broker = KafkaBroker.start()) {
      stubEchoingServices(http);
      http.stubFor(any(urlPathMatching("/rest/api/3/.*")).atPriority(1).willReturn(echo(401,
          "{\"errorMessages\":[\"Client must be authenticated. " + ECHO + "\"]}")));
      Path output = Files.createTempFile("echo-run", ".log");
      // The real entry point in its own JVM: Main.main, its redacting stderr and logback.xml.
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "run", "--no-ingest")
          .redirectErrorStream(true).redirectOutput(output.toFile());
      pb.environment().putAll(environment(broker, http));
      pb.environment().remove("SLACK_WEBHOOK_URL");
      pb.environment().put("LOG_LEVEL", "INFO");
      Process run = pb.start();
      boolean exited = run.waitFor(120, TimeUnit.SECONDS);
      if (!exited) {
        run.destroyForcibly();
      }
      String printed = Files.readString(output);

      assertThat(exited).as("run exited").isTrue();
      assertThat(run.exitValue()).as(printed).isEqualTo(3);
      assertThat(printed).contains("error: Jira startup check failed: Jira GET /rest/api/3/issue/createmeta/SEC/issuetypes?",
          " → 401: Client must be authenticated. GET /rest/api/3/issue/createmeta/SEC/issuetypes?");
      assertThat(printed).contains("Authorization: Basic ****");
      assertThat(leaks(List.of(printed))).isEmpty();
    } finally {
      http.stop();
    }
  }

  @Test
  void shouldNotPrintTheRegistryBasicAuthWhenScanPublishIsRefused() throws Exception {
    WireMockServer http = new WireMockServer(options().dynamicPort());
    http.start();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (AwsEmulator aws = AwsEmulator.start(); KafkaBroker broker = KafkaBroker.start()) {
      stubEchoingServices(http);
      System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
      System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
      System.setProperty("aws.region", AwsEmulator.REGION);
      int exit;
      try {
        PrintStream both = new PrintStream(new Tee(originalErr, printed), true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        exit = Main.commandLine().execute("scan", "--regions", "us-east-1", "--publish",
            "--set", "aws.endpoint.url=" + aws.endpoint(),
            "--set", "kafka.bootstrap.servers=" + broker.bootstrapServers(),
            "--set", "topic.prefix=" + PREFIX,
            "--set", "schema.registry.url=" + http.baseUrl() + "/registry",
            "--set", "basic.auth.user.info=" + REGISTRY_USER + ":" + REGISTRY_PASSWORD);
      } finally {
        System.setOut(originalOut);
        System.setErr(originalErr);
      }
      String text = text(printed);

      assertThat(exit).as(text).isEqualTo(3);
      assertThat(text).contains("HTTP 401", "Unauthorized: POST", "Authorization: Basic ****");
      assertThat(leaks(List.of(text))).isEmpty();
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      System.clearProperty("aws.region");
      http.stop();
    }
  }

  /** Every secret of this test in the forms it could leak in. */
  static Set<String> forbidden() {
    Set<String> out = new LinkedHashSet<>();
    for (String secret : List.of(WEBHOOK_PATH, "echohook5ecret77", BOT_TOKEN, JIRA_TOKEN, REGISTRY_PASSWORD,
        HEC_TOKEN, JIRA_EMAIL + ":" + JIRA_TOKEN, REGISTRY_USER + ":" + REGISTRY_PASSWORD)) {
      out.add(secret);
      out.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      out.add(Base64.getEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
      out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  static List<String> leaks(List<String> texts) {
    List<String> found = new ArrayList<>();
    for (String form : forbidden()) {
      texts.stream().filter(t -> t.contains(form)).forEach(t -> found.add(form + " in: " + t));
    }
    return found;
  }

  static Map<String, String> environment(KafkaBroker broker, WireMockServer http) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("STREAMS_APPLICATION_ID", "echo-" + UUID.randomUUID());
    env.put("STREAMS_STATE_DIR", Files.createTempDirectory("echo").toString());
    env.put("TOPIC_PREFIX", PREFIX);
    env.put("TOPIC_PARTITIONS", "1");
    env.put("HTTP_PORT", "0");
    env.put("SCHEMA_REGISTRY_URL", http.baseUrl() + "/registry");
    env.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", REGISTRY_USER + ":" + REGISTRY_PASSWORD);
    env.put("SLACK_WEBHOOK_URL", http.baseUrl() + WEBHOOK_PATH);
    env.put("JIRA_URL", http.baseUrl());
    env.put("JIRA_EMAIL", JIRA_EMAIL);
    env.put("JIRA_API_TOKEN", JIRA_TOKEN);
    env.put("JIRA_PROJECT", "SEC");
    env.put("SPLUNK_HEC_URL", http.baseUrl());
    env.put("SPLUNK_HEC_TOKEN", HEC_TOKEN);
    env.put("SINK_MAX_ATTEMPTS", "2");
    return env;
  }

  /**
   * Slack in bot mode (chat.postMessage) against the stub: the app's configuration has no key for
   * the Web API's base URL, so the runner is built as the factory would, with that one change. The
   * token is registered the way the app registers it, by loading it as configuration.
   */
  static SinkRunner slackBot(AppConfig config, KafkaBroker broker, WireMockServer http) {
    AppConfig.load(null, Map.of("SLACK_BOT_TOKEN", BOT_TOKEN), Map.of());
    SlackSettings bot = SlackSettings.bot(BOT_TOKEN, "C0ECHO", URI.create("http://127.0.0.1:8080"))
        .withApiBaseUrl(URI.create(http.baseUrl() + "/slack/api/"));
    SinkSettings settings = SinkSettings.of(broker.bootstrapServers(), DELTAS,
            SinkSettings.groupId(PREFIX, "slack-bot"), Settings.serdes(config))
        .withRetry(new RetrySettings(2, RetrySettings.DEFAULT.initialBackoff(), RetrySettings.DEFAULT.maxBackoff(),
            RetrySettings.DEFAULT.multiplier()));
    CompactedTopicMap posted = CompactedTopicMap.open(broker.bootstrapServers(),
        PREFIX + "compliance.sink.slack-bot.posted.v1", (short) 1);
    return new SinkRunner(settings, SlackDestination.create(bot, posted), new SimpleMeterRegistry());
  }

  /** Every destination fails, and says so with our request in its answer. */
  static void stubEchoingServices(WireMockServer http) throws Exception {
    String schema = new ObjectMapper().writeValueAsString(Map.of("schema", FindingDelta.getClassSchema().toString()));
    http.stubFor(get(urlPathEqualTo("/registry/schemas/ids/1")).willReturn(okJson(schema)));
    http.stubFor(any(urlPathMatching("/registry/.*")).atPriority(10).willReturn(echo(401,
        "{\"error_code\":40101,\"message\":\"Unauthorized: " + ECHO + "\"}")));
    http.stubFor(post(WEBHOOK_PATH).willReturn(echo(500, ECHO_URL)));
    // chat.postMessage answers 200 with ok=false; this one quotes the token, also in Base64.
    http.stubFor(post("/slack/api/chat.postMessage").willReturn(echo(200, "{\"ok\":false,\"error\":\"invalid_auth "
        + base64(BOT_TOKEN) + " " + ECHO + "\"}")));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes"))
        .willReturn(okJson(SecretsTest.resource("/jira/v3/createmeta-issuetypes.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes/10001"))
        .willReturn(okJson(SecretsTest.resource("/jira/v3/createmeta-task-fields.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    http.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).willReturn(echo(400,
        "{\"errorMessages\":[\"" + ECHO + "\"],\"errors\":{\"summary\":\"token " + JIRA_TOKEN + "\"}}")));
    http.stubFor(post("/services/collector/event").willReturn(echo(403,
        "{\"text\":\"Invalid token for {{request.headers.Authorization}} " + base64(HEC_TOKEN) + "\",\"code\":4}")));
  }

  static ResponseDefinitionBuilder echo(int status, String template) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(template).withTransformers("response-template");
  }

  static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> reasons(KafkaBroker broker, String sink) {
    return SecretsTest.readAll(broker, PREFIX + "compliance.finding.delta.v1." + sink + ".dlq").stream()
        .filter(h -> h.startsWith("dlq.reason=")).map(h -> h.substring("dlq.reason=".length())).toList();
  }

  static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** Writes to the console as before and keeps a copy. */
  static final class Tee extends OutputStream {
    private final OutputStream console;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      console.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      console.write(b, off, len);
      synchronized (copy) {
        copy.write(b, off, len);
      }
    }
  }
}
