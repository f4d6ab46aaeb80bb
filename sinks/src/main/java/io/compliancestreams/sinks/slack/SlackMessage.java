package io.compliancestreams.sinks.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;

/** A message ready to post: the fallback {@code text} (notifications, screen readers) and the blocks. */
record SlackMessage(String text, ArrayNode blocks) {
  SlackMessage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(blocks, "blocks");
  }
}
