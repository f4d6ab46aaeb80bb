package io.compliancestreams.sinks.slack;

/**
 * Slack's mrkdwn needs exactly three characters escaped ({@code &}, {@code <}, {@code >}); with
 * them escaped, text from AWS cannot form {@code <!channel>}, {@code <@U123>} or a link
 * {@code <http://evil|click>}. Texts are cut to Block Kit's limits with an ellipsis.
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
   * Cuts {@code text} to at most {@code limit} characters, ending with an ellipsis when cut. The cut
   * never splits an escape entity ({@code &amp;}) nor a surrogate pair.
   */
  static String cut(String text, int limit) {
    if (text == null) {
      return "";
    }
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    int amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp >= end - 4 && text.indexOf(';', amp) >= end) {
      end = amp;
    }
    return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }

  /** Escapes, then cuts: the limit applies to what Slack receives. */
  static String escapeAndCut(String text, int limit) {
    return cut(escape(text), limit);
  }
}
