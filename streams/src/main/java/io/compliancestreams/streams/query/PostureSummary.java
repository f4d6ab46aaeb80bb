package io.compliancestreams.streams.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts computed from findings (pure): the whole set, failing findings per severity, and per
 * practice, account and region. A suppressed finding counts as suppressed, not as failing or
 * passing; NOT_APPLICABLE and suppressed findings are outside the passing share.
 *
 * <p>This is what the dashboard polls: a few kilobytes of counts instead of every finding.
 */
public record PostureSummary(Counts total, Double passingShare, Map<String, Integer> failingBySeverity,
    List<PracticeCounts> practices, List<AccountCounts> accounts, List<RegionCounts> regions) {

  /** The severities, most severe first (the keys of {@link #failingBySeverity}, all present). */
  public static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");

  /** Counts of any set of findings; {@code error} are evaluations that threw. */
  public record Counts(int pass, int fail, int suppressed, int notApplicable, int error) {}

  /** Counts of one practice. */
  public record PracticeCounts(int practice, String controlId, String title, String severity,
      int pass, int fail, int suppressed, int notApplicable, int error) {}

  /** Counts of one account. */
  public record AccountCounts(String accountId, int pass, int fail, int suppressed, int notApplicable, int error) {}

  /** Counts of one region ("global" for account-wide findings). */
  public record RegionCounts(String region, int pass, int fail, int suppressed, int notApplicable, int error) {}

  public static PostureSummary of(Collection<FindingView> findings) {
    Tally total = new Tally();
    Map<String, Integer> failing = new LinkedHashMap<>();
    SEVERITIES.forEach(s -> failing.put(s, 0));
    Map<Integer, Tally> byPractice = new TreeMap<>();
    Map<Integer, FindingView> sample = new TreeMap<>();
    Map<String, Tally> byAccount = new TreeMap<>();
    Map<String, Tally> byRegion = new TreeMap<>();
    for (FindingView f : findings) {
      sample.putIfAbsent(f.practice(), f);
      String kind = kind(f);
      total.add(kind);
      byPractice.computeIfAbsent(f.practice(), k -> new Tally()).add(kind);
      byAccount.computeIfAbsent(String.valueOf(f.accountId()), k -> new Tally()).add(kind);
      byRegion.computeIfAbsent(String.valueOf(f.region()), k -> new Tally()).add(kind);
      if (kind.equals("FAIL")) {
        failing.merge(f.severity(), 1, Integer::sum);
      }
    }
    List<PracticeCounts> practices = new ArrayList<>();
    byPractice.forEach((n, t) -> {
      FindingView s = sample.get(n);
      practices.add(new PracticeCounts(n, s.controlId(), s.title(), s.severity(), t.pass, t.fail, t.suppressed,
          t.notApplicable, t.error));
    });
    List<AccountCounts> accounts = new ArrayList<>();
    byAccount.forEach((id, t) -> accounts.add(new AccountCounts(id, t.pass, t.fail, t.suppressed, t.notApplicable,
        t.error)));
    List<RegionCounts> regions = new ArrayList<>();
    byRegion.forEach((r, t) -> regions.add(new RegionCounts(r, t.pass, t.fail, t.suppressed, t.notApplicable,
        t.error)));
    Counts counts = total.counts();
    return new PostureSummary(counts, share(counts), failing, practices, accounts, regions);
  }

  /** PASS / (PASS + FAIL + ERROR), or null when nothing was evaluated. */
  private static Double share(Counts c) {
    int evaluated = c.pass() + c.fail() + c.error();
    return evaluated == 0 ? null : (double) c.pass() / evaluated;
  }

  /** PASS, FAIL, SUPPRESSED, NOT_APPLICABLE or ERROR: the one column a finding counts in. */
  private static String kind(FindingView f) {
    if ("NOT_APPLICABLE".equals(f.status())) {
      return "NOT_APPLICABLE";
    }
    if (f.suppressed()) {
      return "SUPPRESSED";
    }
    return switch (f.status()) {
      case "PASS", "FAIL" -> f.status();
      default -> "ERROR";
    };
  }

  private static final class Tally {
    int pass;
    int fail;
    int suppressed;
    int notApplicable;
    int error;

    void add(String kind) {
      switch (kind) {
        case "PASS" -> pass++;
        case "FAIL" -> fail++;
        case "SUPPRESSED" -> suppressed++;
        case "NOT_APPLICABLE" -> notApplicable++;
        default -> error++;
      }
    }

    Counts counts() {
      return new Counts(pass, fail, suppressed, notApplicable, error);
    }
  }
}
