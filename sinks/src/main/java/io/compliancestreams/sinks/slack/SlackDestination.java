package io.compliancestreams.sinks.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.Destination;
import io.compliancestreams.sinks.runner.SinkRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts regressions and new failures to Slack (resolutions when asked), one Block Kit message per
 * delta, threaded per finding in bot mode.
 *
 * <p>Noise control: once {@code burstThreshold} messages went to the channel within
 * {@code burstWindow}, further deltas are buffered by {@link #deliver} and go out as one digest
 * from {@link #flush} when the digest has collected for {@code digestLinger} (or at once when
 * forced). Buffered records are not durable: {@link #durableOffsets} holds the commit back to the
 * first of them until the digest was acknowledged by Slack.
 *
 * <p>Idempotence: what was posted per finding is kept in a {@link CompactedTopicMap} (thread root,
 * last sequence), so a replayed delta is not posted again and a finding's thread survives a
 * restart. See docs/slack.md for the worst case after a crash.
 */
public final class SlackDestination implements Destination {

  private static final Logger LOG = LoggerFactory.getLogger(SlackDestination.class);
  /** A digest goes out early past this many records, to bound the memory a long burst holds. */
  static final int MAX_DIGEST_RECORDS = 5_000;

  private final SlackSettings settings;
  private final SlackPoster poster;
  private final ThreadLedger ledger;
  private final boolean threads;
  private final InstantSource clock;
  private final Pacer pacer;
  private final BurstWindow window;
  private final DigestBuffer digest = new DigestBuffer();
  private final DeltaMessages messages;
  private final DigestMessages digests;

  SlackDestination(SlackSettings settings, SlackPoster poster, ThreadLedger ledger,
      InstantSource clock, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.poster = poster;
    this.ledger = ledger;
    this.threads = settings.mode() == SlackSettings.Mode.BOT;
    this.clock = clock;
    this.pacer = new Pacer(clock, sleeper, settings.minInterval());
    this.window = new BurstWindow(settings.burstWindow());
    DashboardLinks links = new DashboardLinks(settings.dashboardBaseUrl());
    this.messages = new DeltaMessages(links);
    this.digests = new DigestMessages(links, settings.digestResources());
  }

  /**
   * A webhook destination without a posted-message map: a replay after a crash may repeat messages
   * (see docs/slack.md). BOT mode needs the map; use {@link #create(SlackSettings, CompactedTopicMap)}.
   */
  public static SlackDestination create(SlackSettings settings) {
    if (settings.mode() == SlackSettings.Mode.BOT) {
      throw new IllegalArgumentException("BOT mode needs the thread map (create(settings, map))");
    }
    return create(settings, ThreadLedger.none());
  }

  /**
   * A destination remembering what it posted in {@code posted} (a compacted topic such as
   * {@code compliance.sink.slack.posted.v1}; the caller opens and closes it).
   */
  public static SlackDestination create(SlackSettings settings, CompactedTopicMap posted) {
    Objects.requireNonNull(posted, "posted");
    return create(settings, new ThreadLedger(new ThreadLedger.Store() {
      @Override
      public Optional<String> get(String findingId) {
        return posted.get(findingId);
      }

      @Override
      public void put(String findingId, String value) {
        posted.put(findingId, value);
      }
    }));
  }

  private static SlackDestination create(SlackSettings settings, ThreadLedger ledger) {
    ObjectMapper json = new ObjectMapper();
    SlackHttp http = new SlackHttp(settings);
    SlackPoster poster = settings.mode() == SlackSettings.Mode.WEBHOOK
        ? new WebhookPoster(json, http, settings.webhookUrl())
        : new WebApiPoster(json, http, settings);
    return new SlackDestination(settings, poster, ledger, InstantSource.system(), Sleeper.REAL);
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public void deliver(SinkRecord record) throws DeliveryException {
    FindingDelta d = record.delta();
    Notice notice = Notice.of(d);
    if (!notice.posted(settings.notifyResolutions())) {
      return;
    }
    Optional<ThreadLedger.Entry> before = ledger.get(d.getFindingId());
    if (before.isPresent() && before.get().covers(d)) {
      LOG.debug("Slack: delta {} was already posted, skipped", d.getDeltaId());
      return;
    }
    Instant now = clock.instant();
    if (!digest.isEmpty() || window.count(now) >= settings.burstThreshold()) {
      digest.add(record, now);
      window.add(now);
      return;
    }
    Optional<MessageRef> thread = threads ? before.flatMap(ThreadLedger.Entry::root) : Optional.empty();
    // An alert in an old thread is also shown in the channel, or nobody would see the regression.
    Optional<MessageRef> posted = send(messages.of(d, notice), thread, notice == Notice.ALERT);
    window.add(now);
    ledger.posted(d, thread.isPresent() ? Optional.empty() : posted);
  }

  @Override
  public Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
    Map<TopicPartition, Long> pending = digest.firstPending();
    if (pending.isEmpty()) {
      return handedOver;
    }
    Map<TopicPartition, Long> durable = new HashMap<>(handedOver);
    pending.forEach((tp, first) -> durable.computeIfPresent(tp, (k, next) -> Math.min(next, first)));
    return durable;
  }

  @Override
  public void flush(boolean force) throws DeliveryException {
    Optional<Instant> openedAt = digest.openedAt();
    if (openedAt.isEmpty()) {
      return;
    }
    boolean due = force || digest.size() >= MAX_DIGEST_RECORDS
        || !clock.instant().isBefore(openedAt.get().plus(settings.digestLinger()));
    if (!due) {
      return;
    }
    List<SinkRecord> records = digest.records();
    List<FindingDelta> deltas = records.stream().map(SinkRecord::delta).toList();
    send(digests.of(deltas, settings.burstWindow()), Optional.empty(), false);
    digest.clear();
    LOG.info("Slack: digest of {} deltas posted", deltas.size());
    deltas.forEach(d -> ledger.posted(d, Optional.empty()));
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    digest.drop(partitions);
  }

  /** For tests and metrics: how many records wait for a digest. */
  int pendingDigest() {
    return digest.size();
  }

  private Optional<MessageRef> send(SlackMessage message, Optional<MessageRef> thread, boolean broadcast)
      throws DeliveryException {
    try {
      pacer.awaitTurn();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("Slack: interrupted while pacing", null);
    }
    try {
      return poster.post(message, thread, broadcast);
    } finally {
      pacer.sent();
    }
  }
}
