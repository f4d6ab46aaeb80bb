package io.compliancestreams.app.demo;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.logging.EmbeddedBrokerLog;
import io.compliancestreams.app.run.PipelineTopics;
import io.compliancestreams.app.run.ProcessMeters;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.SinkTopics;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.sinks.runner.SinkSettings;
import io.compliancestreams.sinks.s3.S3AuditTrailDestination;
import io.compliancestreams.sinks.s3.S3AuditTrailSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.ingest.cloudtrail.ReplaySource;
import io.compliancestreams.ingest.publish.KafkaPublisher;
import io.compliancestreams.ingest.publish.TopicNames;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.query.FindingFilter;
import io.compliancestreams.streams.query.PostureSummary;
import io.compliancestreams.streams.topology.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole pipeline in one process on a simulated organisation, no arguments, no
 * configuration, no AWS account. Everything (broker, topics, state) is new on each run and removed
 * on exit.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Runs the whole pipeline on a simulated organisation: an in-JVM Kafka broker (or the one named by"
          + " KAFKA_BOOTSTRAP_SERVERS), the streams topology, the query API and dashboard, 2 accounts x 3"
          + " regions of sample resources, then a scripted stream of CloudTrail records (a bucket loses its"
          + " public access block, the default security group is opened, a snapshot made public, a KMS key"
          + " scheduled for deletion, the trail stopped; later three are fixed).",
      "Prints each delta as it happens, then the posture, and serves the dashboard until Ctrl-C."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped cleanly", "2:invalid option", "3:runtime failure"})
public final class DemoCommand implements java.util.concurrent.Callable<Integer> {

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Dashboard and API port (default ${DEFAULT-VALUE}; a free one when busy; 0 = any free one).")
  int httpPort;

  @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1",
      description = "Divides the script's pauses (default ${DEFAULT-VALUE}; 10 = ten times faster).")
  double speed;

  @Option(names = "--no-script", description = "Only load the organisation; send no CloudTrail records.")
  boolean noScript;

  @Option(names = "--exit-after", paramLabel = "DURATION",
      description = "Stop this long after the script (ISO-8601, e.g. PT30S; for tests and CI). Default: run until Ctrl-C.")
  Duration exitAfter;

  @Option(names = "--all-deltas",
      description = "Also print the organisation's NEW PASS and NEW N/A deltas (by default they are counted).")
  boolean allDeltas;

  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final Duration SETTLE_CAP = Duration.ofSeconds(60);

  private final PrintStream out;
  private final PrintStream err;
  private final boolean colour;
  private final boolean quietLogs;

  public DemoCommand() {
    this(System.out, System.err, DeltaLine.colourWanted(System.console() != null, System.getenv("NO_COLOR")),
        System.getenv("LOG_LEVEL") == null);
  }

  DemoCommand(PrintStream out, PrintStream err, boolean colour, boolean quietLogs) {
    this.out = out;
    this.err = err;
    this.colour = colour;
    this.quietLogs = quietLogs;
  }

  @Override
  public Integer call() throws Exception {
    if (!(speed > 0)) {
      err.println("error: --speed must be greater than 0, got " + speed);
      return 2;
    }
    if (httpPort < 0 || httpPort > 65535 || (exitAfter != null && exitAfter.isNegative())) {
      err.println("error: --http-port must be 0-65535 and --exit-after not negative");
      return 2;
    }
    if (quietLogs) {
      quietLogs();
    }
    long began = System.nanoTime();
    Session session = new Session();
    Thread hook = new Thread(() -> {
      out.println();
      out.println("stopping...");
      session.close();
      out.println("stopped; the demo's broker data and state are deleted.");
      out.flush();
      // Ctrl-C is how the demo is meant to end: exit 0 rather than the JVM's 130 for SIGINT.
      Runtime.getRuntime().halt(0);
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      run(session, began);
      if (exitAfter == null) {
        session.stopped.await();
        return 0;
      }
      Thread.sleep(exitAfter.toMillis());
    } finally {
      if (!session.closed.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is already running and closes the session
        }
        session.close();
      }
    }
    return 0;
  }

  private void run(Session s, long began) throws Exception {
    DeltaLine style = new DeltaLine(colour);
    out.println(style.paint("Compliance Streams demo", DeltaLine.BOLD)
        + " - a simulated organisation, the real pipeline, no AWS account needed.");
    s.dir = Files.createTempDirectory("compliance-streams-demo-");
    out.println("starting Kafka..." + EmbeddedBrokerLog.routeToFile()
        .map(file -> " (an in-JVM broker logs to " + file + ")").orElse(""));
    s.broker = KafkaBroker.start();
    String runId = UUID.randomUUID().toString().substring(0, 8);
    int port = choosePort();
    AppConfig config = config(s.broker.bootstrapServers(), runId, s.dir.resolve("state"), port);
    // One registry for the process: the demo's /metrics shows the sinks' meters beside the streams'.
    PrometheusMeterRegistry meters = ProcessMeters.create();
    s.node = StreamsNode.start(config, meters);
    startSinks(s, config, meters);
    Topics topics = Settings.topics(config);
    DeltaWatch watch = new DeltaWatch();
    Counts quietKinds = new Counts();
    AtomicBoolean organisationLoaded = new AtomicBoolean(false);
    s.node.feed().onDelta(d -> {
      watch.accept(d);
      String kind = DeltaLine.kind(d);
      boolean routine = kind.equals("NEW PASS") || kind.equals("NEW NOT_APPLICABLE");
      if (routine && !allDeltas && !organisationLoaded.get()) {
        quietKinds.add(kind);
      } else {
        out.println(style.format(d));
      }
    });
    if (!s.node.awaitRunning(Duration.ofSeconds(60))) {
      throw new IllegalStateException("the streams topology did not reach RUNNING within 60 s");
    }
    out.printf("Kafka (%s) at %s, topology running, dashboard on http://127.0.0.1:%d/ - %.1f s%n",
        s.broker.source(), s.broker.bootstrapServers(), port, seconds(began));

    s.publisher = KafkaPublisher.create(Settings.kafka(config).producer(), Settings.serdes(config), new TopicNames(topics.snapshots(), topics.cloudTrail()));
    DemoOrganization org = DemoOrganization.generate(Instant.now());
    List<ResourceSnapshot> snapshots = org.snapshots();
    out.printf("%nloading the organisation: %d resources in accounts %s (prod) and %s (dev), regions %s%n",
        snapshots.size(), DemoOrganization.PROD, DemoOrganization.DEV, String.join(", ", DemoOrganization.REGIONS));
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    snapshots.forEach(snapshot -> acks.add(s.publisher.snapshot(snapshot)));
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    boolean quiet = watch.awaitQuiet(QUIET, SETTLE_CAP);
    organisationLoaded.set(true);
    out.printf("organisation evaluated: %d deltas (%s printed above%s) - %.1f s since start%s%n",
        watch.count(), allDeltas ? "all" : "NEW FAIL", quietKinds.describe(), seconds(began),
        quiet ? "" : " (still busy after " + SETTLE_CAP.toSeconds() + " s; going on)");

    if (!noScript) {
      out.printf("%nNow the scripted CloudTrail stream, through the real replay source (pauses of %.1f s):%n",
          DemoScript.pause(speed).toMillis() / 1000.0);
      DemoScript script = new DemoScript(new ReplaySource(s.publisher), watch, out, Clock.systemUTC(), speed, style);
      List<DemoScript.Step> steps = DemoScript.steps(org.targets());
      int detected = script.run(steps);
      long expected = steps.stream().filter(st -> st.control() != null).count();
      out.printf("%nscript done: %d of %d expected deltas seen - %.1f s since start%n", detected, expected, seconds(began));
      watch.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    out.println();
    out.println("Posture:");
    new PostureTable().print(PostureSummary.of(s.node.queries().localFindings(FindingFilter.ALL)), out);
    out.println();
    out.println("S3 audit trail: " + auditObjects(s.dir.resolve("audit-trail")) + " objects so far in "
        + s.dir.resolve("audit-trail") + " (S3 key layout, removed on exit)"
        + (s.sinks.size() > 1 ? "; also delivering to " + s.sinkNames : ""));
    out.println(style.paint("Dashboard: http://127.0.0.1:" + port + "/", DeltaLine.BOLD)
        + (exitAfter == null ? "  (Ctrl-C to stop)" : "  (stopping in " + exitAfter + ")"));
  }

  private int choosePort() {
    if (httpPort == 0) {
      return freePort(0);
    }
    try (ServerSocket probe = new ServerSocket(httpPort, 1, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    } catch (IOException busy) {
      int free = freePort(0);
      out.printf("port %d is busy; the dashboard uses port %d instead%n", httpPort, free);
      return free;
    }
  }

  private static int freePort(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /**
   * The demo's output is its delta lines: our own INFO logs (stderr) would drown them on a
   * terminal, and so would the Kafka clients' warnings about requests they retry by themselves
   * (CONCURRENT_TRANSACTIONS while a commit completes, metadata of a topic just created). The
   * broker's logs go to their own file ({@link EmbeddedBrokerLog}, routed after this, at INFO).
   * LOG_LEVEL set keeps the configured logging.
   */
  private static void quietLogs() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
      logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
      logs.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  /**
   * The sinks: the S3 audit trail into a local folder (always), Slack and Jira when their
   * environment variables are set. The console is the delta feed's printer.
   */
  private static void startSinks(Session s, AppConfig config, MeterRegistry meters) {
    Topics topics = Settings.topics(config);
    SinkSettings audit = SinkSettings.of(config.string(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS), topics.deltas(),
        SinkSettings.groupId(topics.prefix(), "s3"), Settings.serdes(config));
    // Its dead-letter topic with topic.partitions, as SinkFactory's sinks have theirs.
    PipelineTopics.ensure(config, SinkTopics.of("s3", config).toArray(Topics.TopicSpec[]::new));
    S3AuditTrailSettings layout = S3AuditTrailSettings.of("local", "audit", "us-east-1")
        .withLimits(1_000, 8L * 1024 * 1024, Duration.ofHours(1), Duration.ofSeconds(5));
    SinkRunner trail = new SinkRunner(audit,
        S3AuditTrailDestination.local(layout, s.dir.resolve("audit-trail")), meters);
    trail.start();
    s.sinks.add(trail);
    s.sinkNames.add("s3 (local)");
    for (String name : List.of("slack", "jira")) {
      if (SinkFactory.configured(name, config)) {
        SinkRunner runner = SinkFactory.runner(name, config, meters);
        runner.start();
        s.sinks.add(runner);
        s.sinkNames.add(name);
      }
    }
  }

  private static long auditObjects(Path folder) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".jsonl.gz")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The demo's configuration, built in code: nothing is read from files or the environment. */
  static AppConfig config(String bootstrap, String runId, Path stateDir, int port) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kafka.bootstrap.servers", bootstrap);
    values.put("streams.application.id", "compliance-streams-demo-" + runId);
    values.put("topic.prefix", "demo-" + runId + ".");
    values.put("streams.state.dir", stateDir.toString());
    values.put("http.bind", "127.0.0.1");
    values.put("http.port", Integer.toString(port));
    values.put("topic.partitions", "3");
    values.put("streams.scope.debounce", "PT0.3S");
    // The environment only matters for optional sinks (SLACK_WEBHOOK_URL, JIRA_URL, ...): the
    // demo's own keys above win over it.
    return AppConfig.load(null, System.getenv(), values);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Counts of the deltas not printed one by one. */
  private static final class Counts {
    private final Map<String, Integer> byKind = new LinkedHashMap<>();

    synchronized void add(String kind) {
      byKind.merge(kind, 1, Integer::sum);
    }

    synchronized String describe() {
      StringBuilder sb = new StringBuilder();
      byKind.forEach((k, n) -> sb.append("; ").append(n).append(' ').append(k.replace("NOT_APPLICABLE", "N/A")));
      return sb.toString();
    }
  }

  /** What one run started; closed once, by the shutdown hook or at the end of --exit-after. */
  private static final class Session {
    final AtomicBoolean closed = new AtomicBoolean();
    final CountDownLatch stopped = new CountDownLatch(1);
    Path dir;
    KafkaBroker broker;
    StreamsNode node;
    KafkaPublisher publisher;
    final List<SinkRunner> sinks = new ArrayList<>();
    final List<String> sinkNames = new ArrayList<>();

    void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        sinks.forEach(Session::quietly);
        quietly(publisher);
        quietly(node);
        quietly(broker);
        deleteRecursively(dir);
      } finally {
        stopped.countDown();
      }
    }

    private static void quietly(AutoCloseable c) {
      if (c == null) {
        return;
      }
      try {
        c.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(DemoCommand.class).debug("closing {} failed", c, e);
      }
    }

    private static void deleteRecursively(Path dir) {
      if (dir == null || !Files.exists(dir)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(DemoCommand.class).warn("could not delete {}", dir, e);
      }
    }
  }
}
