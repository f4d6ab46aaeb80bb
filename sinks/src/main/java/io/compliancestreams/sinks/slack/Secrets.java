package io.compliancestreams.sinks.slack;

import io.compliancestreams.schemas.redact.Redactor;
import java.util.List;
import java.util.stream.Stream;

/**
 * The secret strings of one configuration, to scrub from any text that leaves this package
 * (exception messages, log lines): a JDK or server message could echo a URL or header. Then the
 * process-wide {@link Redactor} (every configured secret in all its encodings), before any caller
 * cuts the text short: a cut through a secret would leave a piece no redactor recognises.
 */
record Secrets(List<String> values) {

  Secrets {
    values = List.copyOf(values);
  }

  static Secrets of(String... values) {
    return new Secrets(Stream.of(values).filter(v -> v != null && v.length() >= 4).toList());
  }

  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : values) {
      out = out.replace(secret, "(redacted)");
    }
    return Redactor.redact(out);
  }
}
