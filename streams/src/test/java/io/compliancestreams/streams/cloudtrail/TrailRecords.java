package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the CloudTrail records under {@code src/test/resources/cloudtrail/}. */
final class TrailRecords {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TrailRecords() {}

  /** A resource under {@code cloudtrail/}, e.g. {@code records/s3.amazonaws.com/X.json}. */
  static JsonNode json(String path) {
    String resource = "cloudtrail/" + path;
    try (InputStream in = TrailRecords.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /** A record file parsed as an event, e.g. {@code s3.amazonaws.com/PutBucketEncryption-1}. */
  static TrailEvent event(String name) {
    return TrailEvents.fromRecord(json("records/" + name + ".json"));
  }
}
