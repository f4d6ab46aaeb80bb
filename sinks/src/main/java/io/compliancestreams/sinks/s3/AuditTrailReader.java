package io.compliancestreams.sinks.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Reads back what the s3 sink wrote: the daily posture snapshots and the audit trail of deltas,
 * as the contract's records. For rebuilding the posture at a past instant; the replay itself is
 * the caller's. Every failure (S3 unreachable, access denied, an unreadable object) is an
 * {@link IllegalStateException} whose message names the object or prefix.
 */
public final class AuditTrailReader implements AutoCloseable {

  /** A complete posture snapshot: every live finding at {@code snapshotAt}. */
  public record Snapshot(String key, Instant snapshotAt, List<Finding> findings) {
    public Snapshot {
      findings = List.copyOf(findings);
    }
  }

  private static final Pattern SNAPSHOT_DAY = Pattern.compile("/dt=(\\d{4}-\\d{2}-\\d{2})/posture\\.jsonl\\.gz$");

  private final ObjectStore store;
  private final String where;
  private final String prefix;
  private final String topic;

  AuditTrailReader(ObjectStore store, String where, String prefix, String topic) {
    this.store = store;
    this.where = where;
    this.prefix = prefix;
    this.topic = topic;
  }

  /** The trail in the settings' bucket, with the default AWS credentials chain, for delta topic {@code topic}. */
  public static AuditTrailReader open(S3AuditTrailSettings settings, String topic) {
    return new AuditTrailReader(new S3ObjectStore(S3AuditTrailDestination.client(settings,
        DefaultCredentialsProvider.builder().build()), settings.bucket()), "s3://" + settings.bucket() + "/",
        settings.prefix(), topic);
  }

  /** The trail under a local folder ({@link S3AuditTrailDestination#local}). */
  public static AuditTrailReader local(S3AuditTrailSettings settings, Path folder, String topic) {
    return new AuditTrailReader(new LocalFolderStore(folder), folder + "/", settings.prefix(), topic);
  }

  /**
   * The newest complete snapshot that the posture at {@code asOf} can start from: taken at or
   * before it, and holding no evaluation after it. Incomplete snapshots (taken before the streams
   * application caught up) and empty ones (they cannot say when or whether they are complete) are
   * skipped.
   */
  public Optional<Snapshot> snapshotAtOrBefore(Instant asOf) {
    LocalDate last = PostureSnapshot.day(asOf);
    for (String key : snapshotKeys(Comparator.reverseOrder())) {
      if (day(key).isAfter(last)) {
        continue;
      }
      Optional<Snapshot> s = read(key);
      if (s.isPresent() && !s.get().snapshotAt().isAfter(asOf)
          && s.get().findings().stream().noneMatch(f -> f.getEvaluatedAt().isAfter(asOf))) {
        return s;
      }
    }
    return Optional.empty();
  }

  /** When the oldest complete snapshot was taken: the earliest instant a posture can be rebuilt for. */
  public Optional<Instant> earliestSnapshot() {
    for (String key : snapshotKeys(Comparator.naturalOrder())) {
      Optional<Snapshot> s = read(key);
      if (s.isPresent()) {
        Instant latestEvaluation = s.get().findings().stream().map(Finding::getEvaluatedAt)
            .max(Comparator.naturalOrder()).orElse(s.get().snapshotAt());
        return Optional.of(latestEvaluation.isAfter(s.get().snapshotAt()) ? latestEvaluation : s.get().snapshotAt());
      }
    }
    return Optional.empty();
  }

  /**
   * Every delta evaluated from the start of {@code fromDay} (UTC) to {@code to} inclusive, read from
   * the day and hour folders in between (a delta is filed by its evaluation hour).
   */
  public List<FindingDelta> deltas(LocalDate fromDay, Instant to) {
    List<FindingDelta> out = new ArrayList<>();
    LocalDate lastDay = PostureSnapshot.day(to);
    HourPartition lastHour = HourPartition.of(to);
    for (LocalDate day = fromDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      String folder = (prefix.isEmpty() ? "" : prefix + "/") + topic + "/dt=" + day + "/";
      for (String key : list(folder)) {
        if (!key.endsWith(".jsonl.gz") || (day.equals(lastDay) && hour(key).compareTo(lastHour.hr()) > 0)) {
          continue;
        }
        for (JsonNode line : TrailJson.lines(where + key, get(key).orElseThrow())) {
          FindingDelta d = parse(key, () -> TrailJson.delta(line));
          if (!d.getEvaluatedAt().isAfter(to)) {
            out.add(d);
          }
        }
      }
    }
    return out;
  }

  private List<String> snapshotKeys(Comparator<String> order) {
    return list((prefix.isEmpty() ? "" : prefix + "/") + "posture/").stream()
        .filter(k -> SNAPSHOT_DAY.matcher(k).find()).sorted(order).toList();
  }

  private Optional<Snapshot> read(String key) {
    Optional<byte[]> content = get(key);
    if (content.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> lines = TrailJson.lines(where + key, content.get());
    if (lines.isEmpty() || !lines.get(0).path("complete").asBoolean(false)) {
      return Optional.empty();
    }
    Instant snapshotAt = Instant.parse(lines.get(0).path("snapshotAt").asText());
    List<Finding> findings = new ArrayList<>();
    for (JsonNode line : lines) {
      findings.add(parse(key, () -> TrailJson.finding(line)));
    }
    return Optional.of(new Snapshot(where + key, snapshotAt, findings));
  }

  private <T> T parse(String key, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw new IllegalStateException("unreadable line in " + where + key + ": " + e.getMessage(), e);
    }
  }

  private static LocalDate day(String snapshotKey) {
    Matcher m = SNAPSHOT_DAY.matcher(snapshotKey);
    if (!m.find()) {
      throw new IllegalArgumentException(snapshotKey);
    }
    return LocalDate.parse(m.group(1));
  }

  /** The {@code HH} of a {@code .../hr=HH/...} key, or "" for none. */
  private static String hour(String key) {
    int at = key.indexOf("/hr=");
    return at < 0 ? "" : key.substring(at + 4, Math.min(key.length(), at + 6));
  }

  private List<String> list(String keyPrefix) {
    try {
      return store.list(keyPrefix);
    } catch (DeliveryException e) {
      throw new IllegalStateException("cannot list " + where + keyPrefix + ": " + e.getMessage(), e);
    }
  }

  private Optional<byte[]> get(String key) {
    try {
      return store.get(key);
    } catch (DeliveryException e) {
      throw new IllegalStateException("cannot read " + where + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
