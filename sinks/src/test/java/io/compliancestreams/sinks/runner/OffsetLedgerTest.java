package io.compliancestreams.sinks.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

  private static final TopicPartition P0 = new TopicPartition("deltas", 0);
  private static final TopicPartition P1 = new TopicPartition("deltas", 1);

  private final OffsetLedger ledger = new OffsetLedger();

  @Test
  void shouldHandOverTheOffsetAfterTheLastDoneRecord() {
    ledger.begin(P0, 0);
    ledger.done(P0, 0);
    ledger.begin(P0, 1);
    ledger.done(P0, 1);

    assertThat(ledger.handedOver(List.of(P0))).isEqualTo(Map.of(P0, 2L));
  }

  @Test
  void shouldHoldBackRecordsFinishedOutOfOrderUntilTheEarlierOneIsDone() {
    ledger.begin(P0, 5);
    ledger.begin(P0, 6);
    ledger.begin(P0, 7);
    ledger.done(P0, 7);
    ledger.done(P0, 6);

    assertThat(ledger.handedOver(List.of(P0))).as("offset 5 still open").isEmpty();

    ledger.done(P0, 5);
    assertThat(ledger.handedOver(List.of(P0))).isEqualTo(Map.of(P0, 8L));
  }

  @Test
  void shouldStopAtTheFirstOpenRecordOnceTheHeadIsDone() {
    ledger.begin(P0, 0);
    ledger.begin(P0, 1);
    ledger.begin(P0, 2);
    ledger.done(P0, 0);
    ledger.done(P0, 2);

    assertThat(ledger.handedOver(List.of(P0))).isEqualTo(Map.of(P0, 1L));
  }

  @Test
  void shouldStepOverOffsetsThePollNeverReturned() {
    // read_committed: 3 and 4 are a transaction marker and an aborted record, never begun.
    ledger.begin(P0, 2);
    ledger.done(P0, 2);
    ledger.begin(P0, 5);
    ledger.done(P0, 5);

    assertThat(ledger.handedOver(List.of(P0))).isEqualTo(Map.of(P0, 6L));
  }

  @Test
  void shouldKeepPartitionsApartAndAnswerOnlyForTheOnesAsked() {
    ledger.begin(P0, 10);
    ledger.done(P0, 10);
    ledger.begin(P1, 3);
    ledger.done(P1, 3);

    assertThat(ledger.handedOver(List.of(P0, P1))).isEqualTo(Map.of(P0, 11L, P1, 4L));
    assertThat(ledger.handedOver(List.of(P1))).isEqualTo(Map.of(P1, 4L));
  }

  @Test
  void shouldCommitNoMoreThanTheDestinationSaysIsDurable() {
    Map<TopicPartition, Long> offered = Map.of(P0, 10L, P1, 4L);

    assertThat(ledger.toCommit(offered, Map.of(P0, 7L, P1, 9L))).isEqualTo(Map.of(P0, 7L, P1, 4L));
  }

  @Test
  void shouldIgnoreDurableOffsetsOfPartitionsNotOffered() {
    assertThat(ledger.toCommit(Map.of(P0, 3L), Map.of(P0, 3L, P1, 8L))).isEqualTo(Map.of(P0, 3L));
  }

  @Test
  void shouldNotCommitTheSameOffsetTwice() {
    ledger.committed(Map.of(P0, 3L));

    assertThat(ledger.toCommit(Map.of(P0, 3L), Map.of(P0, 3L))).isEmpty();
    assertThat(ledger.toCommit(Map.of(P0, 4L), Map.of(P0, 4L))).isEqualTo(Map.of(P0, 4L));
  }

  @Test
  void shouldForgetARevokedPartitionEntirely() {
    ledger.begin(P0, 0);
    ledger.done(P0, 0);
    ledger.begin(P0, 1);
    ledger.committed(Map.of(P0, 1L));
    ledger.begin(P1, 0);
    ledger.done(P1, 0);

    ledger.forget(List.of(P0));

    assertThat(ledger.handedOver(List.of(P0, P1))).isEqualTo(Map.of(P1, 1L));
    // The open record of the revoked partition no longer holds anything back, and a late done is ignored.
    ledger.done(P0, 1);
    assertThat(ledger.handedOver(List.of(P0))).isEmpty();
    // After the partition comes back, the old commit does not hide a commit of the same offset.
    assertThat(ledger.toCommit(Map.of(P0, 1L), Map.of(P0, 1L))).isEqualTo(Map.of(P0, 1L));
  }

  @Test
  void shouldIgnoreADoneForAnOffsetNeverBegun() {
    ledger.done(P0, 4);

    assertThat(ledger.handedOver(List.of(P0))).isEmpty();
  }
}
