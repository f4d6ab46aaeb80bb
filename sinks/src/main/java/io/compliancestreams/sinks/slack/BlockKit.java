package io.compliancestreams.sinks.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Block Kit blocks, with Slack's documented limits enforced here so no builder can exceed them:
 * header text 150 characters, section text 3000, at most 10 fields of 2000 each, context
 * elements 10, at most 50 blocks per message.
 */
final class BlockKit {

  static final int HEADER_TEXT = 150;
  static final int SECTION_TEXT = 3000;
  static final int FIELD_TEXT = 2000;
  static final int MAX_FIELDS = 10;
  static final int MAX_CONTEXT_ELEMENTS = 10;
  static final int MAX_BLOCKS = 50;
  /** The fallback text: Slack truncates beyond 40,000; a notification needs far less. */
  static final int FALLBACK_TEXT = 3000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ArrayNode blocks = JSON.arrayNode();

  /** Plain text, not mrkdwn: Slack renders it literally, so it needs no escaping. */
  BlockKit header(String plainText) {
    ObjectNode block = blocks.addObject().put("type", "header");
    block.set("text", plain(Mrkdwn.cut(plainText, HEADER_TEXT)));
    return this;
  }

  /** {@code mrkdwn} must already be escaped where it holds outside values. */
  BlockKit section(String mrkdwn) {
    ObjectNode block = blocks.addObject().put("type", "section");
    block.set("text", mrkdwn(Mrkdwn.cut(mrkdwn, SECTION_TEXT)));
    return this;
  }

  BlockKit fields(List<String> mrkdwnFields) {
    ObjectNode block = blocks.addObject().put("type", "section");
    ArrayNode fields = block.putArray("fields");
    mrkdwnFields.stream().limit(MAX_FIELDS).forEach(f -> fields.add(mrkdwn(Mrkdwn.cut(f, FIELD_TEXT))));
    return this;
  }

  BlockKit context(List<String> mrkdwnElements) {
    ObjectNode block = blocks.addObject().put("type", "context");
    ArrayNode elements = block.putArray("elements");
    mrkdwnElements.stream().limit(MAX_CONTEXT_ELEMENTS)
        .forEach(e -> elements.add(mrkdwn(Mrkdwn.cut(e, SECTION_TEXT))));
    return this;
  }

  BlockKit divider() {
    blocks.addObject().put("type", "divider");
    return this;
  }

  SlackMessage build(String fallbackText) {
    while (blocks.size() > MAX_BLOCKS) {
      blocks.remove(blocks.size() - 1);
    }
    return new SlackMessage(Mrkdwn.cut(fallbackText, FALLBACK_TEXT), blocks);
  }

  /** {@code <url|label>}; the URL and the label are escaped, the label must not hold a '|'. */
  static String link(String url, String label) {
    return "<" + Mrkdwn.escape(url) + "|" + Mrkdwn.escape(label.replace('|', '/')) + ">";
  }

  private static ObjectNode plain(String text) {
    ObjectNode node = JSON.objectNode().put("type", "plain_text").put("text", text);
    node.put("emoji", true);
    return node;
  }

  private static ObjectNode mrkdwn(String text) {
    return JSON.objectNode().put("type", "mrkdwn").put("text", text);
  }
}
