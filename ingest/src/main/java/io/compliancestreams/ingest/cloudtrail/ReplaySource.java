package io.compliancestreams.ingest.cloudtrail;

import io.compliancestreams.ingest.publish.Publisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Publishes recorded CloudTrail records from a file or stdin: a log file (gzip or not), JSON
 * lines, one record, or EventBridge events. For demos, backfills and reproducing an incident.
 *
 * <pre>{@code
 * ReplaySource.Result r = new ReplaySource(publisher).replay(Path.of("trail.json.gz"));
 * ReplaySource.Result r = new ReplaySource(publisher).replay(System.in, "stdin");
 * }</pre>
 */
public final class ReplaySource {

  private final RecordPublishing publishing;

  public ReplaySource(Publisher publisher) {
    this.publishing = new RecordPublishing(publisher);
  }

  /** How many events and dead letters were published (and acknowledged). */
  public record Result(int events, int deadLetters) {}

  public Result replay(Path file) throws IOException {
    return replay(Files.readAllBytes(file), file.toString());
  }

  public Result replay(InputStream in, String name) throws IOException {
    return replay(in.readAllBytes(), name);
  }

  private Result replay(byte[] bytes, String name) {
    RecordPublishing.Outcome outcome = publishing.publish(CloudTrailDocuments.read(bytes, name));
    // Waits for the acks, so a finished replay means the records are in Kafka.
    outcome.acked().join();
    return new Result(outcome.events(), outcome.deadLetters());
  }
}
