package io.compliancestreams.ingest.collect.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.Collector.Coverage;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.List;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/** The S3 collectors, both GLOBAL (once per account). */
public final class S3Collectors {

  private S3Collectors() {}

  public static List<Collector> all() {
    return all(null);
  }

  /** @param pageSize MaxBuckets per ListBuckets page, or null for S3's default */
  public static List<Collector> all(Integer pageSize) {
    return List.of(new BucketCollector(pageSize), accountPublicAccessBlock());
  }

  /**
   * {@code AWS::S3::AccountPublicAccessBlock} from S3 Control, region {@code global}: the effective
   * setting in AWS Config's camelCase, or {@code {}} when none is set (schemas/README.md), so an
   * account that never set it can fail.
   */
  static AccountFact accountPublicAccessBlock() {
    return new AccountFact("s3.account-public-access-block", ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
        Coverage.GLOBAL, S3Collectors::readAccountPublicAccessBlock);
  }

  private static JsonNode readAccountPublicAccessBlock(CollectContext ctx) {
    try {
      PublicAccessBlockConfiguration p = ctx.clients().s3Control()
          .getPublicAccessBlock(r -> r.accountId(ctx.accountId())).publicAccessBlockConfiguration();
      return PublicAccessBlocks.json(p.blockPublicAcls(), p.ignorePublicAcls(), p.blockPublicPolicy(),
          p.restrictPublicBuckets());
    } catch (S3ControlException e) {
      if (e.awsErrorDetails() != null && PublicAccessBlocks.NOT_SET.equals(e.awsErrorDetails().errorCode())) {
        return JsonNodeFactory.instance.objectNode();
      }
      throw e;
    }
  }
}
