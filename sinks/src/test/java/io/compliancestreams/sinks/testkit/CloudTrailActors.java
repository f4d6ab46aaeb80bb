package io.compliancestreams.sinks.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The attribution a delta carries for a real CloudTrail record (test resources {@code cloudtrail/},
 * README there), field for field as docs/streams.md describes it.
 */
public final class CloudTrailActors {

  /** An assumed-role session with a session issuer, from aws-cli (panther-analysis sample). */
  public static final String DELETE_PUBLIC_ACCESS_BLOCK = "DeleteBucketPublicAccessBlock-1";
  /** The root user in the S3 console (cloud-custodian sample). */
  public static final String CREATE_BUCKET_AS_ROOT = "CreateBucket-1";

  private CloudTrailActors() {}

  public static Attribution of(String record, AttributionCertainty certainty) {
    JsonNode raw = read(record);
    JsonNode who = raw.path("userIdentity");
    return Attribution.newBuilder()
        .setCertainty(certainty)
        .setPrincipalArn(text(who, "arn"))
        .setPrincipalType(text(who, "type"))
        .setPrincipalAccountId(text(who, "accountId"))
        .setSessionIssuerArn(text(who.path("sessionContext").path("sessionIssuer"), "arn"))
        .setSourceIpAddress(text(raw, "sourceIPAddress"))
        .setUserAgent(text(raw, "userAgent"))
        .setEventName(text(raw, "eventName"))
        .setEventSource(text(raw, "eventSource"))
        .setEventTime(Instant.parse(text(raw, "eventTime")))
        .setEventId(text(raw, "eventID"))
        .build();
  }

  private static JsonNode read(String record) {
    try (InputStream in = CloudTrailActors.class.getClassLoader()
        .getResourceAsStream("cloudtrail/" + record + ".json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
