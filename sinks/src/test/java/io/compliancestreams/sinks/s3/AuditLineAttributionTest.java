package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.SinkRecord;
import io.compliancestreams.sinks.testkit.CloudTrailActors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit line's attribution columns, from a real CloudTrail record, and the Athena DDL in
 * docs/s3-audit-trail-athena.md: every line of its column list parses as {@code name type}, and the
 * columns are exactly the line's keys (lower-cased, as Athena folds them) with matching types.
 */
class AuditLineAttributionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOC = Path.of("..", "docs", "s3-audit-trail-athena.md");
  private static final Pattern TABLE = Pattern.compile(
      "CREATE EXTERNAL TABLE IF NOT EXISTS compliance_audit_trail \\(\\n(.*?)\\n\\)\\nPARTITIONED BY", Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("^  ([a-z][a-z0-9_]*) +(string|bigint|int|boolean)(,?)$");

  private static JsonNode line(FindingDelta d) throws IOException {
    return JSON.readTree(AuditLine.of(new SinkRecord("compliance.finding.delta.v1", 0, 7, d.getFindingId(), d)));
  }

  @Test
  void shouldWriteTheActorOfARealRecordIntoTheAttributionColumns() throws IOException {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta())
        .setAttribution(CloudTrailActors.of(CloudTrailActors.DELETE_PUBLIC_ACCESS_BLOCK, AttributionCertainty.CERTAIN))
        .build();

    JsonNode n = line(d);

    assertThat(n.path("attributionCertainty").asText()).isEqualTo("CERTAIN");
    assertThat(n.path("attributionPrincipalArn").asText()).isEqualTo("arn:aws:sts::111111111111:assumed-role/"
        + "sample-role-dreamy-yonath/sample-role-brave-yalow-role-intelligent-brahmagupta-role-beautiful-keldysh-"
        + "role-happy-easley-role-bold-buck");
    assertThat(n.path("attributionPrincipalType").asText()).isEqualTo("AssumedRole");
    assertThat(n.path("attributionPrincipalAccountId").asText()).isEqualTo("111111111111");
    assertThat(n.path("attributionSessionIssuerArn").asText()).isEqualTo("arn:aws:iam::111111111111:role/sample-role-dreamy-yonath");
    assertThat(n.path("attributionSourceIpAddress").asText()).isEqualTo("1.2.3.4");
    assertThat(n.path("attributionUserAgent").asText())
        .isEqualTo("aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0-1234-aws exe/x86_64.ubuntu.22");
    assertThat(n.path("attributionEventName").asText()).isEqualTo("DeleteBucketPublicAccessBlock");
    assertThat(n.path("attributionEventSource").asText()).isEqualTo("s3.amazonaws.com");
    assertThat(n.path("attributionEventTime").asText()).isEqualTo("2024-01-15T10:45:23Z");
    assertThat(n.path("attributionEventId").asText()).isEqualTo("12345678-1234-1234-1234-111111111111");
  }

  @Test
  void shouldWriteNullAttributionColumnsWhenNoActorIsKnown() throws IOException {
    JsonNode n = line(FindingDelta.newBuilder(Samples.findingDelta()).setAttribution(null).build());

    List<String> attribution = new ArrayList<>();
    n.fieldNames().forEachRemaining(f -> {
      if (f.startsWith("attribution")) {
        attribution.add(f);
      }
    });
    assertThat(attribution).hasSize(11).allSatisfy(f -> assertThat(n.get(f).isNull()).as(f).isTrue());
  }

  @Test
  void shouldDeclareEveryColumnOfTheLineInTheAthenaTableWithItsType() throws IOException {
    Matcher table = TABLE.matcher(Files.readString(DOC));
    assertThat(table.find()).as("the compliance_audit_trail DDL in " + DOC).isTrue();
    Map<String, String> declared = new java.util.LinkedHashMap<>();
    String[] lines = table.group(1).split("\\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher column = COLUMN.matcher(lines[i]);
      assertThat(column.matches()).as("column line '" + lines[i] + "'").isTrue();
      assertThat(column.group(3)).as("comma after '" + lines[i] + "'").isEqualTo(i < lines.length - 1 ? "," : "");
      assertThat(declared.put(column.group(1), column.group(2))).as("duplicate " + column.group(1)).isNull();
    }

    JsonNode n = line(FindingDelta.newBuilder(Samples.findingDelta())
        .setAttribution(CloudTrailActors.of(CloudTrailActors.CREATE_BUCKET_AS_ROOT, AttributionCertainty.PROBABLE))
        .setFailingSince(java.time.Instant.parse("2025-03-01T07:03:00Z"))
        .setFailedForMillis(11_550_123L)
        .build());
    Map<String, String> written = new java.util.LinkedHashMap<>();
    n.fields().forEachRemaining(e -> written.put(e.getKey().toLowerCase(java.util.Locale.ROOT), type(e.getKey(), e.getValue())));
    assertThat(declared).containsExactlyEntriesOf(written);
  }

  private static String type(String key, JsonNode value) {
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber()) {
      return key.equals("practice") || key.equals("sourcePartition") ? "int" : "bigint";
    }
    return "string";
  }
}
