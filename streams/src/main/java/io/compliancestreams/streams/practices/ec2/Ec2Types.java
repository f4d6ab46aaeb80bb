package io.compliancestreams.streams.practices.ec2;

/**
 * Snapshot type names the EC2 practices read: AWS Config's own types and our extension types
 * (documented in schemas/README.md, "Extension snapshot types"). Public because the ingest collectors
 * produce snapshots of these types.
 */
public final class Ec2Types {

  public static final String VOLUME = "AWS::EC2::Volume";

  /** AWS Config's VPC; our collector adds {@value #FLOW_LOGS_SUPPLEMENTARY} to it. */
  public static final String VPC = "AWS::EC2::VPC";

  public static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";

  /** Extension, one per account and region: GetEbsEncryptionByDefault's response. */
  public static final String EBS_ENCRYPTION_BY_DEFAULT =
      "ComplianceStreams::EC2::EbsEncryptionByDefault";

  /**
   * Extension, one per EBS snapshot owned by the account: its DescribeSnapshots entry plus {@code
   * CreateVolumePermissions} from DescribeSnapshotAttribute.
   */
  public static final String SNAPSHOT = "ComplianceStreams::EC2::Snapshot";

  /**
   * The supplementaryConfiguration key of an {@link #VPC} item holding the DescribeFlowLogs entries
   * whose resource is that VPC (AWS Config's VPC item does not include flow logs).
   */
  public static final String FLOW_LOGS_SUPPLEMENTARY = "FlowLogs";

  private Ec2Types() {}
}
