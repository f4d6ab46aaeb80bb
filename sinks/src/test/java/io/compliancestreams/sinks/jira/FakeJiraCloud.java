package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stateful Jira Cloud (REST v3) behind WireMock, for the tests that replay a whole history:
 * one project {@code SEC} with a To Do → In Progress → Done workflow (Reopen back to To Do), issues
 * with labels, comments and entity properties. Every answer has the shape of the REST v3 reference
 * (the fixtures of {@code src/test/resources/jira/v3}, 201 on create, 204 on a transition, 404 with
 * {@code errorMessages} for an unknown issue or an absent property, 201/200 on a property PUT).
 * WireMock's request journal counts the calls.
 *
 * <p>{@link #loseAnswerOf} makes Jira apply one request and the client see a reset connection, as
 * when the sink crashes (or times out) after Jira acted and before it recorded anything.
 */
public final class FakeJiraCloud implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-jira-cloud";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/rest/api/3";
  private static final Pattern LABEL = Pattern.compile("labels = \"([^\"]+)\"");
  private static final Pattern ISSUE = Pattern.compile(API + "/issue/([A-Z]+-\\d+)(/.*)?");

  /** One issue: done or not, its labels, comments (oldest first) and entity properties. */
  static final class Issue {
    final String id;
    final String key;
    final List<String> labels;
    final List<ObjectNode> comments = new ArrayList<>();
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    boolean done;

    Issue(String id, String key, List<String> labels) {
      this.id = id;
      this.key = key;
      this.labels = List.copyOf(labels);
    }
  }

  private final Map<String, Issue> issues = new LinkedHashMap<>();
  private int lastId = 10_000;
  private String lostAnswer;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  /** The next request with this method and path is applied, and its answer lost (connection reset). */
  synchronized void loseAnswerOf(String method, String path) {
    lostAnswer = method + " " + path;
  }

  synchronized Optional<Issue> issue(String key) {
    return Optional.ofNullable(issues.get(key));
  }

  /** The keys of the issues created so far, oldest first. */
  public synchronized List<String> keys() {
    return List.copyOf(issues.keySet());
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod().getName();
    String path = URI.create(request.getUrl()).getRawPath();
    ResponseDefinition answer = answer(method, path, request);
    if ((method + " " + path).equals(lostAnswer)) {
      lostAnswer = null;
      return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    return answer;
  }

  private ResponseDefinition answer(String method, String path, Request request) {
    if (path.equals(API + "/issue/createmeta/SEC/issuetypes")) {
      return json(200, JiraDestinationTest.fixture("v3/createmeta-issuetypes.json"));
    }
    if (path.equals(API + "/issue/createmeta/SEC/issuetypes/10001")) {
      return json(200, JiraDestinationTest.fixture("v3/createmeta-task-fields.json"));
    }
    if (path.equals(API + "/search/jql") && method.equals("GET")) {
      return search(param(request, "jql").orElse(""), Integer.parseInt(param(request, "maxResults").orElse("50")));
    }
    if (path.equals(API + "/issue") && method.equals("POST")) {
      return create(read(request));
    }
    if (path.equals(API + "/issueLink") && method.equals("POST")) {
      return empty(201);
    }
    Matcher m = ISSUE.matcher(path);
    if (!m.matches()) {
      return error(404, "No route for " + method + " " + path);
    }
    Issue issue = issues.get(m.group(1));
    if (issue == null) {
      return error(404, "Issue does not exist or you do not have permission to see it.");
    }
    String rest = m.group(2) == null ? "" : m.group(2);
    if (rest.isEmpty() && method.equals("GET")) {
      return json(200, issueJson(issue).toString());
    }
    if (rest.equals("/transitions")) {
      return method.equals("GET")
          ? json(200, JiraDestinationTest.fixture(issue.done ? "v3/transitions-from-done.json" : "v3/transitions-from-todo.json"))
          : transition(issue, read(request).path("transition").path("id").asText());
    }
    if (rest.equals("/comment")) {
      return method.equals("GET") ? comments(issue, param(request, "orderBy").orElse("created"),
          Integer.parseInt(param(request, "maxResults").orElse("50"))) : comment(issue, read(request));
    }
    if (rest.startsWith("/properties/")) {
      String name = rest.substring("/properties/".length());
      if (method.equals("GET")) {
        JsonNode value = issue.properties.get(name);
        if (value == null) {
          return error(404, "The property with key '" + name + "' does not exist.");
        }
        ObjectNode property = JSON.createObjectNode();
        property.put("key", name);
        property.set("value", value);
        return json(200, property.toString());
      }
      if (method.equals("PUT")) {
        boolean created = issue.properties.put(name, read(request)) == null;
        return empty(created ? 201 : 200);
      }
    }
    return error(405, method + " " + path + " is not supported by this fake");
  }

  private ResponseDefinition search(String jql, int maxResults) {
    Matcher label = LABEL.matcher(jql);
    String wanted = label.find() ? label.group(1) : null;
    ArrayNode found = JSON.createArrayNode();
    issues.values().stream()
        .filter(i -> wanted == null || i.labels.contains(wanted))
        .filter(i -> !jql.contains("statusCategory = Done") || i.done)
        .filter(i -> !jql.contains("statusCategory != Done") || !i.done)
        .sorted(Comparator.comparing((Issue i) -> Integer.parseInt(i.id)).reversed()) // ORDER BY created DESC
        .limit(maxResults)
        .forEach(i -> found.add(issueJson(i)));
    ObjectNode page = JSON.createObjectNode();
    page.set("issues", found);
    page.put("isLast", true);
    return json(200, page.toString());
  }

  private ResponseDefinition create(JsonNode body) {
    List<String> labels = new ArrayList<>();
    body.path("fields").path("labels").forEach(l -> labels.add(l.asText()));
    String id = String.valueOf(++lastId);
    String key = "SEC-" + (issues.size() + 1);
    issues.put(key, new Issue(id, key, labels));
    ObjectNode created = JSON.createObjectNode();
    created.put("id", id);
    created.put("key", key);
    created.put("self", "https://your-domain.atlassian.net/rest/api/3/issue/" + id);
    return json(201, created.toString());
  }

  /** 21 In Progress and 31 Done from To Do, 11 Reopen from Done; anything else is refused as Jira does. */
  private ResponseDefinition transition(Issue issue, String id) {
    boolean offered = issue.done ? id.equals("11") : id.equals("21") || id.equals("31");
    if (!offered) {
      return error(400, "Transition id '" + id + "' is not valid for this issue.");
    }
    issue.done = id.equals("31");
    return empty(204);
  }

  private ResponseDefinition comment(Issue issue, JsonNode body) {
    ObjectNode c = (ObjectNode) readTree(JiraDestinationTest.fixture("v3/comment-201.json"));
    c.put("id", String.valueOf(20_000 + issue.comments.size()));
    c.set("body", body.path("body"));
    issue.comments.add(c);
    return json(201, c.toString());
  }

  private ResponseDefinition comments(Issue issue, String orderBy, int maxResults) {
    List<ObjectNode> ordered = new ArrayList<>(issue.comments);
    if (orderBy.equals("-created")) {
      Collections.reverse(ordered);
    }
    ObjectNode page = JSON.createObjectNode();
    page.put("startAt", 0);
    page.put("maxResults", maxResults);
    page.put("total", ordered.size());
    ArrayNode list = page.putArray("comments");
    ordered.stream().limit(maxResults).forEach(list::add);
    return json(200, page.toString());
  }

  private static ObjectNode issueJson(Issue issue) {
    ObjectNode json = (ObjectNode) readTree(JiraDestinationTest.fixture(
        issue.done ? "v3/issue-SEC-7-done.json" : "v3/issue-SEC-1-open.json"));
    json.put("id", issue.id);
    json.put("key", issue.key);
    json.put("self", "https://your-domain.atlassian.net/rest/api/3/issue/" + issue.id);
    return json;
  }

  private static Optional<String> param(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    return p.isPresent() ? Optional.of(p.firstValue()) : Optional.empty(); // WireMock decodes the query
  }

  private static JsonNode read(Request request) {
    return readTree(request.getBodyAsString());
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body).build();
  }

  private static ResponseDefinition empty(int status) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status).build();
  }

  private static ResponseDefinition error(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("errorMessages").add(message);
    body.putObject("errors");
    return json(status, body.toString());
  }
}
