package io.compliancestreams.app.run;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.http.ApiServer;
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

  private StreamsNode(ComplianceStreamsApp app, ApiServer api, HostInfo self) {
    this.app = app;
    this.api = api;
    this.self = self;
  }

  /** Starts the topology and the HTTP server; returns once both are started (not yet RUNNING). */
  public static StreamsNode start(AppConfig config) {
    String bind = config.string(ConfigKeys.HTTP_BIND);
    int port = config.integer(ConfigKeys.HTTP_PORT);
    if (port == 0) {
      port = freePort(bind); // known before start: Kafka Streams advertises it to other instances
    }
    String advertised = config.get(ConfigKeys.HTTP_ADVERTISED).orElse(bind + ":" + port);
    HostInfo self = HostInfo.buildFromEndpoint(advertised);
    StreamsSettings settings = Settings.streams(config, advertised);
    ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start();
    FindingQueries queries = new FindingQueries(app.streams(), PracticeCatalogue.all(), Clock.systemUTC());
    ApiServer api = new ApiServer(app::state, queries, self, config.get(ConfigKeys.HTTP_TOKEN).orElse(null))
        .start(bind, port);
    return new StreamsNode(app, api, self);
  }

  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return app.awaitRunning(timeout);
  }

  public ComplianceStreamsApp app() {
    return app;
  }

  public int httpPort() {
    return api.port();
  }

  public HostInfo self() {
    return self;
  }

  @Override
  public void close() {
    api.close();
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
