package io.compliancestreams.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.publish.FakePublisher;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

  private final FakePublisher publisher = new FakePublisher();

  @Test
  void shouldReplayAGzippedLogFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trail.json.gz");
    Files.write(file, Fixtures.gzip(Fixtures.logFile(Fixtures.record("iam.amazonaws.com/CreateUser-1.json"),
        Fixtures.record("s3.amazonaws.com/CreateBucket-1.json"))));

    ReplaySource.Result result = new ReplaySource(publisher).replay(file);

    assertThat(result).isEqualTo(new ReplaySource.Result(2, 0));
    assertThat(publisher.events).extracting(CloudTrailEvent::getEventName).containsExactly("CreateUser", "CreateBucket");
  }

  @Test
  void shouldReplayJsonLinesFromStdinAndDeadLetterTheBadLineWithItsNumber() throws Exception {
    String lines = Fixtures.record("iam.amazonaws.com/CreateUser-1.json") + "\n{\"eventName\": \"x\"}\n";

    ReplaySource.Result result = new ReplaySource(publisher)
        .replay(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "stdin");

    assertThat(result).isEqualTo(new ReplaySource.Result(1, 1));
    assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.source()).isEqualTo("stdin:2");
      assertThat(letter.reason()).isEqualTo("eventSource: is missing");
    });
  }
}
