package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.redact.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Jira's error body {@code {"errorMessages":[…],"errors":{"field":"message"}}} into one line.
 * Jira echoes request values; a proxy in front of it may echo our headers too, which {@link
 * io.compliancestreams.sinks.runner.DeliveryException} redacts.
 */
final class JiraErrors {

  /** Enough for Jira's field errors; a proxy's page or an echo of our request is cut short. */
  private static final int MAX_LENGTH = 300;

  private JiraErrors() {}

  static String describe(ObjectMapper json, String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (Exception e) {
      return "(non-JSON body)";
    }
    List<String> parts = new ArrayList<>();
    node.path("errorMessages").forEach(m -> parts.add(m.asText()));
    node.path("errors").properties().forEach(e -> parts.add(e.getKey() + ": " + e.getValue().asText()));
    if (parts.isEmpty()) {
      return "(no error messages)";
    }
    // Redacted before the cut: a cut through a secret would leave a piece no redactor recognises.
    String joined = Redactor.redact(String.join("; ", parts));
    return joined.length() > MAX_LENGTH ? joined.substring(0, MAX_LENGTH) + "…" : joined;
  }
}
