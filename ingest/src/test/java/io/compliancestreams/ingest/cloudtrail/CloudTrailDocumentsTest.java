package io.compliancestreams.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailDocumentsTest {

  private final JsonNode createUser = Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
  private final JsonNode putEncryption = Fixtures.record("s3.amazonaws.com/PutBucketEncryption-1.json");

  @Test
  void shouldReadEveryRecordOfAGzippedLogFile() {
    byte[] file = Fixtures.gzip(Fixtures.logFile(createUser, putEncryption));

    List<SourceRecord> records = CloudTrailDocuments.read(file, "s3://logs/a.json.gz");

    assertThat(records).containsExactly(
        new SourceRecord.Parsed(createUser, "s3://logs/a.json.gz#Records[0]"),
        new SourceRecord.Parsed(putEncryption, "s3://logs/a.json.gz#Records[1]"));
  }

  @Test
  void shouldReadJsonLinesAndReportTheUnreadableLine() {
    String lines = createUser + "\n\n{broken\n" + putEncryption + "\n";

    List<SourceRecord> records = CloudTrailDocuments.read(lines.getBytes(StandardCharsets.UTF_8), "replay.jsonl");

    assertThat(records).hasSize(3);
    assertThat(records.get(0)).isEqualTo(new SourceRecord.Parsed(createUser, "replay.jsonl:1"));
    assertThat(records.get(1)).isInstanceOfSatisfying(SourceRecord.Unreadable.class, u -> {
      assertThat(u.location()).isEqualTo("replay.jsonl:3");
      assertThat(new String(u.bytes(), StandardCharsets.UTF_8)).isEqualTo("{broken");
      assertThat(u.reason()).startsWith("not JSON");
    });
    assertThat(records.get(2)).isEqualTo(new SourceRecord.Parsed(putEncryption, "replay.jsonl:4"));
  }

  @Test
  void shouldTakeTheDetailOfAnEventBridgeEvent() throws Exception {
    JsonNode event = Fixtures.JSON.readTree("""
        {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
         "detail-type": "AWS API Call via CloudTrail", "source": "aws.iam", "account": "229654561268",
         "time": "2024-08-01T13:33:28Z", "region": "us-east-1", "resources": [], "detail": %s}
        """.formatted(createUser));

    assertThat(CloudTrailDocuments.records(event, "q#1")).containsExactly(new SourceRecord.Parsed(createUser, "q#1"));
  }

  @Test
  void shouldReadASingleRecordAndRejectOtherEventBridgeEvents() throws Exception {
    JsonNode other = Fixtures.JSON.readTree("""
        {"detail-type": "EC2 Instance State-change Notification", "detail": {"state": "running"}}""");

    assertThat(CloudTrailDocuments.read(createUser.toString().getBytes(StandardCharsets.UTF_8), "one.json"))
        .containsExactly(new SourceRecord.Parsed(createUser, "one.json"));
    assertThat(CloudTrailDocuments.records(other, "q#2")).singleElement()
        .isInstanceOfSatisfying(SourceRecord.Unreadable.class,
            u -> assertThat(u.reason()).contains("EC2 Instance State-change Notification"));
  }
}
