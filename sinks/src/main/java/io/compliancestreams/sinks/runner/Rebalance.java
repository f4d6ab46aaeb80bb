package io.compliancestreams.sinks.runner;

import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On revocation the destination writes out what it holds for the partitions, the durable
 * offsets are committed, and whatever is still buffered is dropped (the next owner consumes it
 * again). On loss (the group moved on without us) nothing may be committed. After a simulated
 * crash ({@code halted}) a revocation does nothing, as a dead process would.
 */
final class Rebalance implements ConsumerRebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(Rebalance.class);

  private final Destination destination;
  private final OffsetLedger ledger;
  private final Consumer<Collection<TopicPartition>> commit;
  private final BooleanSupplier halted;

  Rebalance(Destination destination, OffsetLedger ledger, Consumer<Collection<TopicPartition>> commit,
      BooleanSupplier halted) {
    this.destination = destination;
    this.ledger = ledger;
    this.commit = commit;
    this.halted = halted;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty() || halted.getAsBoolean()) {
      return;
    }
    try {
      destination.flush(true);
    } catch (DeliveryException | RuntimeException e) {
      LOG.warn("sink {}: flush on revocation failed: {}", destination.name(), e.getMessage());
    }
    try {
      commit.accept(partitions);
    } catch (RuntimeException e) {
      LOG.warn("sink {}: commit on revocation failed: {}", destination.name(), e.toString());
    }
    forget(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    forget(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    // Nothing to set up: a new partition starts from its committed offset, with an empty ledger.
  }

  private void forget(Collection<TopicPartition> partitions) {
    destination.onRevoked(partitions);
    ledger.forget(partitions);
  }
}
