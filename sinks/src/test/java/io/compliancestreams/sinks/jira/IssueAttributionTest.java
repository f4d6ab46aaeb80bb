package io.compliancestreams.sinks.jira;

import static io.compliancestreams.sinks.testkit.CloudTrailActors.CREATE_BUCKET_AS_ROOT;
import static io.compliancestreams.sinks.testkit.CloudTrailActors.DELETE_PUBLIC_ACCESS_BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.testkit.CloudTrailActors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actor of a delta in the Jira description (ADF), from real CloudTrail records. */
class IssueAttributionTest {

  /** Label → value of every field paragraph; fails unless the document is paragraphs of text nodes. */
  private static Map<String, String> fields(FindingDelta d) {
    JsonNode doc = new AdfFormat().description(IssueContent.intro(d), IssueContent.fields(d));
    assertThat(doc.path("type").asText()).isEqualTo("doc");
    assertThat(doc.path("version").asInt()).isEqualTo(1);
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode p : doc.path("content")) {
      assertThat(p.path("type").asText()).isEqualTo("paragraph");
      p.path("content").forEach(t -> {
        assertThat(t.path("type").asText()).isEqualTo("text");
        assertThat(t.path("text").asText()).isNotEmpty(); // ADF rejects empty text nodes
      });
      if (p.path("content").size() == 2) {
        out.put(p.path("content").get(0).path("text").asText(), p.path("content").get(1).path("text").asText());
      }
    }
    return out;
  }

  @Test
  void shouldNameTheCertainActorHisSessionIssuerUserAgentAndCall() {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta())
        .setAttribution(CloudTrailActors.of(DELETE_PUBLIC_ACCESS_BLOCK, AttributionCertainty.CERTAIN)).build();

    Map<String, String> fields = fields(d);

    assertThat(fields).containsEntry("Changed: ", "by arn:aws:sts::111111111111:assumed-role/sample-role-dreamy-yonath/"
            + "sample-role-brave-yalow-role-intelligent-brahmagupta-role-beautiful-keldysh-role-happy-easley-role-bold-buck"
            + " from 1.2.3.4")
        .containsEntry("Session issued by: ", "arn:aws:iam::111111111111:role/sample-role-dreamy-yonath")
        .containsEntry("User agent: ", "aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0-1234-aws exe/x86_64.ubuntu.22")
        .containsEntry("CloudTrail call: ", "s3.amazonaws.com DeleteBucketPublicAccessBlock at 2024-01-15T10:45:23Z"
            + " (event 12345678-1234-1234-1234-111111111111)");
  }

  @Test
  void shouldMarkAProbableActorAndLeaveOutWhatTheRecordLacks() {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta())
        .setAttribution(CloudTrailActors.of(CREATE_BUCKET_AS_ROOT, AttributionCertainty.PROBABLE)).build();

    Map<String, String> fields = fields(d);

    assertThat(fields).containsEntry("Changed: ", "probably by arn:aws:iam::619193117841:root from 204.63.44.148")
        .containsEntry("User agent: ", "[S3Console/0.4]")
        .containsEntry("CloudTrail call: ", "s3.amazonaws.com CreateBucket at 2016-06-04T12:19:03Z"
            + " (event c4fa3db1-2303-40e4-bde0-3b7246bdbf0b) — probable cause: the most recent call seen for this resource")
        .doesNotContainKey("Session issued by: "); // the root user has no session issuer
  }

  @Test
  void shouldWriteNoActorFieldsWithoutAttribution() {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta()).setAttribution(null).build();

    assertThat(fields(d)).doesNotContainKeys("Changed: ", "Session issued by: ", "User agent: ", "CloudTrail call: ")
        .containsKey("Finding id: ");
  }
}
