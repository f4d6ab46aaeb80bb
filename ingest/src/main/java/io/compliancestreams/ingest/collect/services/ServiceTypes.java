package io.compliancestreams.ingest.collect.services;


/**
 * The snapshot types these collectors produce: short aliases of the contract's {@link
 * ResourceTypes}. Public because every service sub-package uses them.
 */
public final class ServiceTypes {

  /** The supplementaryConfiguration key of a VPC item holding its DescribeFlowLogs entries. */
  public static final String FLOW_LOGS_SUPPLEMENTARY = "FlowLogs";


  private ServiceTypes() {}
}
