package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Jira REST calls we make, for v3 (Cloud) or v2 (Server/Data Center). The versions differ in
 * path prefix, the search endpoint (Cloud's enhanced {@code /search/jql} vs {@code /search}) and
 * the pages of create metadata ({@code issueTypes}/{@code fields} vs {@code values}).
 */
final class JiraApi {

  /** An issue found by key or label, and whether its status is in the done category. */
  record Issue(String key, boolean done, String statusName) {}

  record Transition(String id, String name, String toName) {}

  record IssueTypeMeta(String id, String name) {}

  record FieldMeta(String fieldId, String name, boolean required, boolean hasDefaultValue) {}

  /**
   * The issue property holding the last delta applied to an issue ({@code findingId}, {@code deltaId},
   * {@code sequence}): it travels with the issue, so a lost issue map does not make old deltas new.
   */
  static final String APPLIED_PROPERTY = "compliance-streams";

  /** How many of an issue's newest comments are searched for a delta's marker. */
  static final int RECENT_COMMENTS = 50;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JiraHttp http;
  private final JiraSettings.ApiVersion version;
  private final String prefix;

  JiraApi(JiraHttp http, JiraSettings.ApiVersion version) {
    this.http = http;
    this.version = version;
    this.prefix = version == JiraSettings.ApiVersion.CLOUD_V3 ? "/rest/api/3" : "/rest/api/2";
  }

  /** The issue by key; empty when it no longer exists (deleted, or moved out of sight). */
  Optional<Issue> issue(String key) throws DeliveryException {
    return http.find(prefix + "/issue/" + encode(key) + "?fields=status").map(JiraApi::toIssue);
  }

  /** The first issue a JQL query returns (with its status), if any. */
  Optional<Issue> searchFirst(String jql) throws DeliveryException {
    String endpoint = version == JiraSettings.ApiVersion.CLOUD_V3 ? "/search/jql" : "/search";
    JsonNode page = http.get(prefix + endpoint + "?jql=" + encode(jql) + "&fields=status&maxResults=1");
    JsonNode issues = page.path("issues");
    return issues.isEmpty() ? Optional.empty() : Optional.of(toIssue(issues.get(0)));
  }

  /** Creates an issue and returns its key. */
  String create(ObjectNode fields) throws DeliveryException {
    ObjectNode body = NODES.objectNode();
    body.set("fields", fields);
    JsonNode created = http.post(prefix + "/issue", body);
    String key = created.path("key").asText("");
    if (key.isEmpty()) {
      throw DeliveryException.retryable("Jira POST " + prefix + "/issue returned no key", null);
    }
    return key;
  }

  List<Transition> transitions(String key) throws DeliveryException {
    JsonNode page = http.get(prefix + "/issue/" + encode(key) + "/transitions");
    List<Transition> out = new ArrayList<>();
    page.path("transitions").forEach(t -> out.add(new Transition(
        t.path("id").asText(), t.path("name").asText(), t.path("to").path("name").asText())));
    return out;
  }

  void transition(String key, String transitionId) throws DeliveryException {
    ObjectNode body = NODES.objectNode();
    body.putObject("transition").put("id", transitionId);
    http.post(prefix + "/issue/" + encode(key) + "/transitions", body);
  }

  /** {@code body} is what {@link DocumentFormat#comment} made: {@code {"body": ADF or text}}. */
  void comment(String key, JsonNode body) throws DeliveryException {
    http.post(prefix + "/issue/" + encode(key) + "/comment", body);
  }

  /**
   * The sequence of the last delta recorded on the issue ({@link #APPLIED_PROPERTY}); empty when the
   * issue has no such property (Jira answers 404: created before it existed, or crashed before it).
   */
  Optional<Long> appliedSequence(String key) throws DeliveryException {
    return http.find(propertyPath(key))
        .map(p -> p.path("value").path("sequence"))
        .filter(JsonNode::canConvertToLong)
        .map(JsonNode::asLong);
  }

  /** Records on the issue that a delta was applied to it (sets or replaces the property). */
  void recordApplied(String key, String findingId, String deltaId, long sequence) throws DeliveryException {
    ObjectNode value = NODES.objectNode();
    value.put("findingId", findingId);
    value.put("deltaId", deltaId);
    value.put("sequence", sequence);
    http.put(propertyPath(key), value);
  }

  /** The bodies of the issue's newest comments, newest first (ADF for v3, wiki text for v2). */
  List<JsonNode> recentCommentBodies(String key) throws DeliveryException {
    List<JsonNode> bodies = new ArrayList<>();
    http.find(prefix + "/issue/" + encode(key) + "/comment?orderBy=-created&maxResults=" + RECENT_COMMENTS)
        .ifPresent(page -> page.path("comments").forEach(c -> bodies.add(c.path("body"))));
    return bodies;
  }

  /** Links two issues, e.g. "Relates": the new issue relates to the old one. */
  void link(String linkType, String inwardKey, String outwardKey) throws DeliveryException {
    ObjectNode body = NODES.objectNode();
    body.putObject("type").put("name", linkType);
    body.putObject("inwardIssue").put("key", inwardKey);
    body.putObject("outwardIssue").put("key", outwardKey);
    http.post(prefix + "/issueLink", body);
  }

  /** Issue types one can create in the project; empty when the project is not visible. */
  Optional<List<IssueTypeMeta>> issueTypes(String projectKey) throws DeliveryException {
    String path = prefix + "/issue/createmeta/" + encode(projectKey) + "/issuetypes";
    Optional<List<JsonNode>> items = pages(path, version == JiraSettings.ApiVersion.CLOUD_V3 ? "issueTypes" : "values");
    return items.map(list -> list.stream()
        .map(t -> new IssueTypeMeta(t.path("id").asText(), t.path("name").asText())).toList());
  }

  /** The create-screen fields of a project and issue type. */
  List<FieldMeta> createFields(String projectKey, String issueTypeId) throws DeliveryException {
    String path = prefix + "/issue/createmeta/" + encode(projectKey) + "/issuetypes/" + encode(issueTypeId);
    return pages(path, version == JiraSettings.ApiVersion.CLOUD_V3 ? "fields" : "values")
        .orElse(List.of()).stream()
        .map(f -> new FieldMeta(f.path("fieldId").asText(), f.path("name").asText(),
            f.path("required").asBoolean(false), f.path("hasDefaultValue").asBoolean(false)))
        .toList();
  }

  /** Reads every page of a startAt/maxResults list; empty on 404. */
  private Optional<List<JsonNode>> pages(String path, String itemsField) throws DeliveryException {
    List<JsonNode> all = new ArrayList<>();
    int startAt = 0;
    while (true) {
      Optional<JsonNode> page = http.find(path + "?startAt=" + startAt + "&maxResults=50");
      if (page.isEmpty()) {
        return Optional.empty();
      }
      JsonNode items = page.get().path(itemsField);
      items.forEach(all::add);
      startAt += items.size();
      boolean last = items.isEmpty()
          || page.get().path("isLast").asBoolean(false)
          || startAt >= page.get().path("total").asInt(startAt);
      if (last) {
        return Optional.of(all);
      }
    }
  }

  private String propertyPath(String key) {
    return prefix + "/issue/" + encode(key) + "/properties/" + APPLIED_PROPERTY;
  }

  private static Issue toIssue(JsonNode issue) {
    JsonNode status = issue.path("fields").path("status");
    return new Issue(issue.path("key").asText(),
        "done".equals(status.path("statusCategory").path("key").asText()),
        status.path("name").asText());
  }

  /** Query and path encoding; '+' would be read back as '+' in a path, so spaces become %20. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
