package io.compliancestreams.ingest.collect.services;

/**
 * The snapshot types these collectors produce. The names are the contract (schemas/README.md);
 * ingest cannot see the streams constants, so they are repeated here. Public because every
 * service sub-package uses them.
 */
public final class ServiceTypes {

  public static final String EC2_VOLUME = "AWS::EC2::Volume";
  public static final String EC2_VPC = "AWS::EC2::VPC";
  public static final String EC2_SECURITY_GROUP = "AWS::EC2::SecurityGroup";
  public static final String EC2_INSTANCE = "AWS::EC2::Instance";
  /** Extension, one per account and region. */
  public static final String EBS_ENCRYPTION_BY_DEFAULT = "ComplianceStreams::EC2::EbsEncryptionByDefault";
  /** Extension, one per EBS snapshot the account owns. */
  public static final String EC2_SNAPSHOT = "ComplianceStreams::EC2::Snapshot";
  /** The supplementaryConfiguration key of a VPC item holding its DescribeFlowLogs entries. */
  public static final String FLOW_LOGS_SUPPLEMENTARY = "FlowLogs";

  public static final String DMS_REPLICATION_INSTANCE = "AWS::DMS::ReplicationInstance";
  public static final String OPENSEARCH_DOMAIN = "AWS::OpenSearch::Domain";
  public static final String ELASTICSEARCH_DOMAIN = "AWS::Elasticsearch::Domain";
  public static final String SAGEMAKER_NOTEBOOK_INSTANCE = "AWS::SageMaker::NotebookInstance";
  public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
  public static final String KMS_KEY = "AWS::KMS::Key";
  /** Extension, one per account and region, present even with no detector. */
  public static final String GUARDDUTY_DETECTORS = "ComplianceStreams::GuardDuty::Detectors";

  private ServiceTypes() {}
}
