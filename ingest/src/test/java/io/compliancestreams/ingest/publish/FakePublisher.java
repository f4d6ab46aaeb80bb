package io.compliancestreams.ingest.publish;

import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link Publisher} for unit tests: records what was published and acknowledges at
 * once, or (after {@link #holdAcks()}) only when the test calls {@link #ackAll()}, so tests can
 * check what a source does before and after the broker's acknowledgement.
 */
public final class FakePublisher implements Publisher {

  public final List<ResourceSnapshot> snapshots = new CopyOnWriteArrayList<>();
  public final List<CloudTrailEvent> events = new CopyOnWriteArrayList<>();
  public final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
  private volatile boolean hold;

  public FakePublisher holdAcks() {
    hold = true;
    return this;
  }

  /** Acknowledges everything held so far, and from now on acknowledges at once. */
  public void ackAll() {
    hold = false;
    List<CompletableFuture<Void>> pending = new ArrayList<>(held);
    held.clear();
    pending.forEach(f -> f.complete(null));
  }

  /** Fails everything held so far (the broker refused), and from now on acknowledges at once. */
  public void failAll(Throwable error) {
    hold = false;
    List<CompletableFuture<Void>> pending = new ArrayList<>(held);
    held.clear();
    pending.forEach(f -> f.completeExceptionally(error));
  }

  public int heldAcks() {
    return held.size();
  }

  @Override
  public CompletableFuture<Void> snapshot(ResourceSnapshot snapshot) {
    snapshots.add(snapshot);
    return ack();
  }

  @Override
  public CompletableFuture<Void> event(CloudTrailEvent event) {
    events.add(event);
    return ack();
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter letter) {
    deadLetters.add(letter);
    return ack();
  }

  private CompletableFuture<Void> ack() {
    if (!hold) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    held.add(future);
    return future;
  }
}
