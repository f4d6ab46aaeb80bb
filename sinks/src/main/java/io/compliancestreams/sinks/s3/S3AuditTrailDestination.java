package io.compliancestreams.sinks.s3;

import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.Destination;
import io.compliancestreams.sinks.runner.SinkRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Every delta as a JSON line ({@link AuditLine}) in gzip objects
 * {@code <prefix>/<topic>/dt=YYYY-MM-DD/hr=HH/<topic>+<partition>+<first offset, 20 digits>.jsonl.gz},
 * by the delta's evaluatedAt (record time, never the wall clock).
 *
 * <p>Each partition has one open object at a time. A record of another hour, the record count, the
 * uncompressed size or the record-time span closes it; these cuts depend only on the records, so
 * after a crash the same records from the same first offset make the same object again and the
 * upload overwrites it with identical bytes. Cuts that depend on when things happen (a forced flush
 * on shutdown or revocation, {@code maxBufferAge}) are made safe by one listing before each upload:
 * an object never covers the first offset of an object already in the folder, it is cut there
 * instead, so no record is ever in two objects. Offsets are durable only up to the last uploaded
 * record.
 */
public final class S3AuditTrailDestination implements Destination {

  public static final String NAME = "s3";
  private static final Logger LOG = LoggerFactory.getLogger(S3AuditTrailDestination.class);

  private final S3AuditTrailSettings settings;
  private final ObjectStore store;
  private final Clock clock;
  private final Map<TopicPartition, OpenObject> open = new HashMap<>();
  private final Map<TopicPartition, Deque<AuditObject>> closed = new HashMap<>();
  private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
  /** The daily posture snapshots into the same store, or null when they are off. */
  private final PostureSnapshots posture;

  S3AuditTrailDestination(S3AuditTrailSettings settings, S3Client s3, Clock clock) {
    this(settings, new S3ObjectStore(s3, settings.bucket()), clock);
  }

  S3AuditTrailDestination(S3AuditTrailSettings settings, ObjectStore store, Clock clock) {
    this(settings, store, clock, null, null);
  }

