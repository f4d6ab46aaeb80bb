package io.compliancestreams.sinks.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.compliancestreams.schemas.avro.ChangeKind.REGRESSED;
import static io.compliancestreams.schemas.avro.FindingStatus.FAIL;
import static io.compliancestreams.schemas.avro.FindingStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public factory with the real compacted topic: a restarted sink keeps threading and skips replays. */
class SlackThreadsOnKafkaTest {

  static final String POSTED_TOPIC = "compliance.sink.slack.posted.v1";

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @Test
  void shouldThreadUnderTheSameRootAndSkipTheReplayAfterARestart() throws Exception {
    slack.stubFor(post(SlackBotDestinationTest.METHOD).willReturn(okJson(SlackBotDestinationTest.POSTED)));
    SlackSettings settings = Fixtures.bot(slack.baseUrl()).withMinInterval(java.time.Duration.ZERO);

    try (KafkaBroker kafka = KafkaBroker.start()) {
      try (CompactedTopicMap posted = CompactedTopicMap.open(kafka.bootstrapServers(), POSTED_TOPIC, (short) 1);
           SlackDestination first = SlackDestination.create(settings, posted)) {
        first.deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 2), 0));
      }
      // A new process: the map is read back from the topic.
      try (CompactedTopicMap posted = CompactedTopicMap.open(kafka.bootstrapServers(), POSTED_TOPIC, (short) 1);
           SlackDestination restarted = SlackDestination.create(settings, posted)) {
        restarted.deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 2), 0));
        restarted.deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 4), 1));
      }
    }

    ObjectMapper json = new ObjectMapper();
    List<String> bodies = slack.findAll(postRequestedFor(urlEqualTo(SlackBotDestinationTest.METHOD))).stream()
        .map(r -> r.getBodyAsString()).toList();
    assertThat(bodies).as("the replayed first delta is not posted again").hasSize(2);
    assertThat(json.readTree(bodies.get(0)).has("thread_ts")).isFalse();
    assertThat(json.readTree(bodies.get(1)).get("thread_ts").asText()).isEqualTo("1503435956.000247");
  }
}
