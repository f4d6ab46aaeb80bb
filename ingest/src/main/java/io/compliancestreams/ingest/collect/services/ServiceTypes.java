package io.compliancestreams.ingest.collect.services;

import io.compliancestreams.schemas.contract.ResourceTypes;

/**
 * The snapshot types these collectors produce: short aliases of the contract's {@link
 * ResourceTypes}. Public because every service sub-package uses them.
 */
public final class ServiceTypes {

  public static final String EC2_VOLUME = ResourceTypes.EC2_VOLUME;
  public static final String EC2_VPC = ResourceTypes.EC2_VPC;
  public static final String EC2_SECURITY_GROUP = ResourceTypes.EC2_SECURITY_GROUP;
  public static final String EC2_INSTANCE = ResourceTypes.EC2_INSTANCE;
  /** Extension, one per account and region. */
  public static final String EBS_ENCRYPTION_BY_DEFAULT = ResourceTypes.EC2_EBS_ENCRYPTION_BY_DEFAULT;
  /** Extension, one per EBS snapshot the account owns. */
  public static final String EC2_SNAPSHOT = ResourceTypes.EC2_SNAPSHOT;
  /** The supplementaryConfiguration key of a VPC item holding its DescribeFlowLogs entries. */
  public static final String FLOW_LOGS_SUPPLEMENTARY = "FlowLogs";

  public static final String DMS_REPLICATION_INSTANCE = ResourceTypes.DMS_REPLICATION_INSTANCE;
  public static final String OPENSEARCH_DOMAIN = ResourceTypes.OPENSEARCH_DOMAIN;
  public static final String ELASTICSEARCH_DOMAIN = ResourceTypes.ELASTICSEARCH_DOMAIN;
  public static final String SAGEMAKER_NOTEBOOK_INSTANCE = ResourceTypes.SAGEMAKER_NOTEBOOK_INSTANCE;
  public static final String LAMBDA_FUNCTION = ResourceTypes.LAMBDA_FUNCTION;
  public static final String KMS_KEY = ResourceTypes.KMS_KEY;
  /** Extension, one per account and region, present even with no detector. */
  public static final String GUARDDUTY_DETECTORS = ResourceTypes.GUARDDUTY_DETECTORS;

  private ServiceTypes() {}
}
