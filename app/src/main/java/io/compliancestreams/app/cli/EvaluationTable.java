package io.compliancestreams.app.cli;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Status;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prints evaluations grouped by practice: one row of status counts per practice, then the failing
 * (and erroring) resources with their reasons.
 */
final class EvaluationTable {

  void print(List<Evaluation> evaluations, List<Practice> practices, PrintStream out) {
    out.printf("%3s  %-14s %-8s %5s %5s %5s %5s  %s%n",
        "#", "CONTROL", "SEVERITY", "PASS", "FAIL", "N/A", "ERROR", "TITLE");
    Map<Status, Integer> totals = new EnumMap<>(Status.class);
    for (Practice practice : practices) {
      PracticeMetadata m = practice.metadata();
      Map<Status, Integer> counts = countsOf(evaluations, m.number());
      counts.forEach((s, n) -> totals.merge(s, n, Integer::sum));
      out.printf("%3d  %-14s %-8s %5d %5d %5d %5d  %s%n",
          m.number(), m.controlId(), m.severity(),
          counts.get(Status.PASS), counts.get(Status.FAIL),
          counts.get(Status.NOT_APPLICABLE), counts.get(Status.ERROR), m.title());
    }
    out.printf("%nTotal: %d PASS, %d FAIL, %d NOT_APPLICABLE, %d ERROR%n",
        totals.getOrDefault(Status.PASS, 0), totals.getOrDefault(Status.FAIL, 0),
        totals.getOrDefault(Status.NOT_APPLICABLE, 0), totals.getOrDefault(Status.ERROR, 0));
    printFailures(evaluations, practices, out);
  }

  private static void printFailures(
      List<Evaluation> evaluations, List<Practice> practices, PrintStream out) {
    for (Practice practice : practices) {
      PracticeMetadata m = practice.metadata();
      List<Evaluation> bad = evaluations.stream()
          .filter(e -> e.practice() == m.number())
          .filter(e -> e.status() == Status.FAIL || e.status() == Status.ERROR)
          .toList();
      if (bad.isEmpty()) {
        continue;
      }
      out.printf("%n%d %s (%s) %s%n", m.number(), m.controlId(), m.severity(), m.title());
      for (Evaluation e : bad) {
        out.printf("  %-5s %s %s %s %s%n        %s%n",
            e.status(), e.resource().accountId(), e.resource().region(),
            e.resource().resourceType(),
            e.resource().arn() != null ? e.resource().arn() : e.resource().resourceId(),
            e.reason());
      }
    }
  }

  private static Map<Status, Integer> countsOf(List<Evaluation> evaluations, int practice) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    for (Evaluation e : evaluations) {
      if (e.practice() == practice) {
        counts.merge(e.status(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
