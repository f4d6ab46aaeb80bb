package io.compliancestreams.ingest.publish;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A send as a future that completes when the broker acknowledged the record. */
final class Acks {

  private Acks() {}

  /** A send that throws (a closed producer, a record too large) fails its future, not the caller. */
  static CompletableFuture<Void> send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    try {
      producer.send(record, (metadata, error) -> {
        if (error == null) {
          acked.complete(null);
        } else {
          acked.completeExceptionally(error);
        }
      });
    } catch (RuntimeException e) {
      acked.completeExceptionally(e);
    }
    return acked;
  }
}
