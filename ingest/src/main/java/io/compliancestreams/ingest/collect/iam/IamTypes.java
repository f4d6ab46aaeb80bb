package io.compliancestreams.ingest.collect.iam;

import io.compliancestreams.schemas.contract.ResourceTypes;

/** The snapshot types the IAM collectors produce (AWS Config types and our extension types). */
final class IamTypes {

  static final String POLICY = ResourceTypes.IAM_POLICY;
  static final String USER = ResourceTypes.IAM_USER;
  static final String USER_CREDENTIALS = ResourceTypes.IAM_USER_CREDENTIALS;
  static final String ACCOUNT_SUMMARY = ResourceTypes.IAM_ACCOUNT_SUMMARY;
  static final String VIRTUAL_MFA_DEVICES = ResourceTypes.IAM_VIRTUAL_MFA_DEVICES;
  static final String PASSWORD_POLICY = ResourceTypes.IAM_PASSWORD_POLICY;
  static final String GROUP = ResourceTypes.IAM_GROUP;

  private IamTypes() {}
}
