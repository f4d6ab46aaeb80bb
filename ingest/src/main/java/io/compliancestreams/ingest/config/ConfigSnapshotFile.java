package io.compliancestreams.ingest.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.ObjIntConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an AWS Config configuration snapshot file ({@code {"fileVersion": ..., "configSnapshotId":
 * ..., "configurationItems": [...]}}, gzip or plain) one configuration item at a time. A snapshot
 * holds every recorded resource of an account and region, so the file is streamed and only one
 * item is held as a tree at a time.
 */
final class ConfigSnapshotFile {

  static final String ITEMS = "configurationItems";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigSnapshotFile() {}

  /**
   * Hands each element of {@code configurationItems} to {@code each} with its index, in file order.
   *
   * @return how many items were read
   * @throws MalformedItemException when the content is not a snapshot file (corrupt gzip, not JSON,
   *     no {@code configurationItems} array); items before the fault were already handed over
   * @throws UncheckedIOException when reading fails otherwise (a connection cut mid-object): worth
   *     a retry, unlike a malformed file
   */
  static int read(InputStream raw, String location, ObjIntConsumer<JsonNode> each) {
    int count = 0;
    boolean found = false;
    try (JsonParser parser = JSON.createParser(decoded(raw))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedItemException(location, "expected a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (ITEMS.equals(name) && value == JsonToken.START_ARRAY) {
          found = true;
          for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
              throw new MalformedItemException(location, "ends inside " + ITEMS);
            }
            JsonNode item = parser.readValueAsTree();
            each.accept(item, count++);
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException | ZipException e) {
      throw new MalformedItemException(location,
          "is not a readable snapshot file after " + count + " items (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + location + " failed after " + count + " items", e);
    }
    if (!found) {
      throw new MalformedItemException(ITEMS, "is missing from " + location);
    }
    return count;
  }

  /** AWS Config writes {@code .json.gz}; a plain JSON object (a copy, a test) is read as is. */
  private static InputStream decoded(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, 64 * 1024);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
  }
}
