package io.compliancestreams.sinks.text;

import java.time.Duration;

/**
 * A duration as people say it, to the two largest units: "42 s", "7 min", "3 h 12 min",
 * "2 d 4 h". Precision beyond that is noise in a notification.
 */
public final class ElapsedText {

  private ElapsedText() {}

  public static String of(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return hours == 0 ? days + " d" : days + " d " + hours + " h";
    }
    if (hours > 0) {
      return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return seconds + " s";
  }
}
