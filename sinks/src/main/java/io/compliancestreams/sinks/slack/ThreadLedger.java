package io.compliancestreams.sinks.slack;

import io.compliancestreams.schemas.avro.FindingDelta;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this sink already posted per finding: the thread root (bot mode) and the last change it
 * covered. Kept in a compacted topic so a restart keeps threading and a replayed delta is not
 * posted again. The value is {@code v1|channel|ts|sequence|evaluatedAtMillis} (channel and ts
 * empty when there is no thread root, e.g. webhook mode or a finding first seen in a digest).
 *
 * <p>A replayed delta is recognised by its sequence <em>and</em> evaluation time both being at or
 * below what was posted: a reset pipeline that restarts sequences at 1 evaluates later, so its
 * deltas are posted again rather than silenced.
 */
final class ThreadLedger {

  /** The storage: {@code CompactedTopicMap} in production, a map in tests, nothing at all. */
  interface Store {
    Optional<String> get(String findingId);

    void put(String findingId, String value);
  }

  record Entry(Optional<MessageRef> root, long sequence, Instant evaluatedAt) {

    boolean covers(FindingDelta d) {
      return d.getSequence() <= sequence && !d.getEvaluatedAt().isAfter(evaluatedAt);
    }

    String encode() {
      return "v1|" + root.map(MessageRef::channel).orElse("") + "|" + root.map(MessageRef::ts).orElse("")
          + "|" + sequence + "|" + evaluatedAt.toEpochMilli();
    }

    static Optional<Entry> decode(String value) {
      String[] parts = value.split("\\|", -1);
      if (parts.length != 5 || !"v1".equals(parts[0])) {
        return Optional.empty();
      }
      try {
        Optional<MessageRef> root = parts[1].isEmpty() || parts[2].isEmpty() ? Optional.empty()
            : Optional.of(new MessageRef(parts[1], parts[2]));
        return Optional.of(new Entry(root, Long.parseLong(parts[3]),
            Instant.ofEpochMilli(Long.parseLong(parts[4]))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ThreadLedger.class);

  private final Store store;
  /** What this process posted but could not write to the store (so it is not posted twice here). */
  private final Map<String, Entry> recent = new ConcurrentHashMap<>();

  ThreadLedger(Store store) {
    this.store = store;
  }

  static ThreadLedger none() {
    return new ThreadLedger(new Store() {
      @Override
      public Optional<String> get(String findingId) {
        return Optional.empty();
      }

      @Override
      public void put(String findingId, String value) {}
    });
  }

  Optional<Entry> get(String findingId) {
    Entry mine = recent.get(findingId);
    if (mine != null) {
      return Optional.of(mine);
    }
    return store.get(findingId).flatMap(Entry::decode);
  }

  /**
   * Records that {@code d} was posted, keeping an existing thread root unless {@code root} is new.
   * A failed write is logged, not thrown: the message is already in Slack, and failing the record
   * would make the runner post it again. Only a crash before the next successful write can then
   * repeat it.
   */
  void posted(FindingDelta d, Optional<MessageRef> root) {
    Optional<MessageRef> keep = root.isPresent() ? root : get(d.getFindingId()).flatMap(Entry::root);
    Entry entry = new Entry(keep, d.getSequence(), d.getEvaluatedAt());
    try {
      store.put(d.getFindingId(), entry.encode());
      recent.remove(d.getFindingId());
    } catch (RuntimeException e) {
      recent.put(d.getFindingId(), entry);
      LOG.warn("Slack: could not record finding {} as posted ({}); a restart may post it again",
          d.getFindingId(), e.getClass().getSimpleName());
    }
  }
}
