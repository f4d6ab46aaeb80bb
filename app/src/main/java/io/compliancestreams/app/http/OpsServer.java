package io.compliancestreams.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The HTTP server of a process that has no query API (a sink run alone): {@code GET /health}
 * (200 while the component runs, 503 once it stopped or failed; no token needed) and
 * {@code GET /metrics} (Prometheus text), behind the same {@link HttpGuard} as the query API.
 */
public final class OpsServer implements AutoCloseable {

  static final Set<String> PUBLIC_PATHS = Set.of("/health");

  private final Javalin javalin;

  /**
   * @param component what runs, as /health names it (e.g. "sink ocsf")
   * @param running true while the component works
   * @param meters the registry served at /metrics
   * @param token bearer token, or null for none
   */
  public OpsServer(String component, BooleanSupplier running, PrometheusMeterRegistry meters, String token) {
    javalin = new HttpGuard(token, PUBLIC_PATHS).create(config -> { });
    javalin.get("/health", ctx -> health(ctx, component, running.getAsBoolean()));
    javalin.get("/metrics", ctx -> ctx.contentType(ApiServer.PROMETHEUS_TEXT).result(meters.scrape()));
  }

  /** Starts listening; port 0 picks a free one. */
  public OpsServer start(String bind, int port) {
    javalin.start(bind, port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  /** Every route as "METHOD /path", read from the router. */
  public List<String> routes() {
    return HttpGuard.routes(javalin);
  }

  private static void health(Context ctx, String component, boolean running) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("live", running);
    body.put("ready", running);
    body.put("component", component);
    body.put("state", running ? "RUNNING" : "STOPPED");
    ctx.status(running ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
