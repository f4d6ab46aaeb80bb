package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.state.JsonSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Changes cross repartition topics as JSON: every kind reads back as written. */
class ChangeJsonTest {

  private final JsonSerde<Change> serde = new JsonSerde<>(Change.class);

  private Change roundTrip(Change c) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", c));
  }

  @Test
  void shouldReadATouchBackWithItsCaptureTimeAndHash() {
    Change touch = Change.touch("111122223333/eu-west-1/AWS::S3::Bucket/b",
        Instant.parse("2026-06-01T01:00:00Z"), "17", 42L);
    Change back = roundTrip(touch);
    assertThat(back).isEqualTo(touch);
    assertThat(back.touchOnly()).isTrue();
    assertThat(back.isSnapshot()).isFalse();
  }

  @Test
  void shouldReadAChangeWrittenBeforeTheHashAndTouchExisted() {
    byte[] old = "{\"item\":null,\"event\":null,\"targetKey\":\"k\",\"rescanEventId\":null,\"noteOnly\":true}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Change back = serde.deserializer().deserialize("t", old);
    assertThat(back.touchOnly()).isFalse();
    assertThat(back.contentHash()).isZero();
    assertThat(back.noteOnly()).isTrue();
  }
}
