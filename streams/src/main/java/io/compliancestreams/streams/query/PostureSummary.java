package io.compliancestreams.streams.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per practice and per account, computed from findings (pure). A suppressed finding counts
 * as suppressed, not as failing.
 */
public record PostureSummary(List<PracticeCounts> practices, List<AccountCounts> accounts) {

  /** Counts of one practice. */
  public record PracticeCounts(int practice, String controlId, String title, String severity,
      int pass, int fail, int suppressed, int notApplicable, int error) {}

  /** Counts of one account. */
  public record AccountCounts(String accountId, int pass, int fail, int suppressed) {}

  public static PostureSummary of(Collection<FindingView> findings) {
    Map<Integer, int[]> byPractice = new TreeMap<>();
    Map<Integer, FindingView> sample = new TreeMap<>();
    Map<String, int[]> byAccount = new TreeMap<>();
    for (FindingView f : findings) {
      int[] p = byPractice.computeIfAbsent(f.practice(), k -> new int[5]);
      sample.putIfAbsent(f.practice(), f);
      int[] a = byAccount.computeIfAbsent(f.accountId(), k -> new int[3]);
      if (f.suppressed() && !"NOT_APPLICABLE".equals(f.status())) {
        p[2]++;
        a[2]++;
        continue;
      }
      switch (f.status()) {
        case "PASS" -> { p[0]++; a[0]++; }
        case "FAIL" -> { p[1]++; a[1]++; }
        case "NOT_APPLICABLE" -> p[3]++;
        default -> p[4]++;
      }
    }
    List<PracticeCounts> practices = new ArrayList<>();
    byPractice.forEach((n, c) -> {
      FindingView s = sample.get(n);
      practices.add(new PracticeCounts(n, s.controlId(), s.title(), s.severity(), c[0], c[1], c[2], c[3], c[4]));
    });
    List<AccountCounts> accounts = new ArrayList<>();
    byAccount.forEach((id, c) -> accounts.add(new AccountCounts(id, c[0], c[1], c[2])));
    return new PostureSummary(practices, accounts);
  }
}
