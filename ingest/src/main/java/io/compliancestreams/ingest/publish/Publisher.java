package io.compliancestreams.ingest.publish;

import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.concurrent.CompletableFuture;

/**
 * Where sources put what they read. Each future completes when the broker acknowledged the record
 * (or fails): a source lets go of its input only after every future of that input completed.
 */
public interface Publisher {

  /** Publishes a snapshot keyed by its canonical resource key. */
  CompletableFuture<Void> snapshot(ResourceSnapshot snapshot);

  /** Publishes a CloudTrail event keyed by {@code recipientAccountId/awsRegion}. */
  CompletableFuture<Void> event(CloudTrailEvent event);

  /** Publishes the raw bytes of unusable input to the dead-letter topic of its stream. */
  CompletableFuture<Void> deadLetter(DeadLetter letter);

  /** The Kafka key of a CloudTrail event. */
  static String eventKey(CloudTrailEvent event) {
    return event.getRecipientAccountId() + "/" + event.getAwsRegion();
  }
}
