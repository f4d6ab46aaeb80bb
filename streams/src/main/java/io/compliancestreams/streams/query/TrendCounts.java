package io.compliancestreams.streams.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of failing findings (FAIL, not suppressed) per severity and of errors (ERROR, not
 * suppressed), or net changes of them: the unit the posture trend adds up.
 */
public record TrendCounts(long critical, long high, long medium, long low, long informational, long errors) {

  public static final TrendCounts ZERO = new TrendCounts(0, 0, 0, 0, 0, 0);

  /** What the trend counts a finding as: a severity name (failing) or {@code ERROR}. */
  public static final String ERROR = "ERROR";

  /** One finding counted as {@code category} (a severity name or {@link #ERROR}); ZERO for null. */
  public static TrendCounts one(String category) {
    if (category == null) {
      return ZERO;
    }
    return switch (category) {
      case "CRITICAL" -> new TrendCounts(1, 0, 0, 0, 0, 0);
      case "HIGH" -> new TrendCounts(0, 1, 0, 0, 0, 0);
      case "MEDIUM" -> new TrendCounts(0, 0, 1, 0, 0, 0);
      case "LOW" -> new TrendCounts(0, 0, 0, 1, 0, 0);
      case "INFORMATIONAL" -> new TrendCounts(0, 0, 0, 0, 1, 0);
      case ERROR -> new TrendCounts(0, 0, 0, 0, 0, 1);
      default -> throw new IllegalArgumentException("not a trend category: " + category);
    };
  }

  /**
   * What the trend counts a finding with this status as: its severity when FAIL, ERROR when ERROR,
   * null otherwise; a suppressed finding counts as nothing (as in /api/posture).
   */
  public static String categoryOf(String status, String severity, boolean suppressed) {
    if (suppressed || status == null) {
      return null;
    }
    return switch (status) {
      case "FAIL" -> severity;
      case "ERROR" -> ERROR;
      default -> null;
    };
  }

  public TrendCounts plus(TrendCounts o) {
    return new TrendCounts(critical + o.critical, high + o.high, medium + o.medium, low + o.low,
        informational + o.informational, errors + o.errors);
  }

  public TrendCounts minus(TrendCounts o) {
    return new TrendCounts(critical - o.critical, high - o.high, medium - o.medium, low - o.low,
        informational - o.informational, errors - o.errors);
  }

  @JsonIgnore
  public boolean isZero() {
    return equals(ZERO);
  }

  /** The failing counts by severity name, CRITICAL first (the trend's JSON shape). */
  public Map<String, Long> failing() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("CRITICAL", critical);
    out.put("HIGH", high);
    out.put("MEDIUM", medium);
    out.put("LOW", low);
    out.put("INFORMATIONAL", informational);
    return out;
  }
}
