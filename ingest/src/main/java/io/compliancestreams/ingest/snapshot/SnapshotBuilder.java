package io.compliancestreams.ingest.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.Relationship;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.contract.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one {@link ResourceSnapshot} in the AWS Config configuration item shape: the envelope
 * (account, region, type, id, ARN, name, capture time, status), {@code configuration} as the AWS
 * API / AWS Config shape, {@code supplementaryConfiguration} entries, tags and relationships.
 * Extension types (see schemas/README.md) use the same builder.
 */
public final class SnapshotBuilder {

  /** Shared mapper for collectors that turn SDK responses into JSON configurations. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private final String accountId;
  private final String region;
  private final String resourceType;
  private final String resourceId;
  private String arn;
  private String resourceName;
  private Instant captureTime;
  private ConfigurationItemStatus status = ConfigurationItemStatus.OK;
  private JsonNode configuration = NullNode.getInstance();
  private final Map<String, String> supplementary = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final List<Relationship> relationships = new ArrayList<>();
  private SnapshotSource source = SnapshotSource.SCAN;
  private String scanId;

  private SnapshotBuilder(String accountId, String region, String resourceType, String resourceId) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.region = Objects.requireNonNull(region, "region");
    this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
  }

  /** Starts a snapshot of one resource; {@code region} is {@code global} for IAM and account facts. */
  public static SnapshotBuilder of(String accountId, String region, String resourceType, String resourceId) {
    return new SnapshotBuilder(accountId, region, resourceType, resourceId);
  }

  public SnapshotBuilder arn(String value) {
    this.arn = value;
    return this;
  }

  public SnapshotBuilder name(String value) {
    this.resourceName = value;
    return this;
  }

  public SnapshotBuilder capturedAt(Instant value) {
    this.captureTime = value;
    return this;
  }

  public SnapshotBuilder deleted() {
    this.status = ConfigurationItemStatus.ResourceDeleted;
    return this;
  }

  public SnapshotBuilder configuration(JsonNode value) {
    this.configuration = value == null ? NullNode.getInstance() : value;
    return this;
  }

  public SnapshotBuilder supplementary(String name, JsonNode value) {
    supplementary.put(name, value == null ? "null" : value.toString());
    return this;
  }

  public SnapshotBuilder tag(String key, String value) {
    tags.put(key, value == null ? "" : value);
    return this;
  }

  public SnapshotBuilder tags(Map<String, String> values) {
    values.forEach(this::tag);
    return this;
  }

  public SnapshotBuilder relationship(String type, String id, String name, String relationshipName) {
    relationships.add(Relationship.newBuilder().setResourceType(type).setResourceId(id)
        .setResourceName(name).setRelationshipName(relationshipName).build());
    return this;
  }

  public SnapshotBuilder source(SnapshotSource value, String scan) {
    this.source = value;
    this.scanId = scan;
    return this;
  }

  /** The canonical resource key: the Kafka key of this snapshot. */
  public String key() {
    return key(accountId, region, resourceType, resourceId);
  }

  public ResourceSnapshot build() {
    Instant at = Objects.requireNonNull(captureTime, "captureTime");
    return ResourceSnapshot.newBuilder()
        .setAccountId(accountId)
        .setAwsRegion(region)
        .setResourceType(resourceType)
        .setResourceId(resourceId)
        .setArn(arn)
        .setResourceName(resourceName)
        .setCaptureTime(at)
        .setConfigurationItemStatus(status)
        // AWS Config's own state ids are epoch millis; ours too, so ordering works across sources.
        .setConfigurationStateId(Long.toString(at.toEpochMilli()))
        .setTags(tags)
        .setRelationships(relationships)
        .setConfiguration(configuration.toString())
        .setSupplementaryConfiguration(supplementary)
        .setSource(source)
        .setScanId(scanId)
        .build();
  }

  /** The canonical key of a built snapshot. */
  public static String keyOf(ResourceSnapshot s) {
    return key(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId());
  }

  /** The canonical resource key: {@code accountId/region/resourceType/resourceId}. */
  public static String key(String accountId, String region, String resourceType, String resourceId) {
    return ResourceKey.of(accountId, region, resourceType, resourceId).format();
  }
}
