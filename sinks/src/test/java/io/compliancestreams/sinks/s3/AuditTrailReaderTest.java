package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.SinkRecord;
import io.compliancestreams.sinks.testkit.Deltas;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sink wrote (audit objects by the destination, posture snapshots) read back as records. */
class AuditTrailReaderTest {

  private static final String TOPIC = "compliance.finding.delta.v1";
  private static final Instant DAY1 = Instant.parse("2025-03-01T00:05:00Z");
  private static final Instant DAY2 = Instant.parse("2025-03-02T00:05:00Z");

  @TempDir Path folder;

  private final S3AuditTrailSettings settings = S3AuditTrailSettings.of("ignored", "audit", "eu-west-1");

  @Test
  void shouldReadBackEveryDeltaFieldThePostureNeeds() throws Exception {
    FindingDelta written = FindingDelta.newBuilder(Samples.findingDelta()).setAttribution(null).setResourceName(null).build();
    // Attribution and resourceName are not read back: a posture does not use them.
    deliver(written);

    List<FindingDelta> read = reader().deltas(LocalDate.of(2025, 3, 1), written.getEvaluatedAt());

    assertThat(read).containsExactly(written);
  }

  @Test
  void shouldReadDeltasOfTheDaysAndHoursUpToTheInstantOnly() throws Exception {
    Instant nine = Instant.parse("2025-03-02T09:00:00Z");
    deliver(Deltas.failing("f-1", 1, DAY1.plusSeconds(60)), Deltas.failing("f-2", 1, nine),
        Deltas.failing("f-3", 1, nine.plusSeconds(1)), Deltas.failing("f-4", 1, nine.plusSeconds(3600)));

    List<FindingDelta> read = reader().deltas(LocalDate.of(2025, 3, 2), nine);

    assertThat(read).extracting(FindingDelta::getFindingId).containsExactly("f-2");
  }

  @Test
  void shouldStartFromTheNewestCompleteSnapshotAtOrBeforeTheInstant() throws Exception {
    snapshot(DAY1, true, finding("f-1", DAY1.minusSeconds(60)));
    snapshot(DAY2, false, finding("f-2", DAY2.minusSeconds(60)));

    AuditTrailReader.Snapshot s = reader().snapshotAtOrBefore(DAY2.plusSeconds(3600)).orElseThrow();

    assertThat(s.snapshotAt()).as("day 2's is incomplete").isEqualTo(DAY1);
    assertThat(s.key()).endsWith("audit/posture/dt=2025-03-01/posture.jsonl.gz");
    assertThat(s.findings()).containsExactly(finding("f-1", DAY1.minusSeconds(60)));
    assertThat(reader().snapshotAtOrBefore(DAY1.minusMillis(1))).isEmpty();
    assertThat(reader().earliestSnapshot()).contains(DAY1);
  }

  @Test
  void shouldNotStartFromASnapshotHoldingEvaluationsAfterTheInstant() throws Exception {
    // Record time ahead of the wall clock that dated the snapshot: it is not the posture at DAY1.
    snapshot(DAY1, true, finding("f-1", DAY1.plusSeconds(600)));

    assertThat(reader().snapshotAtOrBefore(DAY1.plusSeconds(1))).isEmpty();
    assertThat(reader().snapshotAtOrBefore(DAY1.plusSeconds(600))).isPresent();
    assertThat(reader().earliestSnapshot()).contains(DAY1.plusSeconds(600));
  }

  private AuditTrailReader reader() {
    return AuditTrailReader.local(settings, folder, TOPIC);
  }

  private void deliver(FindingDelta... deltas) throws Exception {
    S3AuditTrailDestination destination = S3AuditTrailDestination.local(settings, folder);
    long offset = 0;
    for (FindingDelta d : deltas) {
      destination.deliver(new SinkRecord(TOPIC, 0, offset++, d.getFindingId(), d));
    }
    destination.flush(true);
    destination.close();
  }

  private static Finding finding(String id, Instant evaluatedAt) {
    return Finding.newBuilder(Samples.finding()).setFindingId(id).setEvaluatedAt(evaluatedAt).build();
  }

  private void snapshot(Instant at, boolean complete, Finding... findings) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (Finding f : findings) {
        gz.write(PostureLine.of(f, at, complete));
      }
    }
    new LocalFolderStore(folder).put(PostureSnapshot.key("audit", at.atZone(ZoneOffset.UTC).toLocalDate()),
        out.toByteArray());
  }
}
