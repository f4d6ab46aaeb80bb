package io.compliancestreams.ingest.collect.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * {@code AWS::S3::Bucket} for every bucket of the account (ListBuckets lists them all, whatever
 * the region, so this collector is GLOBAL), each snapshot in the bucket's own region, shaped as AWS
 * Config records it: {@code configuration} {name, owner, creationDate} and the supplementary
 * {@code ServerSideEncryptionConfiguration} ({@code rules: []} when S3 answers
 * ServerSideEncryptionConfigurationNotFoundError) and {@code PublicAccessBlockConfiguration} (left
 * out when the bucket has none, as AWS Config does). Only the configurations the practices read are
 * fetched (two calls per bucket, plus GetBucketLocation when ListBuckets gives no region).
 */
final class BucketCollector implements Collector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String NO_ENCRYPTION = "ServerSideEncryptionConfigurationNotFoundError";

  private final Integer pageSize;

  /** @param pageSize MaxBuckets per ListBuckets page, or null for S3's default */
  BucketCollector(Integer pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "s3.buckets";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(ResourceTypes.S3_BUCKET);
  }

  @Override
  public Coverage coverage() {
    return Coverage.GLOBAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    S3Client s3 = context.clients().s3();
    String token = null;
    do {
      String page = token;
      // Paginated by hand: the SDK's paginator does not let a MaxBuckets through on every page.
      var response = s3.listBuckets(r -> r.maxBuckets(pageSize).continuationToken(page));
      for (Bucket bucket : response.buckets()) {
        sink.accept(snapshot(context, s3, bucket, response.owner()));
      }
      token = response.continuationToken();
    } while (token != null && !token.isEmpty());
  }

  private static io.compliancestreams.schemas.avro.ResourceSnapshot snapshot(
      CollectContext context, S3Client s3, Bucket bucket, Owner owner) {
    String name = bucket.name();
    String region = bucket.bucketRegion() != null && !bucket.bucketRegion().isBlank()
        ? bucket.bucketRegion()
        : BucketRegions.fromLocationConstraint(
            s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
    var snapshot = context.snapshot(region, ResourceTypes.S3_BUCKET, name)
        .arn("arn:aws:s3:::" + name)
        .name(name)
        .configuration(configuration(bucket, owner))
        .supplementary("ServerSideEncryptionConfiguration", encryption(s3, name));
    publicAccessBlock(s3, name).ifPresent(pab -> snapshot.supplementary("PublicAccessBlockConfiguration", pab));
    return snapshot.build();
  }

  private static ObjectNode configuration(Bucket bucket, Owner owner) {
    ObjectNode c = NODES.objectNode();
    c.put("name", bucket.name());
    ObjectNode o = c.putObject("owner");
    o.put("displayName", owner == null ? null : owner.displayName());
    o.put("id", owner == null ? null : owner.id());
    c.put("creationDate", bucket.creationDate() == null ? null : bucket.creationDate().toString());
    return c;
  }

  private static JsonNode encryption(S3Client s3, String bucket) {
    ObjectNode c = NODES.objectNode();
    ArrayNode rules = c.putArray("rules");
    try {
      for (ServerSideEncryptionRule rule : s3.getBucketEncryption(r -> r.bucket(bucket))
          .serverSideEncryptionConfiguration().rules()) {
        ObjectNode entry = rules.addObject();
        var byDefault = rule.applyServerSideEncryptionByDefault();
        if (byDefault == null) {
          entry.putNull("applyServerSideEncryptionByDefault");
        } else {
          entry.putObject("applyServerSideEncryptionByDefault")
              .put("sseAlgorithm", byDefault.sseAlgorithmAsString())
              .put("kmsMasterKeyID", byDefault.kmsMasterKeyID());
        }
        entry.put("bucketKeyEnabled", rule.bucketKeyEnabled());
      }
    } catch (S3Exception e) {
      if (!NO_ENCRYPTION.equals(errorCode(e))) {
        throw e;
      }
    }
    return c;
  }

  private static Optional<JsonNode> publicAccessBlock(S3Client s3, String bucket) {
    try {
      PublicAccessBlockConfiguration p = s3.getPublicAccessBlock(r -> r.bucket(bucket))
          .publicAccessBlockConfiguration();
      return Optional.of(PublicAccessBlocks.json(p.blockPublicAcls(), p.ignorePublicAcls(),
          p.blockPublicPolicy(), p.restrictPublicBuckets()));
    } catch (S3Exception e) {
      if (PublicAccessBlocks.NOT_SET.equals(errorCode(e))) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
