package io.compliancestreams.sinks.slack;

import static io.compliancestreams.schemas.avro.ChangeKind.REGRESSED;
import static io.compliancestreams.schemas.avro.FindingStatus.FAIL;
import static io.compliancestreams.schemas.avro.FindingStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.FindingDelta;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadLedgerTest {

  private static final MessageRef ROOT = new MessageRef("C123ABC456", "1503435956.000247");

  @Test
  void shouldCoverReplayedDeltasButNotLaterOrReEvaluatedOnes() {
    ThreadLedger ledger = new ThreadLedger(new Fixtures.MapStore());
    ledger.posted(Deltas.change(REGRESSED, PASS, FAIL, 4), Optional.of(ROOT));
    ThreadLedger.Entry entry = ledger.get("f-3b9a").orElseThrow();

    assertThat(entry.covers(Deltas.change(REGRESSED, PASS, FAIL, 3))).isTrue();
    assertThat(entry.covers(Deltas.change(REGRESSED, PASS, FAIL, 4))).isTrue();
    assertThat(entry.covers(Deltas.change(REGRESSED, PASS, FAIL, 5))).isFalse();
    FindingDelta afterReset = FindingDelta.newBuilder(Deltas.change(REGRESSED, PASS, FAIL, 1))
        .setEvaluatedAt(entry.evaluatedAt().plusSeconds(1)).build();
    assertThat(entry.covers(afterReset)).as("a reset pipeline evaluates later").isFalse();
  }

  @Test
  void shouldKeepTheThreadRootWhenALaterDeltaIsRecorded() {
    ThreadLedger ledger = new ThreadLedger(new Fixtures.MapStore());
    ledger.posted(Deltas.change(REGRESSED, PASS, FAIL, 2), Optional.of(ROOT));
    ledger.posted(Deltas.change(REGRESSED, PASS, FAIL, 4), Optional.empty());

    assertThat(ledger.get("f-3b9a").orElseThrow()).isEqualTo(
        new ThreadLedger.Entry(Optional.of(ROOT), 4, Deltas.change(REGRESSED, PASS, FAIL, 4).getEvaluatedAt()));
  }

  @Test
  void shouldRememberInMemoryWhatItCouldNotWrite() {
    ThreadLedger ledger = new ThreadLedger(new ThreadLedger.Store() {
      @Override
      public Optional<String> get(String findingId) {
        return Optional.empty();
      }

      @Override
      public void put(String findingId, String value) {
        throw new IllegalStateException("cannot write compliance.sink.slack.posted.v1");
      }
    });

    ledger.posted(Deltas.regression(), Optional.of(ROOT));

    assertThat(ledger.get("f-3b9a")).map(ThreadLedger.Entry::root).contains(Optional.of(ROOT));
  }

  @Test
  void shouldIgnoreValuesItCannotRead() {
    assertThat(ThreadLedger.Entry.decode("garbage")).isEmpty();
    assertThat(ThreadLedger.Entry.decode("v1|||x|1")).isEmpty();
    assertThat(ThreadLedger.Entry.decode("v1|||3|1"))
        .contains(new ThreadLedger.Entry(Optional.empty(), 3, java.time.Instant.ofEpochMilli(1)));
  }
}
