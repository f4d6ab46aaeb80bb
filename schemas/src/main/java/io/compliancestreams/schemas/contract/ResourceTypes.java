package io.compliancestreams.schemas.contract;

/**
 * Every snapshot type name the system uses: AWS Config's own types ({@code AWS::…}) and our
 * extension types ({@code ComplianceStreams::…}, schemas/README.md "Extension snapshot types").
 * Collectors write these names and practices read them, so they are written here once.
 */
public final class ResourceTypes {

  /** AWS Config's resource type for account-level evaluations. */
  public static final String ACCOUNT = "AWS::::Account";

  // S3
  /** AWS Config's general purpose bucket (resourceId = the bucket name). */
  public static final String S3_BUCKET = "AWS::S3::Bucket";
  /** AWS Config's account-level Block Public Access item (resourceId = the account id). */
  public static final String S3_ACCOUNT_PUBLIC_ACCESS_BLOCK = "AWS::S3::AccountPublicAccessBlock";

  // IAM
  public static final String IAM_POLICY = "AWS::IAM::Policy";
  public static final String IAM_USER = "AWS::IAM::User";
  public static final String IAM_GROUP = "AWS::IAM::Group";
  /** Extension: one user's credentials (resourceId = the user id, like {@link #IAM_USER}). */
  public static final String IAM_USER_CREDENTIALS = "ComplianceStreams::IAM::UserCredentials";
  /** Extension: GetAccountSummary (resourceId = the account id). */
  public static final String IAM_ACCOUNT_SUMMARY = "ComplianceStreams::IAM::AccountSummary";
  /** Extension: ListVirtualMFADevices (resourceId = the account id). */
  public static final String IAM_VIRTUAL_MFA_DEVICES = "ComplianceStreams::IAM::VirtualMFADevices";
  /** Extension: GetAccountPasswordPolicy (resourceId = the account id). */
  public static final String IAM_PASSWORD_POLICY = "ComplianceStreams::IAM::PasswordPolicy";

  // CloudTrail
  /** AWS Config's trail item (resourceId = the trail name). */
  public static final String CLOUDTRAIL_TRAIL = "AWS::CloudTrail::Trail";
  /** Extension: every trail visible in one account and region, with status and selectors. */
  public static final String CLOUDTRAIL_TRAILS = "ComplianceStreams::CloudTrail::Trails";

  // AWS Config
  /** Extension: the configuration recorders of one account and region and their status. */
  public static final String CONFIG_RECORDER_STATUS = "ComplianceStreams::Config::RecorderStatus";

  // EC2
  public static final String EC2_VOLUME = "AWS::EC2::Volume";
  public static final String EC2_VPC = "AWS::EC2::VPC";
  public static final String EC2_SECURITY_GROUP = "AWS::EC2::SecurityGroup";
  public static final String EC2_INSTANCE = "AWS::EC2::Instance";
  /** Extension, one per account and region: GetEbsEncryptionByDefault's response. */
  public static final String EC2_EBS_ENCRYPTION_BY_DEFAULT = "ComplianceStreams::EC2::EbsEncryptionByDefault";
  /** Extension, one per EBS snapshot the account owns. */
  public static final String EC2_SNAPSHOT = "ComplianceStreams::EC2::Snapshot";

  // Other services
  public static final String DMS_REPLICATION_INSTANCE = "AWS::DMS::ReplicationInstance";
  public static final String OPENSEARCH_DOMAIN = "AWS::OpenSearch::Domain";
  public static final String ELASTICSEARCH_DOMAIN = "AWS::Elasticsearch::Domain";
  public static final String SAGEMAKER_NOTEBOOK_INSTANCE = "AWS::SageMaker::NotebookInstance";
  public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
  public static final String KMS_KEY = "AWS::KMS::Key";
  /** AWS Config's detector type; recorded only when one exists. */
  public static final String GUARDDUTY_DETECTOR = "AWS::GuardDuty::Detector";
  /** Extension, one per account and region, present even with no detector. */
  public static final String GUARDDUTY_DETECTORS = "ComplianceStreams::GuardDuty::Detectors";

  private ResourceTypes() {}
}
