package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.schemas.contract.ResourceTypes;

/**
 * Snapshot type names the EC2 practices read: AWS Config's own types and our extension types
 * (documented in schemas/README.md, "Extension snapshot types"). Public because the ingest collectors
 * produce snapshots of these types.
 */
public final class Ec2Types {




  /** Extension, one per account and region: GetEbsEncryptionByDefault's response. */
  public static final String EBS_ENCRYPTION_BY_DEFAULT =
      ResourceTypes.EC2_EBS_ENCRYPTION_BY_DEFAULT;

  /**
   * Extension, one per EBS snapshot owned by the account: its DescribeSnapshots entry plus {@code
   * CreateVolumePermissions} from DescribeSnapshotAttribute.
   */

  /**
   * The supplementaryConfiguration key of an {@link #VPC} item holding the DescribeFlowLogs entries
   * whose resource is that VPC (AWS Config's VPC item does not include flow logs).
   */
  public static final String FLOW_LOGS_SUPPLEMENTARY = "FlowLogs";

  private Ec2Types() {}
}
