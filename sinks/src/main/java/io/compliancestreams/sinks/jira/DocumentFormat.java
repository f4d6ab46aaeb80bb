package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Renders descriptions and comments for one API version, escaping every value for that format. */
interface DocumentFormat {

  /** An intro sentence, then one "label: value" line per field (fields without a value are left out). */
  JsonNode description(String intro, List<Field> fields);

  /** A comment: our own sentence, then the untrusted detail (a reason) as plain text. */
  JsonNode comment(String sentence, String detail);
}
