package io.compliancestreams.streams.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ec2.Ec2Types;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a decisive call to the stored snapshot it targets, so the practice can be re-evaluated
 * before the rescan lands. Pure: the current item is never modified.
 */
public final class EventPatches {

  private static final String KMS_KEY = ResourceTypes.KMS_KEY;
  private static final String S3 = "s3.amazonaws.com";
  private static final String CT = "cloudtrail.amazonaws.com";
  private static final String EC2 = "ec2.amazonaws.com";
  private static final String IAM = "iam.amazonaws.com";
  // The account-level Block Public Access calls are S3 Control operations; CloudTrail has
  // recorded them under both sources.
  private static final Set<String> S3_ACCOUNT = Set.of(S3, "s3control.amazonaws.com");

  /** A patch for one (event, snapshot type), limited to the sources that emit the event. */
  private record Entry(Set<String> sources, Patch patch) {}

  private static final Map<String, Entry> PATCHES =
      Map.ofEntries(
          entry(S3, "PutBucketEncryption", ResourceTypes.S3_BUCKET, S3Patches::putBucketEncryption),
          entry(S3, "DeleteBucketEncryption", ResourceTypes.S3_BUCKET, S3Patches::deleteBucketEncryption),
          entry(
              S3,
              "PutBucketPublicAccessBlock",
              ResourceTypes.S3_BUCKET,
              S3Patches::putBucketPublicAccessBlock),
          entry(
              S3,
              "DeleteBucketPublicAccessBlock",
              ResourceTypes.S3_BUCKET,
              S3Patches::deleteBucketPublicAccessBlock),
          entry(
              S3_ACCOUNT,
              "PutAccountPublicAccessBlock",
              ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
              S3Patches::putAccountPublicAccessBlock),
          entry(
              S3_ACCOUNT,
              "DeleteAccountPublicAccessBlock",
              ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
              S3Patches::deleteAccountPublicAccessBlock),
          entry(CT, "StopLogging", ResourceTypes.CLOUDTRAIL_TRAILS, TrailPatches.logging(false)),
          entry(CT, "StartLogging", ResourceTypes.CLOUDTRAIL_TRAILS, TrailPatches.logging(true)),
          entry(CT, "DeleteTrail", ResourceTypes.CLOUDTRAIL_TRAILS, TrailPatches::deleteFromTrails),
          entry(CT, "DeleteTrail", ResourceTypes.CLOUDTRAIL_TRAIL, TrailPatches::deleteTrail),
          entry(
              "guardduty.amazonaws.com",
              "DeleteDetector",
              ResourceTypes.GUARDDUTY_DETECTORS,
              GuardDutyPatches::deleteDetector),
          entry(
              EC2,
              "ModifySnapshotAttribute",
              ResourceTypes.EC2_SNAPSHOT,
              Ec2Patches::modifySnapshotAttribute),
          entry(
              EC2,
              "AuthorizeSecurityGroupIngress",
              ResourceTypes.EC2_SECURITY_GROUP,
              Ec2Patches.authorize("ipPermissions")),
          entry(
              EC2,
              "AuthorizeSecurityGroupEgress",
              ResourceTypes.EC2_SECURITY_GROUP,
              Ec2Patches.authorize("ipPermissionsEgress")),
          entry(
              EC2,
              "EnableEbsEncryptionByDefault",
              Ec2Types.EBS_ENCRYPTION_BY_DEFAULT,
              Ec2Patches.ebsEncryptionByDefault(true)),
          entry(
              EC2,
              "DisableEbsEncryptionByDefault",
              Ec2Types.EBS_ENCRYPTION_BY_DEFAULT,
              Ec2Patches.ebsEncryptionByDefault(false)),
          entry(
              "kms.amazonaws.com", "ScheduleKeyDeletion", KMS_KEY, KmsPatches::scheduleKeyDeletion),
          entry("kms.amazonaws.com", "CancelKeyDeletion", KMS_KEY, KmsPatches::cancelKeyDeletion),
          entry(IAM, "CreateAccessKey", ResourceTypes.IAM_ACCOUNT_SUMMARY, IamPatches::rootCreateAccessKey),
          entry(IAM, "DeleteAccessKey", ResourceTypes.IAM_ACCOUNT_SUMMARY, IamPatches::rootDeleteAccessKey),
          entry(
              IAM,
              "UpdateAccountPasswordPolicy",
              ResourceTypes.IAM_PASSWORD_POLICY,
              IamPatches::updatePasswordPolicy),
          entry(IAM, "AttachUserPolicy", ResourceTypes.IAM_USER, IamPatches::attachUserPolicy),
          entry(IAM, "PutUserPolicy", ResourceTypes.IAM_USER, IamPatches::putUserPolicy),
          entry(IAM, "CreatePolicyVersion", ResourceTypes.IAM_POLICY, IamPatches::createPolicyVersion));

  private EventPatches() {}

  /**
   * The item after this event, or empty when the event does not decide this item's new state from
   * its request alone (a failed or read-only call, another snapshot type, a request without the
   * needed fields): then only the rescan can tell.
   */
  public static Optional<ConfigurationItem> apply(ConfigurationItem current, TrailEvent event) {
    if (EventRelevance.ignoredBecause(event).isPresent()) {
      return Optional.empty();
    }
    Entry entry = PATCHES.get(key(event.eventName(), current.resourceType()));
    if (entry == null || !entry.sources().contains(event.eventSource())) {
      return Optional.empty();
    }
    return entry.patch().apply(current, event);
  }

  /**
   * True when a decisive call ({@code source}, {@code eventName}) has a patch for snapshots of
   * {@code resourceType}: every decisive trigger a practice declares needs one, or its decisive
   * event would wait for the rescan like any other (EventPatchCoverageTest).
   */
  public static boolean patches(String source, String eventName, String resourceType) {
    Entry entry = PATCHES.get(key(eventName, resourceType));
    return entry != null && entry.sources().contains(source);
  }

  private static Map.Entry<String, Entry> entry(
      String source, String eventName, String resourceType, Patch patch) {
    return entry(Set.of(source), eventName, resourceType, patch);
  }

  private static Map.Entry<String, Entry> entry(
      Set<String> sources, String eventName, String resourceType, Patch patch) {
    return Map.entry(key(eventName, resourceType), new Entry(sources, patch));
  }

  private static String key(String eventName, String resourceType) {
    return eventName + "|" + resourceType;
  }
}
