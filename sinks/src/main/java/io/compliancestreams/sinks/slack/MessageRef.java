package io.compliancestreams.sinks.slack;

import java.util.Objects;

/** Where a posted message lives: the channel id and its {@code ts}, as {@code chat.postMessage} answers. */
record MessageRef(String channel, String ts) {
  MessageRef {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
  }
}
