package io.compliancestreams.ingest.cloudtrail;

import io.compliancestreams.ingest.publish.DeadLetter;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.ingest.publish.SqsQueuePoller;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * CloudTrail events delivered by an EventBridge rule ({@code detail-type} "AWS API Call via
 * CloudTrail") to an SQS queue: each message body is one EventBridge event whose {@code detail} is
 * the record. The fastest path (seconds), but only for the Region of the rule.
 *
 * <pre>{@code
 * SqsQueuePoller poller = EventBridgeQueueSource.poller(clients.sqs(), Settings.defaults(url), publisher);
 * executor.submit(poller);   // poller.close() stops it
 * }</pre>
 */
public final class EventBridgeQueueSource implements SqsQueuePoller.MessageHandler {

  private final RecordPublishing publishing;
  private final Publisher publisher;

  EventBridgeQueueSource(Publisher publisher) {
    this.publisher = publisher;
    this.publishing = new RecordPublishing(publisher);
  }

  /** A poller of the queue, publishing through {@code publisher}. */
  public static SqsQueuePoller poller(SqsClient sqs, SqsQueuePoller.Settings settings, Publisher publisher) {
    return new SqsQueuePoller(sqs, settings, new EventBridgeQueueSource(publisher));
  }

  @Override
  public CompletableFuture<Void> handle(Message message, String queueUrl) {
    String location = Messages.location(queueUrl, message);
    try {
      // An SNS subscription in between is tolerated; so are bodies that are a plain record.
      var body = Messages.unwrapSns(Messages.json(message.body(), "body"));
      return publishing.publish(CloudTrailDocuments.records(body, location)).acked();
    } catch (MalformedRecordException e) {
      return publisher.deadLetter(DeadLetter.of(DeadLetter.Stream.CLOUDTRAIL,
          message.body().getBytes(StandardCharsets.UTF_8), location, e));
    }
  }
}
