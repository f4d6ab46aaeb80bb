package io.compliancestreams.schemas;

import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Relationship;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.schemas.avro.Trigger;
import io.compliancestreams.schemas.avro.TriggerKind;
import io.compliancestreams.schemas.avro.UserIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One record of each contract with every field set to a non-default value. */
public final class Samples {

    public static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123Z");
    public static final String BUCKET_KEY = "123456789012/eu-west-1/AWS::S3::Bucket/audit-logs";

    private Samples() {
    }

    public static List<SpecificRecord> all() {
        return List.of(resourceSnapshot(), cloudTrailEvent(), rescanRequest(), finding(), findingDelta(), suppression());
    }

    public static ResourceSnapshot resourceSnapshot() {
        return ResourceSnapshot.newBuilder()
                .setAccountId("123456789012")
                .setAwsRegion("eu-west-1")
                .setResourceType("AWS::S3::Bucket")
                .setResourceId("audit-logs")
                .setArn("arn:aws:s3:::audit-logs")
                .setResourceName("audit-logs")
                .setCaptureTime(T0)
                .setConfigurationItemStatus(ConfigurationItemStatus.OK)
                .setConfigurationStateId("1740824130123")
                .setTags(Map.of("team", "security"))
                .setRelationships(List.of(Relationship.newBuilder()
                        .setResourceType("AWS::KMS::Key")
                        .setResourceId("1234abcd-12ab-34cd-56ef-1234567890ab")
                        .setResourceName("audit-key")
                        .setRelationshipName("Is associated with KmsKey")
                        .build()))
                .setConfiguration("{\"name\":\"audit-logs\",\"creationDate\":\"2024-01-01T00:00:00.000Z\"}")
                .setSupplementaryConfiguration(Map.of("PublicAccessBlockConfiguration",
                        "{\"blockPublicAcls\":true,\"ignorePublicAcls\":true}"))
                .setSource(SnapshotSource.RESCAN)
                .setScanId("scan-42")
                .build();
    }

    public static CloudTrailEvent cloudTrailEvent() {
        return CloudTrailEvent.newBuilder()
                .setEventId("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b")
                .setEventTime(T0)
                .setEventSource("s3.amazonaws.com")
                .setEventName("DeleteBucketEncryption")
                .setAwsRegion("eu-west-1")
                .setRecipientAccountId("123456789012")
                .setUserIdentity(UserIdentity.newBuilder()
                        .setType("AssumedRole")
                        .setArn("arn:aws:sts::123456789012:assumed-role/Admin/alice")
                        .setUserName("alice")
                        .setAccountId("123456789012")
                        .setPrincipalId("AROAEXAMPLE:alice")
                        .build())
                .setSourceIPAddress("203.0.113.7")
                .setReadOnly(false)
                .setErrorCode("AccessDenied")
                .setErrorMessage("Access Denied")
                .setRequestParameters("{\"bucketName\":\"audit-logs\"}")
                .setResponseElements("null")
                .setResources(List.of(EventResource.newBuilder()
                        .setType("AWS::S3::Bucket")
                        .setArn("arn:aws:s3:::audit-logs")
                        .setAccountId("123456789012")
                        .build()))
                .setRawRecord("{\"eventVersion\":\"1.09\",\"eventName\":\"DeleteBucketEncryption\"}")
                .build();
    }

    public static RescanRequest rescanRequest() {
        return RescanRequest.newBuilder()
                .setRequestId("rescan-1")
                .setAccountId("123456789012")
                .setRegion("eu-west-1")
                .setResourceType("AWS::S3::Bucket")
                .setResourceId("audit-logs")
                .setReason("cloudtrail:s3.amazonaws.com/DeleteBucketEncryption")
                .setTriggerEventId("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b")
                .setRequestedAt(T0)
                .build();
    }

