package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.dms.DmsReplicationInstanceNotPublic;
import io.compliancestreams.streams.practices.guardduty.GuardDutyEnabled;
import io.compliancestreams.streams.practices.kms.KmsKeyNotPendingDeletion;
import io.compliancestreams.streams.practices.lambda.LambdaSupportedRuntime;
import io.compliancestreams.streams.practices.opensearch.OpenSearchDomainEncryptedAtRest;
import io.compliancestreams.streams.practices.sagemaker.SageMakerNotebookNoDirectInternet;
import java.util.List;

/**
 * Practices 16 to 26 (EC2, DMS, OpenSearch, SageMaker, Lambda, KMS, GuardDuty), in number order.
 */
public final class ServicePractices {

  private ServicePractices() {}

  public static List<Practice> all() {
    return List.of(
        new AttachedEbsVolumesEncrypted(),
        new VpcFlowLogsEnabled(),
        new DefaultSecurityGroupClosed(),
        new EbsEncryptionByDefaultEnabled(),
        new DmsReplicationInstanceNotPublic(),
        new EbsSnapshotNotPublic(),
        new OpenSearchDomainEncryptedAtRest(),
        new SageMakerNotebookNoDirectInternet(),
        new LambdaSupportedRuntime(),
        new KmsKeyNotPendingDeletion(),
        new GuardDutyEnabled());
  }
}
