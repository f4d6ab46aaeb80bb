package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Finds the CloudTrail records in the documents they travel in: a log file ({@code {"Records":
 * [...]}}, gzip or not), JSON lines (one record, log file or envelope per line), a single record,
 * or an EventBridge event whose {@code detail} is the record. Pure apart from decompression.
 */
final class CloudTrailDocuments {

  static final String EVENTBRIDGE_DETAIL_TYPE = "AWS API Call via CloudTrail";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private CloudTrailDocuments() {}

  /** The records of raw input (gzip detected by its magic bytes), each with its location. */
  static List<SourceRecord> read(byte[] input, String location) {
    byte[] plain;
    try {
      plain = gunzipIfNeeded(input);
    } catch (IOException e) {
      return List.of(new SourceRecord.Unreadable(input, location, "corrupt gzip: " + e.getMessage()));
    }
    String text = new String(plain, StandardCharsets.UTF_8);
    try {
      return records(JSON.readTree(text), location);
    } catch (JsonProcessingException whole) {
      if (text.strip().indexOf('\n') < 0) {
        return List.of(SourceRecord.Unreadable.of(text, location, "not JSON: " + whole.getOriginalMessage()));
      }
      return lines(text, location);
    }
  }

  /** The records in one parsed document. */
  static List<SourceRecord> records(JsonNode document, String location) {
    if (document == null || document.isMissingNode()) {
      return List.of();
    }
    if (document.isObject() && document.has("Records")) {
      JsonNode array = document.get("Records");
      if (!array.isArray()) {
        return List.of(SourceRecord.Unreadable.of(document.toString(), location, "Records: expected an array"));
      }
      List<SourceRecord> out = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        out.add(new SourceRecord.Parsed(array.get(i), location + "#Records[" + i + "]"));
      }
      return out;
    }
    if (document.isObject() && document.has("detail-type")) {
      String detailType = document.path("detail-type").asText();
      if (!EVENTBRIDGE_DETAIL_TYPE.equals(detailType)) {
        return List.of(SourceRecord.Unreadable.of(document.toString(), location,
            "detail-type: expected '" + EVENTBRIDGE_DETAIL_TYPE + "', got '" + detailType + "'"));
      }
      return List.of(new SourceRecord.Parsed(document.path("detail"), location));
    }
    if (document.isArray()) {
      List<SourceRecord> out = new ArrayList<>(document.size());
      for (int i = 0; i < document.size(); i++) {
        out.addAll(records(document.get(i), location + "[" + i + "]"));
      }
      return out;
    }
    // A single record; the mapper tells whether it is one.
    return List.of(new SourceRecord.Parsed(document, location));
  }

  private static List<SourceRecord> lines(String text, String location) {
    List<SourceRecord> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String where = location + ":" + (i + 1);
      try {
        out.addAll(records(JSON.readTree(line), where));
      } catch (JsonProcessingException e) {
        out.add(SourceRecord.Unreadable.of(line, where, "not JSON: " + e.getOriginalMessage()));
      }
    }
    return out;
  }

  static byte[] gunzipIfNeeded(byte[] input) throws IOException {
    if (input.length < 2 || (input[0] & 0xff) != 0x1f || (input[1] & 0xff) != 0x8b) {
      return input;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
      return in.readAllBytes();
    }
  }
}