    public static Finding finding() {
        return Finding.newBuilder()
                .setFindingId("f-3b9a")
                .setPractice(7)
                .setControlId("S3.4")
                .setTitle("S3 buckets should have server-side encryption enabled")
                .setSeverity(Severity.HIGH)
                .setSecurityHubSeverity(Severity.MEDIUM)
                .setStatus(FindingStatus.FAIL)
                .setResourceKey(BUCKET_KEY)
                .setResourceType("AWS::S3::Bucket")
                .setResourceId("audit-logs")
                .setResourceArn("arn:aws:s3:::audit-logs")
                .setAccountId("123456789012")
                .setRegion("eu-west-1")
                .setReason("Bucket audit-logs has no default encryption.")
                .setEvaluatedAt(T0)
                .setFirstSeenAt(T0.minusSeconds(3600))
                .setLastChangedAt(T0)
                .setSuppressed(true)
                .setRecheckAt(T0.plusSeconds(86_400))
                .build();
    }

    public static FindingDelta findingDelta() {
        return FindingDelta.newBuilder()
                .setDeltaId("f-3b9a:2")
                .setFindingId("f-3b9a")
                .setSequence(2)
                .setPreviousStatus(FindingStatus.PASS)
                .setNewStatus(FindingStatus.FAIL)
                .setChangeKind(ChangeKind.REGRESSED)
                .setPractice(7)
                .setControlId("S3.4")
                .setTitle("S3 buckets should have server-side encryption enabled")
                .setSeverity(Severity.HIGH)
                .setSecurityHubSeverity(Severity.MEDIUM)
                .setResourceKey(BUCKET_KEY)
                .setResourceType("AWS::S3::Bucket")
                .setResourceId("audit-logs")
                .setResourceArn("arn:aws:s3:::audit-logs")
                .setAccountId("123456789012")
                .setRegion("eu-west-1")
                .setReason("Bucket audit-logs has no default encryption.")
                .setRemediation("Enable default encryption (SSE-S3 or SSE-KMS) on the bucket.")
                .setEvaluatedAt(T0)
                .setTrigger(Trigger.newBuilder()
                        .setKind(TriggerKind.EVENT)
                        .setSnapshotStateId("1740824130123")
                        .setEventId("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b")
                        .build())
                .setSuppressed(true)
                .setAttribution(Attribution.newBuilder()
                        .setCertainty(AttributionCertainty.CERTAIN)
                        .setPrincipalArn("arn:aws:sts::123456789012:assumed-role/Admin/alice")
                        .setPrincipalType("AssumedRole")
                        .setPrincipalAccountId("123456789012")
                        .setSessionIssuerArn("arn:aws:iam::123456789012:role/Admin")
                        .setSourceIpAddress("203.0.113.7")
                        .setUserAgent("aws-cli/2.15.0 Python/3.11.6")
                        .setEventName("DeleteBucketEncryption")
                        .setEventSource("s3.amazonaws.com")
                        .setEventTime(T0)
                        .setEventId("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b")
                        .build())
                .build();
    }

    public static Suppression suppression() {
        return Suppression.newBuilder()
                .setSuppressionId("sup-1")
                .setFindingId("f-3b9a")
                .setPractice(7)
                .setAccountId("123456789012")
                .setRegion("eu-west-1")
                .setResourceArnGlob("arn:aws:s3:::audit-*")
                .setReason("Legacy bucket, migration ticket SEC-12")
                .setOwner("platform-team")
                .setExpiresAt(T0.plusSeconds(30L * 86_400))
                .setCreatedAt(T0)
                .build();
    }

  /**
   * {@code sample} as a reader of the current schema sees it after a writer of {@code older} wrote
   * it: the fields {@code older} lacks (added since) take their defaults.
   */
  @SuppressWarnings("unchecked")
  public static <T extends org.apache.avro.specific.SpecificRecord> T asWrittenWith(org.apache.avro.Schema older, T sample) {
    T copy = (T) org.apache.avro.specific.SpecificData.get().deepCopy(sample.getSchema(), sample);
    for (org.apache.avro.Schema.Field field : sample.getSchema().getFields()) {
      if (older.getField(field.name()) == null) {
        copy.put(field.pos(), org.apache.avro.specific.SpecificData.get().getDefaultValue(field));
      }
    }
    return copy;
  }
}
