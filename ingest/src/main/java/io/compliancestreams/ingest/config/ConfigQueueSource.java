package io.compliancestreams.ingest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.ingest.publish.DeadLetter;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.ingest.publish.SqsQueuePoller;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * AWS Config configuration item changes from an SQS queue (fed by an EventBridge rule or by the
 * delivery channel's SNS topic) → snapshots with source AWS_CONFIG. Oversized notifications are
 * fetched from the delivery bucket, and so are the configuration snapshot files the delivery
 * channel announces (one snapshot per item). Unusable messages and items go to
 * {@code <snapshot topic>.dlq} and are deleted; an S3 or Kafka failure leaves the message for
 * redelivery.
 *
 * <p>The delivery bucket (of oversized items and snapshot files) may be in another account or
 * region than the queue: it is read with the same S3 client and credentials, which must be allowed
 * to read it (deploy/iam-policy.json, statement for the delivery bucket).
 *
 * <pre>{@code
 * SqsQueuePoller poller = ConfigQueueSource.poller(clients.sqs(), clients.s3(),
 *     SqsQueuePoller.Settings.defaults(url), publisher, UnaryOperator.identity());
 * }</pre>
 */
public final class ConfigQueueSource implements SqsQueuePoller.MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigQueueSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Client s3;
  private final Publisher publisher;
  private final UnaryOperator<ResourceSnapshot> enrich;

  ConfigQueueSource(S3Client s3, Publisher publisher, UnaryOperator<ResourceSnapshot> enrich) {
    this.s3 = s3;
    this.publisher = publisher;
    this.enrich = enrich;
  }

  /**
   * @param enrich applied to each snapshot before it is published: where the contract wants facts
   *     AWS Config does not record (e.g. {@link VpcFlowLogsEnricher} for {@code AWS::EC2::VPC})
   */
  public static SqsQueuePoller poller(SqsClient sqs, S3Client s3, SqsQueuePoller.Settings settings,
      Publisher publisher, UnaryOperator<ResourceSnapshot> enrich) {
    return new SqsQueuePoller(sqs, settings, new ConfigQueueSource(s3, publisher, enrich));
  }

  @Override
  public CompletableFuture<Void> handle(Message message, String queueUrl) {
    String location = queueUrl + "#" + message.messageId();
    byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
    JsonNode item;
    try {
      ConfigNotification notification = ConfigNotification.parse(message.body());
      if (notification instanceof ConfigNotification.Ignored ignored) {
        LOG.debug("Ignoring AWS Config message {} ({})", location, ignored.messageType());
        return CompletableFuture.completedFuture(null);
      } else if (notification instanceof ConfigNotification.SnapshotDelivered delivered) {
        return publishSnapshotFile(delivered, body);
      } else if (notification instanceof ConfigNotification.Oversized oversized) {
        location = "s3://" + oversized.bucket() + "/" + oversized.key();
        byte[] full;
        try {
          full = fetch(oversized);
        } catch (NoSuchKeyException e) {
          throw new MalformedItemException("s3DeliverySummary.s3BucketLocation", "no such object " + location);
        }
        body = full;
        item = configurationItemOf(full, location);
      } else {
        item = ((ConfigNotification.Change) notification).configurationItem();
      }
      return publisher.snapshot(enrich.apply(ConfigurationItemMapper.map(item)));
    } catch (MalformedItemException e) {
      return deadLetter(body, location, e);
    }
  }

  /**
   * Every item of a delivered snapshot file, published one by one while the file is streamed: an
   * item that cannot be mapped is dead-lettered and the rest goes on. The future completes once all
   * were acknowledged, so the message is deleted only then.
   *
   * <p>No deletions are derived from what a snapshot lacks: the recorder may record only some
   * resource types (or exclude some), so a missing resource need not be a deleted one. AWS Config's
   * own ResourceDeleted change notifications and the scanner's inventory report deletions.
   */
  private CompletableFuture<Void> publishSnapshotFile(ConfigNotification.SnapshotDelivered delivered, byte[] body) {
    String object = "s3://" + delivered.bucket() + "/" + delivered.key();
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    try (InputStream in = s3.getObject(r -> r.bucket(delivered.bucket()).key(delivered.key()))) {
      int items = ConfigSnapshotFile.read(in, object, (item, index) ->
          acks.add(publishItem(item, object + "#" + ConfigSnapshotFile.ITEMS + "[" + index + "]")));
      LOG.info("AWS Config snapshot {} from {}: {} configuration items", delivered.configSnapshotId(), object, items);
    } catch (NoSuchKeyException e) {
      acks.add(deadLetter(body, object, new MalformedItemException("s3ObjectKey", "no such object " + object)));
    } catch (MalformedItemException e) {
      // The items before the fault stay published; the notification says which file to look at.
      acks.add(deadLetter(body, object, e));
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + object + " failed", e);
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> publishItem(JsonNode item, String location) {
    try {
      return publisher.snapshot(enrich.apply(ConfigurationItemMapper.map(item)));
    } catch (MalformedItemException e) {
      return deadLetter(item.toString().getBytes(StandardCharsets.UTF_8), location, e);
    }
  }

  private CompletableFuture<Void> deadLetter(byte[] value, String location, MalformedItemException e) {
    LOG.warn("Dead-lettering AWS Config input from {}: {}", location, e.getMessage());
    return publisher.deadLetter(DeadLetter.of(DeadLetter.Stream.SNAPSHOTS, value, location, e));
  }

  private byte[] fetch(ConfigNotification.Oversized oversized) {
    byte[] raw = s3.getObjectAsBytes(r -> r.bucket(oversized.bucket()).key(oversized.key())).asByteArray();
    if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new MalformedItemException("s3DeliverySummary.s3BucketLocation", "corrupt gzip: " + e.getMessage());
    }
  }

  /** The S3 object holds the full change notification. */
  private static JsonNode configurationItemOf(byte[] full, String location) {
    JsonNode document;
    try {
      document = JSON.readTree(full);
    } catch (IOException e) {
      throw new MalformedItemException(location, "is not JSON (" + e.getMessage() + ")");
    }
    ConfigNotification inner = ConfigNotification.of(document);
    if (inner instanceof ConfigNotification.Change change) {
      return change.configurationItem();
    }
    throw new MalformedItemException("configurationItem", "is missing from " + location);
  }
}
