package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Recorded CloudTrail records from the test resources, and log files made of them. */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static JsonNode record(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/cloudtrail/records/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CloudTrail log file, {@code {"Records": [...]}}, as the trail writes it. */
  static String logFile(JsonNode... records) {
    var document = JSON.createObjectNode();
    var array = document.putArray("Records");
    for (JsonNode r : records) {
      array.add(r);
    }
    return document.toString();
  }

  static byte[] gzip(String text) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
