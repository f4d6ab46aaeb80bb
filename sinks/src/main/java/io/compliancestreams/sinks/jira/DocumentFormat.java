package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Renders descriptions and comments for one API version, escaping every value for that format. */
interface DocumentFormat {

  /**
   * The most characters one value (a field or a comment's detail) takes in a body, ellipsis
   * included. Jira rejects a description or comment over its text limit
   * ({@code jira.text.field.character.limit}, 32,767 by default) with a 400, which would
   * dead-letter the finding; twelve fields of this size stay under it. The full text stays in
   * the dashboard, the audit trail and the OCSF event.
   */
  int VALUE_LIMIT = 2_500;

  /** An intro sentence, then one "label: value" line per field (fields without a value are left out). */
  JsonNode description(String intro, List<Field> fields);

  /**
   * A comment: our own sentence, then the untrusted detail (a reason) as plain text, then a last
   * line with the delta's marker ({@link IssueContent#marker}), by which a retry recognises a
   * comment it already made.
   */
  JsonNode comment(String sentence, String detail, String marker);

  /** Whether a comment body, as Jira returns it, carries the marker line this format wrote. */
  boolean carries(JsonNode commentBody, String marker);
}
