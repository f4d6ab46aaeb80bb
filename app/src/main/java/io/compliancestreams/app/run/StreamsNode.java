package io.compliancestreams.app.run;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.http.ApiServer;
import io.compliancestreams.app.http.DeltaFeed;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.query.FindingQueries;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.StreamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One streams instance with its query API: the topology, the interactive queries, and the HTTP
 * server that answers for the whole application (routing to the instance that owns a key).
 */
public final class StreamsNode implements AutoCloseable {

  private final ComplianceStreamsApp app;
  private final ApiServer api;
  private final HostInfo self;
  private final DeltaFeed feed;
  private final FindingQueries queries;
  private final KafkaStreamsMetrics streamsMetrics;

  private StreamsNode(ComplianceStreamsApp app, ApiServer api, HostInfo self, DeltaFeed feed,
      FindingQueries queries, KafkaStreamsMetrics streamsMetrics) {
    this.app = app;
    this.api = api;
    this.self = self;
    this.feed = feed;
    this.queries = queries;
    this.streamsMetrics = streamsMetrics;
  }

  /** Starts the topology and the HTTP server; returns once both are started (not yet RUNNING). */
  public static StreamsNode start(AppConfig config) {
    return start(config, ProcessMeters.create());
  }

  /**
   * The same, serving {@code meters} at /metrics: the process's registry ({@link ProcessMeters}),
   * which other components of the process share.
   */
  public static StreamsNode start(AppConfig config, PrometheusMeterRegistry meters) {
    String bind = config.string(ConfigKeys.HTTP_BIND);
    int port = config.integer(ConfigKeys.HTTP_PORT);
    if (port == 0) {
      port = freePort(bind); // known before start: Kafka Streams advertises it to other instances
    }
    String advertised = config.get(ConfigKeys.HTTP_ADVERTISED).orElse(bind + ":" + port);
    HostInfo self = HostInfo.buildFromEndpoint(advertised);
    StreamsSettings settings = Settings.streams(config, advertised);
    ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start();
    // Kafka Streams' own metrics (process rates, commit latency, lag per partition, state stores).
    // Re-read every 5 s (Micrometer's default is 60 s): metrics Kafka Streams creates once tasks are
    // assigned, such as each practice's evaluation time, appear on /metrics within seconds.
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(app.streams(), java.util.List.of(),
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "streams-metrics-refresh");
          t.setDaemon(true);
          return t;
        }), java.time.Duration.ofSeconds(5));
    streamsMetrics.bindTo(meters);
    FindingQueries queries = new FindingQueries(app.streams(), PracticeCatalogue.all(), Clock.systemUTC());
    DeltaFeed feed = new DeltaFeed(settings.clients(), settings.topics().deltas(), settings.serdeConfig(),
        meters).start();
    // Stream threads replaced since start: a rising count is a record the topology keeps failing on.
    io.micrometer.core.instrument.FunctionCounter.builder("compliance.streams.thread.replacements", app,
            ComplianceStreamsApp::threadReplacements)
        .description("stream threads replaced after an uncaught exception (main application and suppression audit)")
        .register(meters);
    ApiServer api = new ApiServer(app::state, app::problem, queries, self,
        config.get(ConfigKeys.HTTP_TOKEN).orElse(null), feed, meters,
        io.compliancestreams.app.posture.PostureHistories.of(config)).start(bind, port);
    return new StreamsNode(app, api, self, feed, queries, streamsMetrics);
  }

  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return app.awaitRunning(timeout);
  }

  public ComplianceStreamsApp app() {
    return app;
  }

  /** The live feed of deltas (the demo prints them; the dashboard polls them). */
  public DeltaFeed feed() {
    return feed;
  }

  public FindingQueries queries() {
    return queries;
  }

  public int httpPort() {
    return api.port();
  }

  public ApiServer api() {
    return api;
  }

  public HostInfo self() {
    return self;
  }

  @Override
  public void close() {
    api.close();
    feed.close();
    streamsMetrics.close();
    app.close();
  }

  private static int freePort(String bind) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bind))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + bind, e);
    }
  }
}
