package io.compliancestreams.app.demo;

import io.compliancestreams.app.http.DeltaFeed.FeedItem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One delta as one readable line: time, change kind, severity, practice and control,
 * account/region, resource, reason. ANSI colours (REGRESSED red, RESOLVED green, NEW FAIL yellow)
 * only when asked for: the caller decides from the terminal and NO_COLOR.
 */
final class DeltaLine {

  static final String RED = "\u001b[31m";
  static final String GREEN = "\u001b[32m";
  static final String YELLOW = "\u001b[33m";
  static final String BOLD = "\u001b[1m";
  static final String RESET = "\u001b[0m";
  private static final int REASON_MAX = 120;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final boolean colour;

  DeltaLine(boolean colour) {
    this.colour = colour;
  }

  /** Colour on a terminal unless NO_COLOR is set (https://no-color.org). */
  static boolean colourWanted(boolean terminal, String noColor) {
    return terminal && noColor == null;
  }

  /** REGRESSED, RESOLVED, NEW FAIL, NEW PASS, CLOSED, CHANGED... */
  static String kind(FeedItem d) {
    return "NEW".equals(d.changeKind()) && d.newStatus() != null ? "NEW " + d.newStatus() : d.changeKind();
  }

  String format(FeedItem d) {
    String kind = kind(d);
    String paint = switch (kind) {
      case "REGRESSED" -> RED;
      case "RESOLVED" -> GREEN;
      case "NEW FAIL" -> YELLOW;
      default -> null;
    };
    String label = String.format("%-9s", kind.equals("NEW NOT_APPLICABLE") ? "NEW N/A" : kind);
    // A name people recognise (with its id), else the ARN, else the id.
    String resource = d.resourceName() != null && !d.resourceName().equals(d.resourceId())
        ? io.compliancestreams.sinks.text.ResourceLabel.of(d.resourceName(), d.resourceId())
        : d.resourceArn() != null && !d.resourceArn().isBlank() ? d.resourceArn() : d.resourceId();
    return String.format("%s  %s  %-8s #%-2d %-13s %s/%s  %s  %s%s%s",
        TIME.format(d.evaluatedAt()), paint(label, paint), d.severity(), d.practice(), d.controlId(),
        d.accountId(), d.region(), resource, cut(d.reason()), d.actor() == null ? "" : "  " + d.actor(),
        d.suppressed() ? "  (suppressed)" : "");
  }

  String paint(String text, String code) {
    return colour && code != null ? code + text + RESET : text;
  }

  static String cut(String reason) {
    if (reason == null) {
      return "";
    }
    String oneLine = reason.replaceAll("\\s+", " ").strip();
    // The middle goes: a reason's decisive value (CIDR, port, principal) comes last.
    return io.compliancestreams.sinks.text.MiddleCut.of(oneLine, REASON_MAX);
  }
}
