package io.compliancestreams.ingest.cloudtrail;

import io.compliancestreams.ingest.publish.DeadLetter;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the records of one piece of input and publishes them: events to the CloudTrail topic, each
 * record the mapper rejects (and each unreadable piece) to its dead-letter topic. The returned
 * future completes when the broker acknowledged all of them, which is when the input may go.
 */
final class RecordPublishing {

  private static final Logger LOG = LoggerFactory.getLogger(RecordPublishing.class);

  private final Publisher publisher;

  RecordPublishing(Publisher publisher) {
    this.publisher = publisher;
  }

  /** What one piece of input gave: how many events and dead letters, and when all were acked. */
  record Outcome(int events, int deadLetters, CompletableFuture<Void> acked) {}

  Outcome publish(List<SourceRecord> records) {
    List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
    int events = 0;
    int dead = 0;
    for (SourceRecord record : records) {
      if (record instanceof SourceRecord.Parsed parsed) {
        CloudTrailEvent event;
        try {
          event = CloudTrailRecordMapper.map(parsed.json());
        } catch (MalformedRecordException e) {
          acks.add(deadLetter(parsed.json().toString().getBytes(StandardCharsets.UTF_8), parsed.location(), e));
          dead++;
          continue;
        }
        acks.add(publisher.event(event));
        events++;
      } else if (record instanceof SourceRecord.Unreadable unreadable) {
        LOG.warn("Dead-lettering unreadable CloudTrail input at {}: {}", unreadable.location(), unreadable.reason());
        acks.add(publisher.deadLetter(new DeadLetter(DeadLetter.Stream.CLOUDTRAIL, null, unreadable.bytes(),
            unreadable.reason(), unreadable.location(), null)));
        dead++;
      }
    }
    return new Outcome(events, dead, CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
  }

  private CompletableFuture<Void> deadLetter(byte[] bytes, String location, MalformedRecordException e) {
    LOG.warn("Dead-lettering CloudTrail record at {}: {}", location, e.getMessage());
    return publisher.deadLetter(DeadLetter.of(DeadLetter.Stream.CLOUDTRAIL, bytes, location, e));
  }
}
