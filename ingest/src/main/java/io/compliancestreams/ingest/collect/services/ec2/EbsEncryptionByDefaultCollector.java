package io.compliancestreams.ingest.collect.services.ec2;

import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_EBS_ENCRYPTION_BY_DEFAULT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;

/**
 * {@code ComplianceStreams::EC2::EbsEncryptionByDefault} (practice 19): one snapshot per account
 * and region, always, resourceId the account id, no ARN. Configuration is GetEbsEncryptionByDefault's
 * response ({@code EbsEncryptionByDefault}, {@code SseType}) plus {@code KmsKeyId} from
 * GetEbsDefaultKmsKeyId. The key id only matters when encryption is on (it is quoted in the PASS
 * reason), so it is asked for only then: regions with the default off cost one call.
 */
final class EbsEncryptionByDefaultCollector implements Collector {

  @Override
  public String name() {
    return "ec2.ebs-encryption-by-default";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(EC2_EBS_ENCRYPTION_BY_DEFAULT);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    Ec2Client ec2 = context.clients().ec2();
    GetEbsEncryptionByDefaultResponse setting = ec2.getEbsEncryptionByDefault(r -> { });
    ObjectNode c = JsonFields.object().put("EbsEncryptionByDefault", setting.ebsEncryptionByDefault());
    JsonFields.putPresent(c, "SseType", setting.sseTypeAsString());
    if (Boolean.TRUE.equals(setting.ebsEncryptionByDefault())) {
      JsonFields.putPresent(c, "KmsKeyId", ec2.getEbsDefaultKmsKeyId(r -> { }).kmsKeyId());
    }
    sink.accept(context.snapshot(context.region(), EC2_EBS_ENCRYPTION_BY_DEFAULT, context.accountId())
        .configuration(c)
        .build());
  }
}
