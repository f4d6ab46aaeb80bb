package io.compliancestreams.sinks.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads an audit trail back: every object's raw bytes and its JSON lines. */
public final class AuditObjects {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditObjects() {}

  /** key → raw (gzip) bytes, sorted by key. */
  public static Map<String, byte[]> raw(S3Client s3, String bucket) {
    Map<String, byte[]> out = new TreeMap<>();
    for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).build()).contents()) {
      out.put(o.key(), s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(o.key()).build())
          .asByteArray());
    }
    return out;
  }

  public static List<JsonNode> lines(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<JsonNode> out = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every delta id in every object, in key order (duplicates kept, so a test can count them). */
  public static List<String> deltaIds(S3Client s3, String bucket) {
    List<String> ids = new ArrayList<>();
    raw(s3, bucket).values().forEach(bytes -> lines(bytes).forEach(n -> ids.add(n.get("deltaId").asText())));
    return ids;
  }
}
