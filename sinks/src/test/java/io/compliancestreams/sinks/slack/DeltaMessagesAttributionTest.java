package io.compliancestreams.sinks.slack;

import static io.compliancestreams.sinks.testkit.CloudTrailActors.CREATE_BUCKET_AS_ROOT;
import static io.compliancestreams.sinks.testkit.CloudTrailActors.DELETE_PUBLIC_ACCESS_BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.testkit.CloudTrailActors;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actor of a delta in its Slack message: "by … from …", "probably by …" for a probable cause. */
class DeltaMessagesAttributionTest {

  private final DeltaMessages messages = new DeltaMessages(new DashboardLinks(URI.create("http://127.0.0.1:8080")));

  private static List<String> sections(SlackMessage m) {
    List<String> out = new ArrayList<>();
    for (JsonNode block : m.blocks()) {
      if (block.path("type").asText().equals("section") && block.has("text")) {
        out.add(block.path("text").path("text").asText());
      }
    }
    return out;
  }

  private static List<String> context(SlackMessage m) {
    List<String> out = new ArrayList<>();
    for (JsonNode block : m.blocks()) {
      if (block.path("type").asText().equals("context")) {
        block.path("elements").forEach(e -> out.add(e.path("text").asText()));
      }
    }
    return out;
  }

  @Test
  void shouldNameTheCertainActorWithItsAddressAndTheCallBehindIt() {
    FindingDelta d = FindingDelta.newBuilder(Deltas.regression())
        .setAttribution(CloudTrailActors.of(DELETE_PUBLIC_ACCESS_BLOCK, AttributionCertainty.CERTAIN)).build();

    SlackMessage m = messages.of(d, Notice.ALERT);

    assertThat(sections(m).get(0)).endsWith("\n_Changed by arn:aws:sts::111111111111:assumed-role/sample-role-dreamy-yonath/"
        + "sample-role-brave-yalow-role-intelligent-brahmagupta-role-beautiful-keldysh-role-happy-easley-role-bold-buck"
        + " from 1.2.3.4_");
    assertThat(context(m)).contains("s3.amazonaws.com DeleteBucketPublicAccessBlock at 2024-01-15T10:45:23Z"
        + " (event 12345678-1234-1234-1234-111111111111)"
        + " · session issued by arn:aws:iam::111111111111:role/sample-role-dreamy-yonath"
        + " · user agent aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0-1234-aws exe/x86_64.ubuntu.22");
  }

  @Test
  void shouldMarkAProbableActorAsProbable() {
    FindingDelta d = FindingDelta.newBuilder(Deltas.regression())
        .setAttribution(CloudTrailActors.of(CREATE_BUCKET_AS_ROOT, AttributionCertainty.PROBABLE)).build();

    SlackMessage m = messages.of(d, Notice.ALERT);

    assertThat(sections(m).get(0)).endsWith("\n_Changed probably by arn:aws:iam::619193117841:root from 204.63.44.148_");
    assertThat(context(m)).anySatisfy(c -> assertThat(c)
        .startsWith("s3.amazonaws.com CreateBucket at 2016-06-04T12:19:03Z")
        .contains("user agent [S3Console/0.4]")
        .endsWith("probable cause: the most recent call seen for this resource, not proven"));
  }

  @Test
  void shouldNameNobodyWhenTheDeltaHasNoAttribution() {
    FindingDelta d = FindingDelta.newBuilder(Deltas.regression()).setAttribution(null).build();

    SlackMessage m = messages.of(d, Notice.ALERT);

    assertThat(String.join("\n", sections(m))).doesNotContain("Changed", " by ");
    assertThat(context(m)).hasSize(1);
  }
}
