package io.compliancestreams.ingest.collect.services.kms;

import static io.compliancestreams.schemas.contract.ResourceTypes.KMS_KEY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * {@code AWS::KMS::Key} (practice 25): ListKeys, then DescribeKey per key (the listing has only ids).
 * AWS managed keys are included (the practice says NOT_APPLICABLE for them). AWS Config's camelCase
 * shape with explicit nulls ({@code deletionDate}, {@code pendingDeletionWindowInDays}). Convention,
 * as AWS Config records it: resourceId is the key id (UUID), ARN the key ARN, no name.
 */
final class KeyCollector implements Collector {

  private static final Logger LOG = LoggerFactory.getLogger(KeyCollector.class);

  private final int pageSize;

  KeyCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "kms.keys";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(KMS_KEY);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    KmsClient kms = context.clients().kms();
    for (KeyListEntry entry : kms.listKeysPaginator(r -> r.limit(pageSize)).keys()) {
      KeyMetadata key;
      try {
        key = kms.describeKey(r -> r.keyId(entry.keyArn() != null ? entry.keyArn() : entry.keyId())).keyMetadata();
      } catch (NotFoundException deleted) {
        // The waiting period ended between ListKeys and now: the key is gone and the next scan
        // no longer lists it.
        LOG.debug("KMS key {} disappeared while collecting", entry.keyId());
        continue;
      }
      sink.accept(context.snapshot(context.region(), KMS_KEY, key.keyId())
          .arn(key.arn())
          .configuration(configuration(key))
          .build());
    }
  }

  static ObjectNode configuration(KeyMetadata k) {
    ObjectNode c = JsonFields.object()
        .put("awsaccountId", k.awsAccountId())
        .put("keyId", k.keyId())
        .put("arn", k.arn())
        .put("creationDate", ApiJson.iso(k.creationDate()))
        .put("enabled", k.enabled())
        .put("description", k.description())
        .put("keyUsage", k.keyUsageAsString())
        .put("keyState", k.keyStateAsString())
        .put("deletionDate", ApiJson.iso(k.deletionDate()))
        .put("origin", k.originAsString())
        .put("keyManager", k.keyManagerAsString())
        .put("customerMasterKeySpec", k.customerMasterKeySpecAsString())
        .put("keySpec", k.keySpecAsString());
    c.set("encryptionAlgorithms", JsonFields.strings(k.encryptionAlgorithmsAsStrings()));
    c.set("signingAlgorithms", JsonFields.strings(k.signingAlgorithmsAsStrings()));
    c.put("multiRegion", k.multiRegion())
        .put("pendingDeletionWindowInDays", k.pendingDeletionWindowInDays());
    return c;
  }
}
