package io.compliancestreams.app.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What every response of our HTTP servers goes through, before any route: security headers, the
 * bearer token, and canonical paths.
 *
 * <p>Deny by default: with a token configured, every request needs it except a GET or HEAD of one
 * of the exact public paths (compared with the raw request path, so {@code /health/},
 * {@code //health} or {@code /%68ealth} are not public). The token check therefore does not depend
 * on how the router normalizes a path (Javalin ignores a trailing slash, Jetty decodes escapes): a
 * route added later is guarded without anyone listing it. Then, token or not, a path that is not
 * in canonical form (trailing or double slash, an escape, upper case, a dot segment, a {@code ;}
 * parameter) answers 404 before routing, so one resource has one URL.
 */
final class HttpGuard {

  /**
   * No inline script or style (the dashboard has none: dashboard.js and dashboard.css), nothing
   * from elsewhere, never framed, no base or form targets.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
      + " form-action 'none'";

  /** Sent with every response, errors included. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      // The dashboard links nowhere that should learn where it came from.
      "Referrer-Policy", "no-referrer",
      // Findings and metrics are live data; the static files set their own max-age below.
      "Cache-Control", "no-store");

  /** Lower-case segments of letters, digits, '-', '_' and '.', not starting with a dot; "/" alone is canonical. */
  private static final Pattern CANONICAL = Pattern.compile("/|(/[a-z0-9_-][a-z0-9._-]*)+");

  private final String token;
  private final Set<String> publicPaths;
  private final Pattern publicPattern;

  /**
   * @param token the bearer token, or null for none (then only the canonical-path rule applies)
   * @param publicPaths exact paths a GET or HEAD may reach without the token
   */
  HttpGuard(String token, Set<String> publicPaths) {
    this(token, publicPaths, null);
  }

  /** @param publicPattern raw paths (whole match) a GET or HEAD may also reach without the token, or null */
  HttpGuard(String token, Set<String> publicPaths, Pattern publicPattern) {
    this.token = token;
    this.publicPaths = Set.copyOf(publicPaths);
    this.publicPattern = publicPattern;
  }

  /**
   * A Javalin with this guard in front of every request, strict routing (so the router agrees with
   * the canonical form even without the guard) and no banner; {@code more} adds the rest.
   */
  Javalin create(Consumer<JavalinConfig> more) {
    Javalin javalin = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.router.ignoreTrailingSlashes = false;
      config.router.treatMultipleSlashesAsSingleSlash = false;
      config.router.caseInsensitiveRoutes = false;
      more.accept(config);
    });
    javalin.before(this::check);
    return javalin;
  }

  /** Every route of {@code javalin} as "METHOD /path" (for tests that must cover routes added later). */
  static List<String> routes(Javalin javalin) {
    return javalin.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.getEndpoint().getMethod().isHttpMethod())
        .map(e -> e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath())
        .toList();
  }

  /** The before-handler: runs for every method and path, matched by a route or not. */
  private void check(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
    String raw = ctx.req().getRequestURI(); // undecoded, as sent (Jetty keeps escapes and ';' here)
    if (token != null && !isPublic(ctx.method().name(), raw) && !hasToken(ctx)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("a valid bearer token is required");
    }
    if (!CANONICAL.matcher(raw).matches()) {
      throw new NotFoundResponse("not found: use the canonical path (lower case, no trailing or double slash,"
          + " no escapes)");
    }
  }

  private boolean isPublic(String method, String raw) {
    return (method.equals("GET") || method.equals("HEAD"))
        && (publicPaths.contains(raw) || publicPattern != null && publicPattern.matcher(raw).matches());
  }

  private boolean hasToken(Context ctx) {
    String header = ctx.header("Authorization");
    byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }
}
