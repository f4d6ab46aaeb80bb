package io.compliancestreams.streams.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The binary form of {@link StoredResource}: format byte, header, then the JSON body as is.
 *
 * <pre>
 * byte    FORMAT (1)
 * long    captureTime epoch seconds (Long.MIN_VALUE: none), int its nanos
 * int     configurationStateId UTF-8 length (-1: none), its bytes
 * long    contentHash, long catalogueHash
 * long    recheckAt epoch seconds (Long.MIN_VALUE: none), int its nanos
 * rest    the ResourceState JSON
 * </pre>
 *
 * <p>Values written before this format are the ResourceState JSON alone: they start with '{',
 * which no format byte is, so a changelog written by an older version restores as it is (content
 * hash unknown: each resource is evaluated once more on its next snapshot, then stored anew).
 */
public final class StoredResourceSerde implements Serde<StoredResource> {

  static final byte FORMAT = 1;

  @Override
  public Serializer<StoredResource> serializer() {
    return (topic, v) -> v == null ? null : write(v);
  }

  @Override
  public Deserializer<StoredResource> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
  }

  static byte[] write(StoredResource v) {
    byte[] stateId = v.configurationStateId() == null ? null
        : v.configurationStateId().getBytes(StandardCharsets.UTF_8);
    int size = 1 + 12 + 4 + (stateId == null ? 0 : stateId.length) + 16 + 12 + v.body().length;
    ByteBuffer b = ByteBuffer.allocate(size).put(FORMAT);
    putInstant(b, v.captureTime());
    b.putInt(stateId == null ? -1 : stateId.length);
    if (stateId != null) {
      b.put(stateId);
    }
    b.putLong(v.contentHash()).putLong(v.catalogueHash());
    putInstant(b, v.recheckAt());
    return b.put(v.body()).array();
  }

  static StoredResource read(String topic, byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return legacy(bytes);
    }
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      throw new SerializationException("topic " + topic + ": unknown resource state format "
          + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0])));
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
      Instant captured = getInstant(b);
      int idLength = b.getInt();
      String stateId = null;
      if (idLength >= 0) {
        stateId = new String(bytes, b.position(), idLength, StandardCharsets.UTF_8);
        b.position(b.position() + idLength);
      }
      long content = b.getLong();
      long catalogue = b.getLong();
      Instant recheck = getInstant(b);
      byte[] body = Arrays.copyOfRange(bytes, b.position(), bytes.length);
      return new StoredResource(captured, stateId, content, catalogue, recheck, body);
    } catch (RuntimeException e) {
      throw new SerializationException("topic " + topic + ": truncated resource state", e);
    }
  }

  private static StoredResource legacy(byte[] json) {
    ResourceState s = new JsonSerde<>(ResourceState.class).deserializer().deserialize(null, json);
    return new StoredResource(s.item().captureTime(), s.item().configurationStateId(),
        StoredResource.UNKNOWN, 0L, s.recheckAt(), json);
  }

  private static void putInstant(ByteBuffer b, Instant t) {
    b.putLong(t == null ? Long.MIN_VALUE : t.getEpochSecond()).putInt(t == null ? 0 : t.getNano());
  }

  private static Instant getInstant(ByteBuffer b) {
    long seconds = b.getLong();
    int nanos = b.getInt();
    return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds, nanos);
  }
}
