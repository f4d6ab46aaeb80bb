package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.Severity;
import java.util.Set;

/**
 * The filters every sink shares. Empty sets mean "any". Severity is the article severity; the
 * threshold keeps that severity and above. Suppressed deltas are skipped unless asked for.
 */
public record DeltaFilter(
    Severity minimumSeverity,
    Set<Integer> practices,
    Set<String> controls,
    Set<String> accounts,
    Set<String> regions,
    Set<ChangeKind> changeKinds,
    boolean includeSuppressed) {

  public static final DeltaFilter ALL =
      new DeltaFilter(Severity.INFORMATIONAL, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false);

  public DeltaFilter {
    practices = Set.copyOf(practices);
    controls = Set.copyOf(controls);
    accounts = Set.copyOf(accounts);
    regions = Set.copyOf(regions);
    changeKinds = Set.copyOf(changeKinds);
  }

  public boolean accept(FindingDelta d) {
    // Severity enum order is CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL: lower ordinal = more severe.
    return d.getSeverity().ordinal() <= minimumSeverity.ordinal()
        && (practices.isEmpty() || practices.contains(d.getPractice()))
        && (controls.isEmpty() || controls.contains(d.getControlId()))
        && (accounts.isEmpty() || accounts.contains(d.getAccountId()))
        && (regions.isEmpty() || regions.contains(d.getRegion()))
        && (changeKinds.isEmpty() || changeKinds.contains(d.getChangeKind()))
        && (includeSuppressed || !d.getSuppressed());
  }
}