  private S3AuditTrailDestination(S3AuditTrailSettings settings, ObjectStore store, Clock clock,
      PostureSnapshotSettings postureSettings, MeterRegistry meters) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.posture = postureSettings == null ? null : new PostureSnapshots(
        new PostureSnapshot(new FindingStateReader(postureSettings), postureSettings.catchUp(), store,
            settings.prefix(), clock),
        postureSettings, clock, meters);
  }

  /**
   * The same destination that also writes the daily full-posture snapshot
   * ({@code <prefix>/posture/dt=YYYY-MM-DD/posture.jsonl.gz}, see {@link PostureSnapshot}) into
   * its store. The schedule starts with the sink's first flush and stops with {@link #close()}.
   */
  public S3AuditTrailDestination withPostureSnapshots(PostureSnapshotSettings postureSettings, MeterRegistry meters) {
    if (posture != null) {
      throw new IllegalStateException("posture snapshots are already on");
    }
    return new S3AuditTrailDestination(settings, store, clock, postureSettings, meters);
  }

  /**
   * The same trail written to a local folder ({@code <folder>/<prefix>/<topic>/dt=…/hr=…/…}) instead
   * of a bucket: for the demo, or a mounted volume shipped elsewhere. The bucket name is ignored.
   */
  public static S3AuditTrailDestination local(S3AuditTrailSettings settings, java.nio.file.Path folder) {
    return new S3AuditTrailDestination(settings, new LocalFolderStore(folder), Clock.systemUTC());
  }

  /** With the default AWS credentials chain (environment, profile, container or instance role). */
  public static S3AuditTrailDestination create(S3AuditTrailSettings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build());
  }

  public static S3AuditTrailDestination create(S3AuditTrailSettings settings, AwsCredentialsProvider credentials) {
    return new S3AuditTrailDestination(settings, client(settings, credentials), Clock.systemUTC());
  }

  /**
   * An S3 client for the settings. Checksums only WHEN_REQUIRED: S3-compatible servers reject the
   * SDK's default flexible checksums (a sha256 mismatch on PutObject). Every call is bounded (2
   * minutes, 30 s per attempt, as the ingest's AWS clients by default): an endpoint that accepts
   * connections and never answers fails the attempt, which the sink runner retries, instead of
   * holding the sink.
   */
  static S3Client client(S3AuditTrailSettings settings, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        .forcePathStyle(settings.pathStyle())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(2))
            .apiCallAttemptTimeout(Duration.ofSeconds(30)))
        .httpClientBuilder(ApacheHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30)));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void deliver(SinkRecord record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    if (record.offset() < nextOffset.getOrDefault(tp, Long.MIN_VALUE)) {
      return; // already buffered: the runner retried or re-polled it
    }
    Instant evaluatedAt = record.delta().getEvaluatedAt();
    HourPartition hour = HourPartition.of(evaluatedAt);
    OpenObject current = open.get(tp);
    if (current != null && (!current.hour.equals(hour)
        || !evaluatedAt.isBefore(current.firstEvaluatedAt.plus(settings.maxRecordTimeSpan())))) {
      close(tp);
      current = null;
    }
    if (current == null) {
      current = new OpenObject(hour, evaluatedAt, clock.instant());
      open.put(tp, current);
    }
    byte[] line = AuditLine.of(record);
    current.lines.add(new AuditObject.Line(record.offset(), evaluatedAt, line));
    current.bytes += line.length;
    nextOffset.put(tp, record.offset() + 1);
    if (current.lines.size() >= settings.maxRecords() || current.bytes >= settings.maxBytes()) {
      close(tp);
    }
  }

  @Override
  public void flush(boolean force) throws DeliveryException {
    if (posture != null) {
      posture.start(); // here rather than at construction: only a sink that runs takes snapshots
    }
    Instant now = clock.instant();
    for (TopicPartition tp : List.copyOf(open.keySet())) {
      OpenObject o = open.get(tp);
      if (force || Duration.between(o.openedAt, now).compareTo(settings.maxBufferAge()) >= 0) {
        close(tp);
      }
    }
    DeliveryException first = null;
    for (Map.Entry<TopicPartition, Deque<AuditObject>> e : closed.entrySet()) {
      try {
        upload(e.getValue());
      } catch (DeliveryException ex) {
        if (first == null) {
          first = ex;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
    Map<TopicPartition, Long> durable = new HashMap<>();
    handedOver.forEach((tp, handed) -> {
      long limit = handed;
      Deque<AuditObject> waiting = closed.get(tp);
      if (waiting != null && !waiting.isEmpty()) {
        limit = Math.min(limit, waiting.peekFirst().firstOffset());
      } else if (open.containsKey(tp)) {
        limit = Math.min(limit, open.get(tp).lines.get(0).offset());
      }
      durable.put(tp, limit);
    });
    return durable;
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      open.remove(tp);
      closed.remove(tp);
      nextOffset.remove(tp);
    }
  }

  @Override
  public void close() {
    if (posture != null) {
      posture.close();
    }
    store.close();
  }

  private void close(TopicPartition tp) {
    OpenObject o = open.remove(tp);
    if (o != null && !o.lines.isEmpty()) {
      closed.computeIfAbsent(tp, k -> new ArrayDeque<>())
          .addLast(new AuditObject(tp.topic(), tp.partition(), o.hour, o.lines));
    }
  }

  /** Uploads a partition's closed objects in offset order; stops at the first failure. */
  private void upload(Deque<AuditObject> queue) throws DeliveryException {
    while (!queue.isEmpty()) {
      AuditObject next = queue.peekFirst();
      OptionalLong cut = existingStartWithin(next);
      if (cut.isPresent()) {
        queue.pollFirst();
        queue.addFirst(next.tail(cut.getAsLong()));
        queue.addFirst(next.head(cut.getAsLong()));
        next = queue.peekFirst();
      }
      String key = next.key(settings.prefix());
      store.put(key, next.gzip());
      LOG.debug("uploaded {} ({} records)", key, next.lines().size());
      queue.pollFirst();
    }
  }

  /**
   * The smallest first offset of an object already in the folder that lies inside
   * {@code (first, last]} of {@code object}: an earlier run cut there, so must we.
   */
  private OptionalLong existingStartWithin(AuditObject object) throws DeliveryException {
    String folder = AuditObject.folder(settings.prefix(), object.topic(), object.hour());
    String prefix = folder + AuditObject.namePrefix(object.topic(), object.partition());
    long best = Long.MAX_VALUE;
    for (String existing : store.list(prefix)) {
      long start = AuditObject.firstOffsetOf(existing, object.topic(), object.partition());
      if (start > object.firstOffset() && start <= object.lastOffset()) {
        best = Math.min(best, start);
      }
    }
    return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
  }

  /** The object being filled for one partition. */
  private static final class OpenObject {
    final HourPartition hour;
    final Instant firstEvaluatedAt;
    final Instant openedAt;
    final List<AuditObject.Line> lines = new ArrayList<>();
    long bytes;

    OpenObject(HourPartition hour, Instant firstEvaluatedAt, Instant openedAt) {
      this.hour = hour;
      this.firstEvaluatedAt = firstEvaluatedAt;
      this.openedAt = openedAt;
    }
  }
}
