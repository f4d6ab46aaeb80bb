package io.compliancestreams.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoredResourceSerdeTest {

  private final StoredResourceSerde serde = new StoredResourceSerde();

  private static ResourceState state(Instant captured, String stateId) {
    ConfigurationItem item = new ConfigurationItem("111122223333", "eu-west-1", "AWS::S3::Bucket",
        "bucket-é", "arn:aws:s3:::bucket-é", "bucket-é", captured, ItemStatus.OK, stateId,
        Map.of("team", "ops"), List.of(), JsonNodeFactory.instance.objectNode().put("a", 1), Map.of());
    return new ResourceState(item, List.of(), captured, captured == null ? null : captured.plusSeconds(60));
  }

  private StoredResource roundTrip(StoredResource v) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", v));
  }

  @Test
  void shouldKeepEveryHeaderFieldAndTheBodyBytes() {
    Instant t = Instant.parse("2026-06-01T01:02:03.456789Z");
    StoredResource v = StoredResource.of(state(t, "42é"), 0x1234_5678_9abc_def0L, -7L);
    StoredResource back = roundTrip(v);
    assertThat(back.captureTime()).isEqualTo(t);
    assertThat(back.configurationStateId()).isEqualTo("42é");
    assertThat(back.contentHash()).isEqualTo(0x1234_5678_9abc_def0L);
    assertThat(back.catalogueHash()).isEqualTo(-7L);
    assertThat(back.recheckAt()).isEqualTo(t.plusSeconds(60));
    assertThat(back.body()).isEqualTo(v.body());
    assertThat(back.state()).isEqualTo(state(t, "42é"));
  }

  @Test
  void shouldKeepAbsentTimesAndStateIdAbsent() {
    StoredResource back = roundTrip(StoredResource.of(state(null, null), 5L, 6L));
    assertThat(back.captureTime()).isNull();
    assertThat(back.configurationStateId()).isNull();
    assertThat(back.recheckAt()).isNull();
    assertThat(back.state()).isEqualTo(state(null, null));
  }

  @Test
  void shouldReadTheAllJsonValuesOfOlderVersionsWithAnUnknownContentHash() {
    ResourceState s = state(Instant.parse("2026-06-01T01:00:00Z"), "9");
    byte[] json = new JsonSerde<>(ResourceState.class).serializer().serialize("t", s);
    StoredResource legacy = serde.deserializer().deserialize("t", json);
    assertThat(legacy.contentHash()).isEqualTo(StoredResource.UNKNOWN);
    assertThat(legacy.captureTime()).isEqualTo(s.item().captureTime());
    assertThat(legacy.configurationStateId()).isEqualTo("9");
    assertThat(legacy.recheckAt()).isEqualTo(s.recheckAt());
    assertThat(legacy.state()).isEqualTo(s);
  }

  @Test
  void shouldPutTheHeadersCaptureTimeOnTheItemOfATouchedValue() {
    Instant t1 = Instant.parse("2026-06-01T01:00:00Z");
    Instant t2 = Instant.parse("2026-06-01T02:00:00Z");
    StoredResource touched = roundTrip(StoredResource.of(state(t1, "1"), 5L, 6L).touched(t2, "2"));
    assertThat(touched.state().item().captureTime()).isEqualTo(t2);
    assertThat(touched.state().item().configurationStateId()).isEqualTo("2");
    assertThat(touched.state().evaluatedAt()).isEqualTo(t1);
  }

  @Test
  void shouldRefuseAnUnknownFormatByte() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown resource state format 9");
  }
}
