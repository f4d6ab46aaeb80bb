package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.runner.SinkRecord;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The audit line carries how long a failure lasted on the delta that ended it, for Athena. */
class AuditLineTimeInViolationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode line(FindingDelta d) throws IOException {
    return JSON.readTree(AuditLine.of(new SinkRecord("compliance.finding.delta.v1", 0, 7, d.getFindingId(), d)));
  }

  @Test
  void shouldWriteWhenTheFailureBeganAndHowLongItLastedOnResolved() throws IOException {
    FindingDelta resolved = FindingDelta.newBuilder(Samples.findingDelta())
        .setChangeKind(ChangeKind.RESOLVED)
        .setPreviousStatus(FindingStatus.FAIL)
        .setNewStatus(FindingStatus.PASS)
        .setEvaluatedAt(Instant.parse("2025-03-01T10:15:30.123Z"))
        .setFailingSince(Instant.parse("2025-03-01T07:03:00Z"))
        .setFailedForMillis(11_550_123L)
        .build();

    JsonNode n = line(resolved);

    assertThat(n.get("failingSince").asText()).isEqualTo("2025-03-01T07:03:00Z");
    assertThat(n.get("failedForMillis").isIntegralNumber()).isTrue();
    assertThat(n.get("failedForMillis").asLong()).isEqualTo(11_550_123L);
  }

  @Test
  void shouldWriteNullsOnADeltaThatEndsNoFailure() throws IOException {
    JsonNode n = line(Samples.findingDelta());

    assertThat(n.get("changeKind").asText()).isEqualTo("REGRESSED");
    assertThat(n.get("failingSince").isNull()).isTrue();
    assertThat(n.get("failedForMillis").isNull()).isTrue();
  }
}
