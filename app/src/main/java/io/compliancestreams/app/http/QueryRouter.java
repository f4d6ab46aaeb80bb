package io.compliancestreams.app.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.streams.query.FindingFilter;
import io.compliancestreams.streams.query.FindingQueries;
import io.compliancestreams.streams.query.FindingView;
import io.compliancestreams.streams.query.HistoryEntry;
import io.compliancestreams.streams.query.LocalRemediation;
import io.compliancestreams.streams.query.LocalTrend;
import io.compliancestreams.streams.query.PostureTrend;
import io.compliancestreams.streams.query.RemediationReport;
import io.compliancestreams.streams.query.ResourceView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers queries for the whole application, whichever instance owns the data: fans a findings
 * query out to every instance's local endpoint, and sends a single-key look-up to the key's owner
 * (found through Kafka Streams metadata). Instances find each other through
 * {@code application.server}.
 */
final class QueryRouter {

  private final FindingQueries queries;
  private final HostInfo self;
  private final String token;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  QueryRouter(FindingQueries queries, HostInfo self, String token, ObjectMapper json) {
    this.queries = queries;
    this.self = self;
    this.token = token;
    this.json = json;
  }

  List<FindingView> findings(FindingFilter filter) {
    List<FindingView> all = new ArrayList<>(queries.localFindings(filter));
    for (HostInfo host : queries.instances()) {
      if (!host.equals(self)) {
        all.addAll(fetch(host, "/api/local/findings" + query(filter), new TypeReference<List<FindingView>>() {})
            .orElseThrow(() -> new IllegalStateException("instance " + host + " did not answer")));
      }
    }
    return all;
  }

  /** The posture over the last {@code hours}: every instance's changes and live counts, merged. */
  PostureTrend.Series trend(int hours, Instant now) {
    Instant from = PostureTrend.changesFrom(now, hours);
    List<LocalTrend> parts = new ArrayList<>();
    parts.add(queries.localTrend(from));
    for (HostInfo host : queries.instances()) {
      if (!host.equals(self)) {
        parts.add(fetch(host, "/api/local/trend?from=" + from.toEpochMilli(), new TypeReference<LocalTrend>() {})
            .orElseThrow(() -> new IllegalStateException("instance " + host + " did not answer")));
      }
    }
    return PostureTrend.series(parts, now, hours);
  }

  /** Time to remediate per practice and the oldest open failures of the matching findings, from every instance. */
  RemediationReport remediation(FindingFilter filter) {
    List<LocalRemediation> parts = new ArrayList<>();
    parts.add(queries.localRemediation(filter));
    for (HostInfo host : queries.instances()) {
      if (!host.equals(self)) {
        parts.add(fetch(host, "/api/local/remediation" + query(filter), new TypeReference<LocalRemediation>() {})
            .orElseThrow(() -> new IllegalStateException("instance " + host + " did not answer")));
      }
    }
    return RemediationReport.of(parts, queries.metadata());
  }

  Optional<ResourceView> resource(String key) {
    Optional<HostInfo> owner = queries.ownerOf(key);
    if (owner.isEmpty() || owner.get().equals(self)) {
      return queries.localResource(key);
    }
    return fetch(owner.get(), "/api/local/resource?key=" + encode(key), new TypeReference<ResourceView>() {});
  }

  /** A finding's recent deltas, oldest first, from the instance that holds them. */
  List<HistoryEntry> history(String findingId) {
    Optional<HostInfo> owner = queries.historyOwnerOf(findingId);
    if (owner.isEmpty() || owner.get().equals(self)) {
      return queries.localHistory(findingId);
    }
    return fetch(owner.get(), "/api/local/history?finding=" + encode(findingId),
        new TypeReference<List<HistoryEntry>>() {}).orElse(List.of());
  }

  /**
   * A finding's page: its history names its resource (the key of a resource-scoped finding, the
   * account for an account- or region-scoped one), whose owner holds the current state.
   */
  Optional<FindingPage> finding(String findingId, int historyLimit) {
    List<HistoryEntry> history = history(findingId);
    if (history.isEmpty()) {
      return Optional.empty();
    }
    HistoryEntry last = history.get(history.size() - 1);
    ResourceView view = resource(last.resourceKey()).orElse(null);
    Optional<FindingView> current = currentIn(view, findingId);
    if (current.isEmpty()) {
      current = currentIn(resource(last.accountId()).orElse(null), findingId);
    }
    return Optional.of(FindingPage.of(findingId, current.orElse(null), view, history, historyLimit));
  }

  private static Optional<FindingView> currentIn(ResourceView view, String findingId) {
    return view == null ? Optional.empty()
        : view.findings().stream().filter(f -> f.findingId().equals(findingId)).findFirst();
  }

  private <T> Optional<T> fetch(HostInfo host, String path, TypeReference<T> type) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("instance " + host + " answered " + response.statusCode());
      }
      return Optional.of(json.readValue(response.body(), type));
    } catch (IOException e) {
      throw new IllegalStateException("instance " + host + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String query(FindingFilter f) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("practice", f.practice());
    params.put("control", f.control());
    params.put("account", f.account());
    params.put("region", f.region());
    params.put("status", f.status());
    params.put("severity", f.severity());
    params.put("resource", f.resource());
    StringBuilder q = new StringBuilder();
    params.forEach((k, v) -> {
      if (v != null) {
        q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(encode(v.toString()));
      }
    });
    return q.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
