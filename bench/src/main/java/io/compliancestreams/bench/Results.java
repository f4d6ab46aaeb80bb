package io.compliancestreams.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: rows for the Markdown table, details and environment for the JSON file. */
final class Results {

  /**
   * One figure next to its baseline measured in the same run.
   *
   * @param ratio value / baseline, or NaN when no ratio makes sense
   * @param target the target, or ""
   * @param verdict "met", "not met" or ""
   */
  record Row(String measure, String figure, double value, String unit, String baseline,
      double baselineValue, double ratio, String target, String verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final Map<String, Object> environment = new LinkedHashMap<>();

  synchronized void add(Row row) {
    rows.add(row);
    System.out.println("  " + line(row));
  }

  void add(String measure, String figure, double value, String unit, String baseline, double baselineValue) {
    add(new Row(measure, figure, value, unit, baseline, baselineValue,
        baselineValue == 0 || Double.isNaN(baselineValue) ? Double.NaN : value / baselineValue, "", ""));
  }

  synchronized void detail(String key, Object value) {
    details.put(key, value);
  }

  synchronized void environment(String key, Object value) {
    environment.put(key, value);
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String line(Row r) {
    return r.measure() + " / " + r.figure() + ": " + number(r.value()) + " " + r.unit()
        + (r.baseline().isEmpty() ? "" : " (baseline " + r.baseline() + ": " + number(r.baselineValue()) + ")");
  }

  /** The Markdown table of every row. */
  synchronized String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| measure | figure | value | baseline (same run) | baseline value | ratio | target | verdict |\n");
    sb.append("|---|---|---:|---|---:|---:|---|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.measure())
          .append(" | ").append(r.figure())
          .append(" | ").append(number(r.value())).append(' ').append(r.unit())
          .append(" | ").append(r.baseline().isEmpty() ? "–" : r.baseline())
          .append(" | ").append(r.baseline().isEmpty() ? "–" : number(r.baselineValue()) + " " + r.unit())
          .append(" | ").append(Double.isNaN(r.ratio()) ? "–" : String.format(Locale.ROOT, "%.2f", r.ratio()))
          .append(" | ").append(r.target().isEmpty() ? "–" : r.target())
          .append(" | ").append(r.verdict().isEmpty() ? "–" : r.verdict())
          .append(" |\n");
    }
    return sb.toString();
  }

  synchronized void writeJson(Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", environment);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", r.measure());
      m.put("figure", r.figure());
      m.put("value", finite(r.value()));
      m.put("unit", r.unit());
      m.put("baseline", r.baseline());
      m.put("baselineValue", finite(r.baselineValue()));
      m.put("ratio", finite(r.ratio()));
      m.put("target", r.target());
      m.put("verdict", r.verdict());
      out.add(m);
    }
    root.put("rows", out);
    root.put("details", details);
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
