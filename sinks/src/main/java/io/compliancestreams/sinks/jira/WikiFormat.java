package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Jira wiki markup (Server/Data Center v2). Every untrusted value goes through {@link #escape}.
 */
final class WikiFormat implements DocumentFormat {

  /** Characters that start or end Jira text effects, links, macros, tables, lists or headings. */
  private static final String SPECIAL = "{}[]|*_-+^~?!#";

  @Override
  public JsonNode description(String intro, List<Field> fields) {
    StringBuilder text = new StringBuilder(escape(intro)).append('\n');
    for (Field f : fields) {
      if (f.value() == null || f.value().isBlank()) {
        continue;
      }
      text.append('\n').append('*').append(escape(f.label())).append(":* ")
          // Our own URL (dashboard.url + a hex finding id) as a wiki link; values from AWS are escaped.
          .append(f.link() ? "[" + f.value() + "]" : escape(f.value(), VALUE_LIMIT));
    }
    return TextNode.valueOf(text.toString());
  }

  @Override
  public JsonNode comment(String sentence, String detail, String marker) {
    String body = escape(sentence);
    if (detail != null && !detail.isBlank()) {
      body += "\n\n" + escape(detail, VALUE_LIMIT);
    }
    body += "\n\n" + escape(marker);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("body", body);
    return node;
  }

  /** The marker is our last line; a reason quoting it sits on an earlier one. */
  @Override
  public boolean carries(JsonNode commentBody, String marker) {
    return commentBody.isTextual() && commentBody.asText().endsWith("\n\n" + escape(marker));
  }

  /**
   * Backslash-escapes the markup characters. A backslash itself becomes the entity {@code &#92;}
   * (as pandoc's Jira writer does): {@code \\} would be a line break and a lone {@code \} could
   * swallow our own escapes. Line breaks become spaces, so a value cannot start a new line with
   * {@code h1.}, {@code bq.} or a list.
   */
  static String escape(String value) {
    return escape(value, Integer.MAX_VALUE);
  }

  /**
   * Escapes, keeping the result within {@code limit} characters: when the escaped value would be
   * longer it ends with an ellipsis, never inside an escape or a surrogate pair.
   */
  static String escape(String value, int limit) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), limit) + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String piece;
      int consumed = 1;
      if (c == '\\') {
        piece = "&#92;";
      } else if (c == '\r' || c == '\n') {
        piece = " ";
      } else if (SPECIAL.indexOf(c) >= 0) {
        piece = "\\" + c;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
        piece = value.substring(i, i + 2);
        consumed = 2;
      } else {
        piece = String.valueOf(c);
      }
      boolean last = i + consumed >= value.length();
      // Room for the ellipsis stays free until the last piece.
      if (out.length() + piece.length() > (last ? limit : limit - IssueContent.ELLIPSIS.length())) {
        return out.append(IssueContent.ELLIPSIS).toString();
      }
      out.append(piece);
      i += consumed - 1;
    }
    return out.toString();
  }
}
