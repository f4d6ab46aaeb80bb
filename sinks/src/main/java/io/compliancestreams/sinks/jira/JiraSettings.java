package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the Jira destination needs, validated once at start. Build with {@link #defaults}
 * and adjust with the {@code withX} copies. {@link #toString()} never shows the token.
 *
 * @param baseUrl site URL, e.g. {@code https://acme.atlassian.net} or {@code https://jira.acme.com/jira}
 * @param apiVersion {@link ApiVersion#CLOUD_V3} (ADF bodies) or {@link ApiVersion#SERVER_V2} (wiki text)
 * @param auth basic (email + API token) or bearer (personal access token)
 * @param projectKey project the issues go to
 * @param issueType issue type name, resolved to an id at start (default {@code Task})
 * @param priorities priority name per severity (a severity missing here sends no priority)
 * @param labels labels added to every issue, besides {@code compliance-streams} and {@code cs-<finding id>}
 * @param components component names set on every issue
 * @param extraFields field id → JSON value (e.g. {@code customfield_10050 → {"value":"Security"}})
 * @param doneTransition transition (or target status) name for RESOLVED and CLOSED (default {@code Done})
 * @param reopenTransitions candidates for re-opening a done issue, first available wins
 *     (default {@code Reopen}, {@code To Do})
 * @param regressionMode what a regression of a finding whose issue is done does
 * @param linkType issue link type name for {@link RegressionMode#NEW_LINKED} (default {@code Relates})
 * @param issueMapTopic compacted topic holding finding id → {@code issueKey|lastSequence}
 * @param requestTimeout timeout of each HTTP request (and of connecting)
 * @param findingPages the dashboard's base URL ({@code dashboard.url}): issues link to the finding's
 *     page, {@code <base>/findings/<finding id>}; null for no link
 */
public record JiraSettings(
    URI baseUrl,
    ApiVersion apiVersion,
    Auth auth,
    String projectKey,
    String issueType,
    Map<Severity, String> priorities,
    List<String> labels,
    List<String> components,
    Map<String, String> extraFields,
    String doneTransition,
    List<String> reopenTransitions,
    RegressionMode regressionMode,
    String linkType,
    String issueMapTopic,
    Duration requestTimeout,
    URI findingPages) {

  public static final String DEFAULT_ISSUE_MAP_TOPIC = "compliance.sink.jira.issues.v1";

  /** Fields the destination sets itself; extra fields may not override them. */
  static final Set<String> OWN_FIELDS =
      Set.of("project", "issuetype", "summary", "description", "labels", "priority", "components");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which REST API and body format. */
  public enum ApiVersion { CLOUD_V3, SERVER_V2 }

  /** After a regression of a finding whose issue is done: re-open it, or open a new one linked to it. */
  public enum RegressionMode { REOPEN, NEW_LINKED }

  /** Credentials. {@link #toString()} hides the secret. */
  public record Auth(Kind kind, String user, String secret) {

    /** Basic (Cloud: email + API token; Server: user + password) or bearer (personal access token). */
    public enum Kind { BASIC, BEARER }

    public Auth {
      Objects.requireNonNull(kind, "jira auth kind");
      requireText(secret, "jira token");
      if (kind == Kind.BASIC) {
        requireText(user, "jira email/user");
      }
    }

    public static Auth basic(String email, String apiToken) {
      return new Auth(Kind.BASIC, email, apiToken);
    }

    public static Auth bearer(String token) {
      return new Auth(Kind.BEARER, null, token);
    }

    @Override
    public String toString() {
      return kind == Kind.BASIC ? "Auth[BASIC " + user + " ****]" : "Auth[BEARER ****]";
    }
  }

  public JiraSettings {
    Objects.requireNonNull(baseUrl, "jira base url");
    if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("jira base url must be http(s)");
    }
    // Two '@' leave getUserInfo() null and the host unparsed: check the raw authority, and never echo it.
    if (baseUrl.getUserInfo() != null || (baseUrl.getRawAuthority() != null && baseUrl.getRawAuthority().contains("@"))) {
      throw new IllegalArgumentException("jira base url must not carry credentials; use auth");
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("jira base url must name a host");
    }
    Objects.requireNonNull(apiVersion, "jira api version");
    Objects.requireNonNull(auth, "jira auth");
    requireText(projectKey, "jira project key");
    requireText(issueType, "jira issue type");
    priorities = Map.copyOf(priorities);
    labels = List.copyOf(labels);
    labels.forEach(l -> {
      if (l.isBlank() || l.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("jira label '" + l + "' is blank or contains whitespace");
      }
    });
    components = List.copyOf(components);
    extraFields = Map.copyOf(extraFields);
    extraFields.forEach((id, json) -> {
      if (OWN_FIELDS.contains(id)) {
        throw new IllegalArgumentException("jira extra field " + id + " is set by the destination itself");
      }
      try {
        JSON.readTree(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("jira extra field " + id + " is not valid JSON", e);
      }
    });
    requireText(doneTransition, "jira done transition");
    reopenTransitions = List.copyOf(reopenTransitions);
    if (reopenTransitions.isEmpty()) {
      throw new IllegalArgumentException("jira reopen transitions must name at least one transition");
    }
    Objects.requireNonNull(regressionMode, "jira regression mode");
    requireText(linkType, "jira link type");
    requireText(issueMapTopic, "jira issue map topic");
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("jira request timeout must be positive");
    }
  }

  /** Cloud v3, issue type Task, default priorities, Done / Reopen|To Do, REOPEN, 10 s timeout. */
  public static JiraSettings defaults(URI baseUrl, Auth auth, String projectKey) {
    return new JiraSettings(baseUrl, ApiVersion.CLOUD_V3, auth, projectKey, "Task",
        defaultPriorities(), List.of(), List.of(), Map.of(), "Done", List.of("Reopen", "To Do"),
        RegressionMode.REOPEN, "Relates", DEFAULT_ISSUE_MAP_TOPIC, Duration.ofSeconds(10), null);
  }

  /** Critical → Highest, High → High, Medium → Medium, Low → Low, Informational → Lowest. */
  public static Map<Severity, String> defaultPriorities() {
    Map<Severity, String> p = new EnumMap<>(Severity.class);
    p.put(Severity.CRITICAL, "Highest");
    p.put(Severity.HIGH, "High");
    p.put(Severity.MEDIUM, "Medium");
    p.put(Severity.LOW, "Low");
    p.put(Severity.INFORMATIONAL, "Lowest");
    return p;
  }

  public JiraSettings withApiVersion(ApiVersion v) {
    return new JiraSettings(baseUrl, v, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withIssueType(String t) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, t, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withPriorities(Map<Severity, String> p) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, p, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withLabels(List<String> l) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, l, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withComponents(List<String> c) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, c,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withExtraFields(Map<String, String> f) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        f, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withDoneTransition(String t) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, t, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withReopenTransitions(List<String> t) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, t, regressionMode, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withRegressionMode(RegressionMode m) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, m, linkType, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withLinkType(String t) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, t, issueMapTopic, requestTimeout, findingPages);
  }

  public JiraSettings withIssueMapTopic(String t) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, t, requestTimeout, findingPages);
  }

  public JiraSettings withRequestTimeout(Duration d) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, d, findingPages);
  }

  public JiraSettings withFindingPages(URI base) {
    return new JiraSettings(baseUrl, apiVersion, auth, projectKey, issueType, priorities, labels, components,
        extraFields, doneTransition, reopenTransitions, regressionMode, linkType, issueMapTopic, requestTimeout, base);
  }

  /** The finding's page, or null without {@link #findingPages}. */
  String findingPage(String findingId) {
    if (findingPages == null) {
      return null;
    }
    String base = findingPages.toString();
    return base + (base.endsWith("/") ? "" : "/") + "findings/"
        + java.net.URLEncoder.encode(findingId, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
