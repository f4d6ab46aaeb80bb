package io.compliancestreams.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** {@code /health} reports a stream thread that keeps dying although Kafka Streams says RUNNING. */
class ApiServerHealthTest {

  private static HttpResponse<String> health(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer503WithTheProblemWhileAThreadKeepsBeingReplacedAnd200Afterwards() throws Exception {
    AtomicReference<Optional<String>> problem = new AtomicReference<>(
        Optional.of("stream thread replaced 3 times in the last 5 min: org.apache.kafka.common.errors.RecordTooLargeException"));
    try (ApiServer api = new ApiServer(() -> KafkaStreams.State.RUNNING, problem::get, null,
        new HostInfo("127.0.0.1", 0), null, null, null).start("127.0.0.1", 0)) {
      HttpResponse<String> failing = health(api.port());
      assertThat(failing.statusCode()).isEqualTo(503);
      assertThat(failing.body()).isEqualTo("{\"live\":true,\"ready\":false,\"streams\":\"RUNNING\",\"problem\":"
          + "\"stream thread replaced 3 times in the last 5 min: org.apache.kafka.common.errors.RecordTooLargeException\"}");

      problem.set(Optional.empty());
      HttpResponse<String> healthy = health(api.port());
      assertThat(healthy.statusCode()).isEqualTo(200);
      assertThat(healthy.body()).isEqualTo("{\"live\":true,\"ready\":true,\"streams\":\"RUNNING\"}");
    }
  }
}
