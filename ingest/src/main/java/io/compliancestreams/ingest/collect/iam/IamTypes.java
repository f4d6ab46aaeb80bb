package io.compliancestreams.ingest.collect.iam;

/** The snapshot types the IAM collectors produce (AWS Config types and our extension types). */
final class IamTypes {

  static final String POLICY = "AWS::IAM::Policy";
  static final String USER = "AWS::IAM::User";
  static final String USER_CREDENTIALS = "ComplianceStreams::IAM::UserCredentials";
  static final String ACCOUNT_SUMMARY = "ComplianceStreams::IAM::AccountSummary";
  static final String VIRTUAL_MFA_DEVICES = "ComplianceStreams::IAM::VirtualMFADevices";
  static final String PASSWORD_POLICY = "ComplianceStreams::IAM::PasswordPolicy";
  static final String GROUP = "AWS::IAM::Group";

  private IamTypes() {}
}
