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
      text.append('\n').append('*').append(escape(f.label())).append(":* ").append(escape(f.value()));
    }
    return TextNode.valueOf(text.toString());
  }

  @Override
  public JsonNode comment(String sentence, String detail) {
    String body = escape(sentence);
    if (detail != null && !detail.isBlank()) {
      body += "\n\n" + escape(detail);
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("body", body);
    return node;
  }

  /**
   * Backslash-escapes the markup characters. A backslash itself becomes the entity {@code &#92;}
   * (as pandoc's Jira writer does): {@code \\} would be a line break and a lone {@code \} could
   * swallow our own escapes. Line breaks become spaces, so a value cannot start a new line with
   * {@code h1.}, {@code bq.} or a list.
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        out.append("&#92;");
      } else if (c == '\r' || c == '\n') {
        out.append(' ');
      } else if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
