package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Atlassian Document Format (Cloud v3). Untrusted values only ever become the {@code text} of a
 * text node without marks: ADF has no inline markup, so nothing in a value can turn into a link,
 * a mention or formatting. Only our own labels carry a {@code strong} mark, and our own link to
 * the finding's page a {@code link} mark.
 */
final class AdfFormat implements DocumentFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public JsonNode description(String intro, List<Field> fields) {
    ObjectNode doc = doc();
    ArrayNode content = (ArrayNode) doc.get("content");
    content.add(paragraph(text(intro)));
    for (Field f : fields) {
      if (f.value() == null || f.value().isBlank()) {
        continue; // ADF rejects empty text nodes
      }
      content.add(paragraph(strong(f.label() + ": "),
          f.link() ? link(f.value()) : text(IssueContent.cut(f.value(), VALUE_LIMIT))));
    }
    return doc;
  }

  @Override
  public JsonNode comment(String sentence, String detail, String marker) {
    ObjectNode doc = doc();
    ArrayNode content = (ArrayNode) doc.get("content");
    content.add(paragraph(text(sentence)));
    if (detail != null && !detail.isBlank()) {
      content.add(paragraph(text(IssueContent.cut(detail, VALUE_LIMIT))));
    }
    content.add(paragraph(text(marker)));
    ObjectNode body = NODES.objectNode();
    body.set("body", doc);
    return body;
  }

  /** A paragraph whose only text node is the marker, anywhere in the document. */
  @Override
  public boolean carries(JsonNode commentBody, String marker) {
    for (JsonNode block : commentBody.path("content")) {
      JsonNode inline = block.path("content");
      if (inline.size() == 1 && marker.equals(inline.get(0).path("text").asText(null))) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode doc() {
    ObjectNode doc = NODES.objectNode();
    doc.put("type", "doc");
    doc.put("version", 1);
    doc.putArray("content");
    return doc;
  }

  private static ObjectNode paragraph(ObjectNode... inline) {
    ObjectNode p = NODES.objectNode();
    p.put("type", "paragraph");
    ArrayNode content = p.putArray("content");
    for (ObjectNode node : inline) {
      content.add(node);
    }
    return p;
  }

  /** Our own URL as a text node with a link mark (ADF's only way to link). */
  private static ObjectNode link(String url) {
    ObjectNode t = text(url);
    ObjectNode mark = t.putArray("marks").addObject();
    mark.put("type", "link");
    mark.putObject("attrs").put("href", url);
    return t;
  }

  private static ObjectNode text(String value) {
    ObjectNode t = NODES.objectNode();
    t.put("type", "text");
    t.put("text", value);
    return t;
  }

  private static ObjectNode strong(String ourLabel) {
    ObjectNode t = text(ourLabel);
    t.putArray("marks").addObject().put("type", "strong");
    return t;
  }
}
