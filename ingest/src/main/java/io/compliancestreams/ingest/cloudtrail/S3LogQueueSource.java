package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.ingest.publish.DeadLetter;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.ingest.publish.SqsQueuePoller;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * CloudTrail log files as the trail delivers them to S3: the bucket notifies an SQS queue
 * (directly, or through SNS) of each new object; each object is fetched and its {@code Records}
 * are published. Covers every Region and account of an organization trail, at the trail's
 * delivery delay (about 5 minutes).
 *
 * <p>The {@code s3:TestEvent} S3 sends when notifications are configured, non-create events and
 * digest files are skipped. An object that no longer exists is dead-lettered (it will not come
 * back); any other S3 failure leaves the message for redelivery.
 */
public final class S3LogQueueSource implements SqsQueuePoller.MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(S3LogQueueSource.class);

  private final S3Client s3;
  private final Publisher publisher;
  private final RecordPublishing publishing;

  S3LogQueueSource(S3Client s3, Publisher publisher) {
    this.s3 = s3;
    this.publisher = publisher;
    this.publishing = new RecordPublishing(publisher);
  }

  /** A poller of the notification queue, reading log files with {@code s3}. */
  public static SqsQueuePoller poller(
      SqsClient sqs, S3Client s3, SqsQueuePoller.Settings settings, Publisher publisher) {
    return new SqsQueuePoller(sqs, settings, new S3LogQueueSource(s3, publisher));
  }

  @Override
  public CompletableFuture<Void> handle(Message message, String queueUrl) {
    String location = Messages.location(queueUrl, message);
    JsonNode notification;
    try {
      notification = Messages.unwrapSns(Messages.json(message.body(), "body"));
      if ("s3:TestEvent".equals(notification.path("Event").asText())) {
        return CompletableFuture.completedFuture(null);
      }
      if (!notification.path("Records").isArray()) {
        throw new MalformedRecordException("Records", "is missing: not an S3 event notification");
      }
    } catch (MalformedRecordException e) {
      return deadLetter(message.body().getBytes(StandardCharsets.UTF_8), location, e);
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (JsonNode record : notification.get("Records")) {
      acks.add(handleObject(record, location));
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> handleObject(JsonNode record, String location) {
    String bucket = record.path("s3").path("bucket").path("name").asText("");
    String rawKey = record.path("s3").path("object").path("key").asText("");
    if (bucket.isEmpty() || rawKey.isEmpty()) {
      return deadLetter(record.toString().getBytes(StandardCharsets.UTF_8), location,
          new MalformedRecordException("s3.object.key", "is missing"));
    }
    if (!record.path("eventName").asText("").startsWith("ObjectCreated:")) {
      return CompletableFuture.completedFuture(null);
    }
    // S3 notifications URL-encode keys ('+' for a space).
    String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
    String object = "s3://" + bucket + "/" + key;
    if (key.contains("/CloudTrail-Digest/")) {
      return CompletableFuture.completedFuture(null);
    }
    byte[] bytes;
    try {
      bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      return deadLetter(record.toString().getBytes(StandardCharsets.UTF_8), object,
          new MalformedRecordException("s3.object.key", "no such object " + object));
    }
    RecordPublishing.Outcome outcome = publishing.publish(CloudTrailDocuments.read(bytes, object));
    LOG.debug("{}: {} events, {} dead letters", object, outcome.events(), outcome.deadLetters());
    return outcome.acked();
  }

  private CompletableFuture<Void> deadLetter(byte[] bytes, String source, MalformedRecordException e) {
    LOG.warn("Dead-lettering S3 notification from {}: {}", source, e.getMessage());
    return publisher.deadLetter(DeadLetter.of(DeadLetter.Stream.CLOUDTRAIL, bytes, source, e));
  }
}
