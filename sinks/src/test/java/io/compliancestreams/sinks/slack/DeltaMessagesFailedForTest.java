package io.compliancestreams.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A resolution says how long the finding failed; other messages do not. */
class DeltaMessagesFailedForTest {

  private final DeltaMessages messages = new DeltaMessages(new DashboardLinks(URI.create("http://127.0.0.1:8080")));

  private static String headlineSection(SlackMessage m) {
    for (JsonNode block : m.blocks()) {
      if (block.path("type").asText().equals("section") && block.has("text")) {
        return block.path("text").path("text").asText();
      }
    }
    throw new AssertionError("no section");
  }

  @Test
  void shouldSayHowLongTheFindingFailedOnResolved() {
    FindingDelta resolved = FindingDelta.newBuilder(Deltas.change(ChangeKind.RESOLVED, FindingStatus.FAIL,
            FindingStatus.PASS, 3))
        .setFailingSince(Deltas.regression().getEvaluatedAt())
        .setFailedForMillis(Duration.ofMinutes(3 * 60 + 12).plusSeconds(9).toMillis())
        .build();

    assertThat(headlineSection(messages.of(resolved, Notice.RESOLUTION)))
        .startsWith("*Resolved* · PASS (was FAIL) · failed for 3 h 12 min\n");
  }

  @Test
  void shouldSayNothingOfDurationOnARegression() {
    assertThat(headlineSection(messages.of(Deltas.regression(), Notice.ALERT)))
        .startsWith("*Regression* · FAIL (was PASS)\n").doesNotContain("failed for");
  }
}
