package io.compliancestreams.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.compliancestreams.app.posture.NoPostureAtInstant;
import io.compliancestreams.app.posture.PostureHistory;
import io.compliancestreams.streams.query.FindingFilter;
import io.compliancestreams.streams.query.FindingQueries;
import io.compliancestreams.streams.query.PostureSummary;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The embedded HTTP server. Query endpoints (read-only, JSON):
 *
 * <ul>
 *   <li>{@code GET /api/findings?practice=&control=&account=&region=&status=&severity=&resource=}
 *       — every instance's findings, merged;
 *   <li>{@code GET /api/posture?account=&region=&severity=&practice=&status=} — counts of the
 *       matching findings: total, passing share, failing per severity, per practice, account and region;
 *       with {@code ?asOf=INSTANT}, the counts rebuilt for a past instant ({@link PostureHistory});
 *   <li>{@code GET /api/posture/trend?hours=} — failing findings per severity and errors over time;
 *   <li>{@code GET /api/remediation?practice=&control=&account=&region=&status=&severity=&resource=} —
 *       time to remediate per practice, oldest open failures (of the matching findings);
 *   <li>{@code GET /api/resource?key=<resource key or account id>} — one resource's evaluations,
 *       answered by the instance that owns it;
 *   <li>{@code GET /api/local/...} — the same for this instance only (used between instances);
 *   <li>{@code GET /health} — liveness and readiness from the Streams state and the stream-thread
 *       replacements (no token needed).
 * </ul>
 *
 * <p>Every request passes {@link HttpGuard} first: the token on everything but {@link #PUBLIC_PATHS},
 * canonical paths only, security headers on every response.
 */
public final class ApiServer implements AutoCloseable {

  /**
   * What a GET or HEAD reaches without the token: health, and the dashboard's page shell and its
   * script and style, which hold no data (the page asks for the token and sends it to /api).
   */
  static final Set<String> PUBLIC_PATHS = Set.of("/health", "/", "/index.html", "/dashboard.js", "/dashboard.css",
      "/text.js", "/page.js");

  /** A finding id as FindingId makes them; also what a public finding page path may hold. */
  static final java.util.regex.Pattern FINDING_ID = java.util.regex.Pattern.compile("p[0-9]{2}-[0-9a-f]{24}");

  /** The finding and resource page shells' paths, public like the dashboard's shell. */
  static final java.util.regex.Pattern PUBLIC_PAGES = java.util.regex.Pattern.compile(
      "/findings/" + FINDING_ID.pattern() + "|/finding\\.js|" + ResourcePath.PREFIX + ResourcePath.SEGMENT.pattern()
          + "|/resource\\.js");

  /** How many of a finding's deltas its history keeps (FindingHistoryRecorder's bound). */
  static final int HISTORY_LIMIT = 100;

  private static final String FINDING_PAGE = resource("/dashboard/finding.html");
  private static final String RESOURCE_PAGE = resource("/dashboard/resource.html");

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin javalin;

  /** The catalogue as the dashboard needs it: number, control, title, severity, scope. */
  private static final java.util.List<Map<String, Object>> PRACTICES =
      io.compliancestreams.streams.practices.PracticeCatalogue.all().stream()
          .map(p -> Map.<String, Object>of("number", p.number(), "control", p.metadata().controlId(),
              "title", p.metadata().title(), "severity", p.metadata().severity().name(),
              "scope", p.metadata().scope().name()))
          .toList();

  /**
   * @param streams the running Kafka Streams (for health)
   * @param queries this instance's queries; null while the pipeline has none (health only)
   * @param self this instance's advertised host and port
   * @param token bearer token, or null for none
   */
  public ApiServer(Supplier<KafkaStreams.State> streams, FindingQueries queries, HostInfo self, String token) {
    this(streams, Optional::empty, queries, self, token, null, null);
  }

  /**
   * @param problem why the instance is unhealthy although Kafka Streams may say RUNNING (a stream
   *     thread that keeps being replaced), or empty
   * @param feed recent deltas for the dashboard, or null
   * @param meters the Prometheus registry served at /metrics, or null
   */
  public ApiServer(Supplier<KafkaStreams.State> streams, Supplier<Optional<String>> problem, FindingQueries queries,
      HostInfo self, String token, DeltaFeed feed, io.micrometer.prometheusmetrics.PrometheusMeterRegistry meters) {
    this(streams, problem, queries, self, token, feed, meters, null);
  }

  /**
   * @param history rebuilds past postures for {@code GET /api/posture?asOf=}, or null (then asOf is refused)
   */
  public ApiServer(Supplier<KafkaStreams.State> streams, Supplier<Optional<String>> problem, FindingQueries queries,
      HostInfo self, String token, DeltaFeed feed, io.micrometer.prometheusmetrics.PrometheusMeterRegistry meters,
      PostureHistory history) {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    QueryRouter router = queries == null ? null : new QueryRouter(queries, self, token, json);
    javalin = new HttpGuard(token, PUBLIC_PATHS, PUBLIC_PAGES).create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      // The page shell holds no data; everything it shows comes from the token-guarded API.
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/dashboard";
        files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
      });
    });
    javalin.get("/health", ctx -> health(ctx, streams.get(), problem.get()));
    javalin.get("/api/practices", ctx -> ctx.json(PRACTICES));
    // A finding's page: the shell (no data, so no token, like the dashboard's); its script asks
    // /api/findings/<id> with the token. Slack and Jira link here.
    javalin.get("/findings/{id}", ctx -> {
      findingId(ctx);
      ctx.contentType("text/html; charset=utf-8").result(FINDING_PAGE);
    });
    // A resource's page: the key travels as lower-case hex (see ResourcePath); the script asks
    // /api/resource?key= with the token.
    javalin.get(ResourcePath.PREFIX + "{key}", ctx -> {
      if (ResourcePath.key(ctx.pathParam("key")).isEmpty()) {
        throw new io.javalin.http.NotFoundResponse("no such resource page: /resources/<the resource key's UTF-8 bytes"
            + " in lower-case hex>");
      }
      ctx.contentType("text/html; charset=utf-8").result(RESOURCE_PAGE);
    });
    if (router != null) {
      javalin.get("/api/findings", ctx -> ctx.json(router.findings(filter(ctx))));
      javalin.get("/api/local/findings", ctx -> ctx.json(queries.localFindings(filter(ctx))));
      // Counts of the filtered findings, computed here: the page polls kilobytes, not every finding;
      // with asOf, the posture rebuilt for a past instant (unfiltered).
      javalin.get("/api/posture", ctx -> {
        if (ctx.queryParam("asOf") == null) {
          ctx.json(PostureSummary.of(router.findings(filter(ctx))));
        } else {
          ctx.json(pastPosture(history, ctx.queryParam("asOf")));
        }
      });
      javalin.get("/api/resource", ctx -> router.resource(requiredKey(ctx))
          .ifPresentOrElse(ctx::json, () -> notFound(ctx)));
      javalin.get("/api/findings/{id}", ctx -> router.finding(findingId(ctx), HISTORY_LIMIT)
          .ifPresentOrElse(ctx::json, () -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no such finding"))));
      javalin.get("/api/local/history", ctx -> ctx.json(queries.localHistory(requiredParam(ctx, "finding"))));
      // Posture over time and time to remediate (docs/streams.md, "Posture over time").
      javalin.get("/api/posture/trend", ctx -> ctx.json(router.trend(hoursParam(ctx), java.time.Instant.now())));
      javalin.get("/api/local/trend", ctx -> ctx.json(queries.localTrend(fromParam(ctx))));
      javalin.get("/api/remediation", ctx -> ctx.json(router.remediation(filter(ctx))));
      javalin.get("/api/local/remediation", ctx -> ctx.json(queries.localRemediation(filter(ctx))));
      javalin.get("/api/local/resource", ctx -> queries.localResource(requiredKey(ctx))
          .ifPresentOrElse(ctx::json, () -> notFound(ctx)));
    }
    if (feed != null) {
      javalin.get("/api/deltas", ctx -> ctx.json(feed.after(afterParam(ctx))));
    }
    if (meters != null) {
      javalin.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT)
          .result(meters.scrape()));
    }
    javalin.exception(InvalidStateStoreException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("error", "state is not queryable yet (starting or rebalancing); retry shortly")));
    javalin.exception(NoPostureAtInstant.class, (e, ctx) -> {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("error", e.getMessage());
      e.earliest().ifPresent(earliest -> body.put("earliestAvailable", earliest.toString()));
      ctx.status(HttpStatus.NOT_FOUND).json(body);
    });
    javalin.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
        .json(Map.of("error", e.getMessage())));
    javalin.exception(IllegalStateException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_GATEWAY)
        .json(Map.of("error", e.getMessage())));
  }

  /**
   * The posture rebuilt for {@code asOf}: the live posture's counts ({@code practices},
   * {@code accounts}) and where they come from, without the findings (the CLI's -o json has them).
   */
  private static Map<String, Object> pastPosture(PostureHistory history, String asOf) {
    java.time.Instant instant;
    try {
      instant = java.time.Instant.parse(asOf);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("asOf must be an ISO-8601 instant like 2026-12-01T09:00:00Z, got '" + asOf + "'");
    }
    if (history == null) {
      throw new IllegalArgumentException("asOf is not available on this instance");
    }
    return history.at(instant).toMap(false);
  }

  private static String resource(String path) {
    try (var in = ApiServer.class.getResourceAsStream(path)) {
      return new String(java.util.Objects.requireNonNull(in, path).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Starts listening; port 0 picks a free one. */
  public ApiServer start(String bind, int port) {
    javalin.start(bind, port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  /** Every route as "METHOD /path", read from the router (static files not included). */
  public List<String> routes() {
    return HttpGuard.routes(javalin);
  }

  /**
   * 200 only when RUNNING with no problem. A thread that keeps being replaced makes the instance
   * not ready (503, with the problem) but still live: a restart would meet the same record.
   */
  private static void health(Context ctx, KafkaStreams.State state, Optional<String> problem) {
    boolean live = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
        && state != KafkaStreams.State.PENDING_ERROR;
    boolean ready = state == KafkaStreams.State.RUNNING && problem.isEmpty();
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("live", live);
    body.put("ready", ready);
    body.put("streams", state.name());
    problem.ifPresent(p -> body.put("problem", p));
    ctx.status(live && ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  private static FindingFilter filter(Context ctx) {
    String practice = ctx.queryParam("practice");
    Integer number;
    try {
      number = practice == null ? null : Integer.valueOf(practice);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("practice must be a practice number, got '" + practice + "'");
    }
    return new FindingFilter(number, ctx.queryParam("control"), ctx.queryParam("account"),
        ctx.queryParam("region"), ctx.queryParam("status"), ctx.queryParam("severity"),
        ctx.queryParam("resource"));
  }

  /** The path's finding id, which must look like one (p<2 digits>-<24 hex>): anything else is 404. */
  private static String findingId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!FINDING_ID.matcher(id).matches()) {
      throw new io.javalin.http.NotFoundResponse("no such finding: a finding id looks like p03-0123456789abcdef01234567");
    }
    return id;
  }

  private static String requiredParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("query parameter '" + name + "' is required");
    }
    return value;
  }

  /** {@code hours} of /api/posture/trend: 1 to 720, 24 when absent. */
  private static int hoursParam(Context ctx) {
    String hours = ctx.queryParam("hours");
    int max = io.compliancestreams.streams.query.PostureTrend.MAX_HOURS;
    try {
      int value = hours == null ? 24 : Integer.parseInt(hours);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("hours must be a whole number 1-" + max + ", got '" + hours + "'");
  }

  /** {@code from} of /api/local/trend: epoch milliseconds. */
  private static java.time.Instant fromParam(Context ctx) {
    String from = requiredParam(ctx, "from");
    try {
      return java.time.Instant.ofEpochMilli(Long.parseLong(from));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("from must be epoch milliseconds, got '" + from + "'");
    }
  }

  private static long afterParam(Context ctx) {
    String after = ctx.queryParam("after");
    try {
      return after == null ? 0 : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("after must be a number, got '" + after + "'");
    }
  }

  private static String requiredKey(Context ctx) {
    String key = ctx.queryParam("key");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("query parameter 'key' (a resource key or an account id) is required");
    }
    return key;
  }

  private static void notFound(Context ctx) {
    ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no such resource"));
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
