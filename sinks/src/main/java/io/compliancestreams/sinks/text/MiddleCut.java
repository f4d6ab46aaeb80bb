package io.compliancestreams.sinks.text;

/**
 * Shortens a text in the middle, not at the end: a reason's decisive value (the CIDR, the port,
 * the principal) and a name's distinguishing suffix come last, so "inbound tcp port 22 from
 * 0.0.0.0/0" stays readable as "inbound tcp … from 0.0.0.0/0" where cutting the end would keep
 * only "inbound tcp port 22 from …".
 */
public final class MiddleCut {

  public static final String ELLIPSIS = "…";

  private MiddleCut() {}

  /**
   * {@code text} if it has at most {@code max} characters, else its beginning, an ellipsis and its
   * end (the end gets the larger half), {@code max} characters in all; never splits a surrogate pair.
   */
  public static String of(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    if (max <= ELLIPSIS.length()) {
      return ELLIPSIS.substring(0, Math.max(max, 0));
    }
    int keep = max - ELLIPSIS.length();
    int head = keep / 2;
    int tail = keep - head;
    if (head > 0 && Character.isHighSurrogate(text.charAt(head - 1))) {
      head--;
    }
    int tailStart = text.length() - tail;
    if (tailStart < text.length() && Character.isLowSurrogate(text.charAt(tailStart))) {
      tailStart++;
    }
    return text.substring(0, head) + ELLIPSIS + text.substring(tailStart);
  }
}
