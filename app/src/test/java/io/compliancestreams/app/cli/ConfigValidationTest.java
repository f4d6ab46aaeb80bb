package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigKey;
import io.compliancestreams.app.config.ConfigKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key of the configuration table with a bad value, through the real command line of the
 * long-running {@code streams} command: exit 2, one line naming the key, fast, and nothing
 * connected (Kafka points at a listening socket that counts the connections it accepts).
 */
class ConfigValidationTest {

  @TempDir Path dir;

  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  /** A thread per command: one that wrongly starts stays blocked without holding up the others. */
  private final ExecutorService commands = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "config-walk");
    t.setDaemon(true); // a command that wrongly starts must not keep the test JVM alive
    return t;
  });

  /** A value each key must refuse; a key missing here fails the walk. */
  private Map<String, String> badValues() throws IOException {
    Path aFile = Files.writeString(dir.resolve("not-a-directory"), "x");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("kafka.bootstrap.servers", "kafka");
    bad.put("schema.registry.url", "ftp://registry:8081");
    bad.put("basic.auth.user.info", "no-colon-5ecret");
    bad.put("schema.registry.ssl.truststore.location", dir.resolve("missing.p12").toString());
    bad.put("schema.registry.ssl.truststore.password", "pass 5ecret");
    bad.put("aws.endpoint.url", "localhost:4566");
    bad.put("aws.api.call.timeout", "PT0S");
    bad.put("aws.api.call.attempt.timeout", "-PT30S");
    bad.put("kafka.command.timeout", "PT0.01S");
    bad.put("log.level", "LOUD");
    bad.put("topic.prefix", "team a/");
    bad.put("topic.partitions", "0");
    bad.put("topic.replication.factor", "0");
    bad.put("topics.create", "yes");
    bad.put("streams.application.id", "compliance streams");
    bad.put("streams.instance.id", "pod#1");
    bad.put("streams.state.dir", aFile.toString());
    bad.put("streams.processing.guarantee", "exactly_once");
    bad.put("streams.recheck.poll", "PT0S");
    bad.put("streams.scope.debounce", "-PT1S");
    bad.put("streams.event.dedupe.window", "24h");
    bad.put("streams.attribution.window", "1h");
    bad.put("http.bind", "local host");
    bad.put("http.port", "99999");
    bad.put("http.advertised.address", "streams-0");
    bad.put("http.token", "two 5ecret words");
    bad.put("ingest.regions", "eu-west-1,Europe");
    bad.put("ingest.home.region", "us_east_1");
    bad.put("ingest.scan.threads", "0");
    bad.put("ingest.resync.interval", "PT0S");
    bad.put("ingest.assume.role.arns", "arn:aws:iam::123:role/Audit");
    bad.put("ingest.assume.role.external.id", "ext id 5ecret");
    bad.put("ingest.organization.role.name", "Audit Role");
    bad.put("ingest.organization.exclude.accounts", "12345");
    bad.put("ingest.cloudtrail.eventbridge.queue.url", "cloudtrail-events");
    bad.put("ingest.cloudtrail.s3.queue.url", "cloudtrail-logs");
    bad.put("ingest.config.queue.url", "config-items");
    bad.put("dashboard.url", "dashboard.example.com");
    bad.put("sink.min.severity", "SEVERE");
    bad.put("sink.practices", "1,27");
    bad.put("sink.accounts", "acct-1");
    bad.put("sink.regions", "eu-west");
    bad.put("sink.change.kinds", "NEW,OPENED");
    bad.put("sink.include.suppressed", "maybe");
    bad.put("sink.max.attempts", "0");
    bad.put("sink.slack.webhook.url", "hooks.slack.com/services/T0/B0/5ecret");
    bad.put("sink.slack.bot.token", "token-5ecret");
    bad.put("sink.slack.channel", "#Security Alerts");
    bad.put("sink.slack.notify.resolutions", "1");
    bad.put("sink.jira.url", "jira.example.com");
    bad.put("sink.jira.email", "bot");
    bad.put("sink.jira.api.token", "tok 5ecret");
    bad.put("sink.jira.bearer.token", "pat 5ecret");
    bad.put("sink.jira.project", "sec");
    bad.put("sink.jira.issue.type", "T".repeat(61));
    bad.put("sink.jira.api.version", "4");
    bad.put("sink.jira.done.transition", "D".repeat(256));
    bad.put("sink.s3.bucket", "My_Bucket");
    bad.put("sink.s3.prefix", "/audit");
    bad.put("sink.s3.region", "useast1");
    bad.put("sink.s3.endpoint", "minio:9000");
    bad.put("sink.s3.posture.enabled", "on");
    bad.put("sink.s3.posture.time", "25:00");
    bad.put("sink.ocsf.topic", "ocsf findings");
    bad.put("sink.ocsf.version", "1.8.0");
    bad.put("sink.ocsf.hec.url", "splunk:8088");
    bad.put("sink.ocsf.hec.token", "hec 5ecret");
    return bad;
  }

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket ignored = listener.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }, "count-connections");
    accept.setDaemon(true);
    accept.start();
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
    commands.shutdownNow();
  }

  @Test
  void shouldStopWithExit2NamingTheKeyBeforeConnectingForABadValueOfEveryKey() throws Exception {
    Map<String, String> bad = badValues();
    List<String> offenders = new ArrayList<>();
    for (ConfigKey key : ConfigKeys.all()) {
      if (!bad.containsKey(key.key())) {
        offenders.add(key.key() + ": no bad value in this test (add one the key's rule refuses)");
        continue;
      }
      String value = bad.get(key.key());
      long began = System.nanoTime();
      Outcome outcome = streams(key.key() + "=" + value);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
      String err = outcome.err().strip();
      if (outcome.exit() != ExitCodes.INPUT_ERROR) {
        offenders.add(key.key() + "=" + value + ": exit " + outcome.exit() + ", " + err);
      } else if (err.lines().count() != 1 || !err.startsWith("error: " + key.key() + " (" + key.env() + ") ")) {
        offenders.add(key.key() + "=" + value + ": not one line naming the key: " + err);
      } else if (key.secret() && err.contains(value)) {
        offenders.add(key.key() + ": a secret's value is shown: " + err);
      } else if (millis > 5_000) {
        offenders.add(key.key() + ": took " + millis + " ms to refuse");
      }
    }
    assertThat(offenders).isEmpty();
    assertThat(connections.get()).as("connections to the Kafka address").isZero();
  }

  @Test
  void shouldSayWhatTheValueMustBe() throws Exception {
    assertThat(streams("http.port=99999").err().strip())
        .isEqualTo("error: http.port (HTTP_PORT) must be from 0 to 65535, got '99999'");
    assertThat(streams("streams.scope.debounce=-PT1S").err().strip())
        .isEqualTo("error: streams.scope.debounce (STREAMS_SCOPE_DEBOUNCE) must be an ISO-8601 duration of at"
            + " least PT0.001S (e.g. PT10S), got '-PT1S'");
  }

  @Test
  void shouldAcceptEveryDefault() {
    assertThatCode(() -> AppConfig.load(null, Map.of(), Map.of())).doesNotThrowAnyException();
  }

  @Test
  void shouldNotShowCredentialsOfAUrlThatIsNotASecretKey() throws Exception {
    String err = streams("sink.jira.url=https://bot:jira-5ecret@jira.example").err();

    assertThat(err).contains("sink.jira.url").doesNotContain("jira-5ecret");
  }

  private record Outcome(int exit, String err) {}

  /** {@code streams} with a working base configuration and one more {@code --set}, at most 20 s. */
  private Outcome streams(String setting) throws Exception {
    List<String> args = new ArrayList<>(List.of("streams",
        "--set", "kafka.bootstrap.servers=127.0.0.1:" + listener.getLocalPort(),
        "--set", "streams.state.dir=" + dir.resolve("state"),
        "--set", "http.port=0"));
    args.add("--set");
    args.add(setting);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Future<Integer> exit = commands.submit(() -> Main.commandLine().execute(args.toArray(String[]::new)));
      return new Outcome(exit.get(20, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      return new Outcome(-1, "still running after 20 s (it started): " + err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}
