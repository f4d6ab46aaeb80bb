package io.compliancestreams.ingest.scan;

import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counts of one scan, updated from its worker threads. */
final class ScanTally {

  /** Reasons differ per record at most by a subject or offset: a few distinct ones say enough. */
  private static final int MAX_REASONS = 10;
  private static final String OTHER_REASONS = "(other reasons)";

  private final Map<String, LongAdder> snapshots = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> deletions = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> unpublished = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> publishErrors = new ConcurrentHashMap<>();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final ConcurrentLinkedQueue<ScopeFailure> failures = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> accounts = new ConcurrentLinkedQueue<>();

  void emitted(ResourceSnapshot s) {
    snapshots.computeIfAbsent(s.getResourceType(), k -> new LongAdder()).increment();
    if (s.getConfigurationItemStatus() == ConfigurationItemStatus.ResourceDeleted) {
      deletions.computeIfAbsent(s.getResourceType(), k -> new LongAdder()).increment();
    }
  }

  /** A snapshot the sink did not acknowledge, and why (distinct reasons are kept up to a bound). */
  void unpublished(ResourceSnapshot s, String reason) {
    unpublished.computeIfAbsent(s.getResourceType(), k -> new LongAdder()).increment();
    LongAdder count = publishErrors.get(reason);
    if (count == null && publishErrors.size() >= MAX_REASONS) {
      count = publishErrors.computeIfAbsent(OTHER_REASONS, k -> new LongAdder());
    } else if (count == null) {
      count = publishErrors.computeIfAbsent(reason, k -> new LongAdder());
    }
    count.increment();
  }

  void succeeded() {
    succeeded.incrementAndGet();
  }

  void failed(ScopeFailure failure) {
    failures.add(failure);
  }

  void account(String accountId) {
    accounts.add(accountId);
  }

  Map<String, Long> snapshots() {
    return sums(snapshots);
  }

  Map<String, Long> deletions() {
    return sums(deletions);
  }

  Map<String, Long> unpublished() {
    return sums(unpublished);
  }

  Map<String, Long> publishErrors() {
    return sums(publishErrors);
  }

  int succeededCount() {
    return succeeded.get();
  }

  List<ScopeFailure> failures() {
    return failures.stream()
        .sorted(java.util.Comparator.comparing(f -> f.scope().toString()))
        .toList();
  }

  List<String> accounts() {
    return List.copyOf(accounts);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
