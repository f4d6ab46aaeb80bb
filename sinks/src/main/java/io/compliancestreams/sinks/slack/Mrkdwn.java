package io.compliancestreams.sinks.slack;

/**
 * Slack's mrkdwn needs exactly three characters escaped ({@code &}, {@code <}, {@code >}); with
 * them escaped, text from AWS cannot form {@code <!channel>}, {@code <@U123>} or a link
 * {@code <http://evil|click>}. Texts are cut to Block Kit's limits in the middle, with an ellipsis.
 */
final class Mrkdwn {

  static final String ELLIPSIS = "…";

  private Mrkdwn() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Cuts {@code text} to at most {@code limit} characters by taking out its middle (the decisive
   * value of a reason, a CIDR or a principal, comes last; see MiddleCut), with an ellipsis where
   * the cut is. Neither side splits an escape entity ({@code &amp;}) nor a surrogate pair.
   */
  static String cut(String text, int limit) {
    if (text == null) {
      return "";
    }
    if (text.length() <= limit) {
      return text;
    }
    if (limit <= ELLIPSIS.length()) {
      return ELLIPSIS.substring(0, Math.max(limit, 0));
    }
    int keep = limit - ELLIPSIS.length();
    int head = keep / 2;
    int tailStart = text.length() - (keep - head);
    if (head > 0 && Character.isHighSurrogate(text.charAt(head - 1))) {
      head--;
    }
    int amp = text.lastIndexOf('&', head - 1);
    if (amp >= 0 && amp >= head - 5 && text.indexOf(';', amp) >= head) {
      head = amp; // an entity cut by the head's end goes entirely
    }
    int inEntity = text.lastIndexOf('&', tailStart - 1);
    int semicolon = inEntity < 0 ? -1 : text.indexOf(';', inEntity);
    if (inEntity >= 0 && inEntity >= tailStart - 5 && semicolon >= tailStart) {
      tailStart = semicolon + 1; // and so does one cut by the tail's start
    }
    if (tailStart < text.length() && Character.isLowSurrogate(text.charAt(tailStart))) {
      tailStart++;
    }
    return text.substring(0, head) + ELLIPSIS + text.substring(Math.min(tailStart, text.length()));
  }

  /** Escapes, then cuts: the limit applies to what Slack receives. */
  static String escapeAndCut(String text, int limit) {
    return cut(escape(text), limit);
  }
}
