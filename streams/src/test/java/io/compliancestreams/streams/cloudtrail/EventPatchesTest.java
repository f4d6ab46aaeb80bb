package io.compliancestreams.streams.cloudtrail;

import static io.compliancestreams.streams.cloudtrail.PatchScenario.item;
import static io.compliancestreams.streams.cloudtrail.PatchScenario.items;
import static io.compliancestreams.streams.cloudtrail.PatchScenario.record;
import static io.compliancestreams.streams.cloudtrail.PatchScenario.replace;
import static io.compliancestreams.streams.cloudtrail.PatchScenario.statuses;
import static io.compliancestreams.streams.practices.Status.FAIL;
import static io.compliancestreams.streams.practices.Status.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each decisive call on a realistic stored item (the practices' own fixtures), judged by the real
 * practice. Events are real records; where a record names another resource than the fixture, or
 * omits the request body, its requestParameters are overridden and the test says so.
 */
class EventPatchesTest {

  private static ConfigurationItem patched(ConfigurationItem current, TrailEvent event) {
    return EventPatches.apply(current, event).orElseThrow();
  }

  @Nested
  class Envelope {

    @Test
    void shouldStampTheEventTimeAndDropTheConfigurationStateId() {
      ConfigurationItem bucket = item(10, "pass-sse-kms-default.json", "AWS::S3::Bucket");
      TrailEvent event = record("s3.amazonaws.com/DeleteBucketEncryption-1");

      ConfigurationItem after = patched(bucket, event);

      assertThat(after.captureTime()).isEqualTo(Instant.parse("2024-01-15T10:45:23Z"));
      assertThat(after.configurationStateId()).isNull();
      assertThat(after.key()).isEqualTo(bucket.key());
      assertThat(after.configuration()).isEqualTo(bucket.configuration());
      assertThat(after.tags()).isEqualTo(bucket.tags());
    }

    @Test
    void shouldNeverModifyTheCurrentItem() {
      ConfigurationItem snapshot =
          item(21, "pass-private.json", "ComplianceStreams::EC2::Snapshot");
      String before = snapshot.configuration().toString();

      patched(snapshot, record("ec2.amazonaws.com/ModifySnapshotAttribute-4"));

      assertThat(snapshot.configuration().toString()).isEqualTo(before);
    }

    @Test
    void shouldNotApplyAnEventToAnotherResourceType() {
      ConfigurationItem key = item(25, "pass-enabled-customer-key.json", "AWS::KMS::Key");

      assertThat(EventPatches.apply(key, record("s3.amazonaws.com/DeleteBucketEncryption-1")))
          .isEmpty();
    }

    @Test
    void shouldNotApplyAFailedCall() {
      ConfigurationItem bucket = item(10, "pass-sse-kms-default.json", "AWS::S3::Bucket");

      assertThat(EventPatches.apply(bucket, record("s3.amazonaws.com/DeleteBucketEncryption-4")))
          .isEmpty();
    }
  }

  @Nested
  class S3 {

    @Test
    void shouldFallBackToSseS3WhenBucketEncryptionIsDeleted() {
      ConfigurationItem bucket = item(10, "pass-sse-kms-default.json", "AWS::S3::Bucket");

      ConfigurationItem after =
          patched(bucket, record("s3.amazonaws.com/DeleteBucketEncryption-1"));

      assertThat(statuses(10, bucket)).containsExactly(PASS);
      assertThat(statuses(10, after)).containsExactly(PASS);
      assertThat(after.supplementary("ServerSideEncryptionConfiguration").toString())
          .isEqualTo("{\"rules\":[{\"applyServerSideEncryptionByDefault\":{\"sseAlgorithm\":\"AES256\"},"
              + "\"bucketKeyEnabled\":false}]}");
    }

    @Test
    void shouldPassEncryptionWhenPutBucketEncryptionCarriesARule() {
      ConfigurationItem bucket = item(10, "fail-no-encryption-rule.json", "AWS::S3::Bucket");
      // The published record omits the body; this is the body CloudTrail records for SSE-KMS.
      TrailEvent event =
          record(
              "s3.amazonaws.com/PutBucketEncryption-1",
              "{'ServerSideEncryptionConfiguration': {'xmlns':"
                  + " 'http://s3.amazonaws.com/doc/2006-03-01/', 'Rule':"
                  + " {'ApplyServerSideEncryptionByDefault': {'SSEAlgorithm': 'aws:kms',"
                  + " 'KMSMasterKeyID': 'arn:aws:kms:us-east-1:111111111111:key/k1'},"
                  + " 'BucketKeyEnabled': true}}}");

      ConfigurationItem after = patched(bucket, event);

      assertThat(statuses(10, after)).containsExactly(PASS);
      assertThat(after.supplementary("ServerSideEncryptionConfiguration").toString())
          .isEqualTo(
              "{\"rules\":[{\"applyServerSideEncryptionByDefault\":{\"sseAlgorithm\":\"aws:kms\","
                  + "\"kmsMasterKeyID\":\"arn:aws:kms:us-east-1:111111111111:key/k1\"},"
                  + "\"bucketKeyEnabled\":true}]}");
    }

    @Test
    void shouldLeavePutBucketEncryptionWithoutBodyToTheRescan() {
      ConfigurationItem bucket = item(10, "fail-no-encryption-rule.json", "AWS::S3::Bucket");

      assertThat(EventPatches.apply(bucket, record("s3.amazonaws.com/PutBucketEncryption-1")))
          .isEmpty();
    }

    @Test
    void shouldFailBucketBlockPublicAccessWhenItIsDeleted() {
      ConfigurationItem bucket = item(11, "pass-all-four-enabled.json", "AWS::S3::Bucket");

      ConfigurationItem after =
          patched(bucket, record("s3.amazonaws.com/DeleteBucketPublicAccessBlock-1"));

      assertThat(statuses(11, after)).containsExactly(FAIL);
      assertThat(after.supplementaryConfiguration())
          .doesNotContainKey("PublicAccessBlockConfiguration");
    }

    @Test
    void shouldPassBucketBlockPublicAccessWhenAllFourAreTurnedOn() {
      ConfigurationItem bucket = item(11, "fail-no-bucket-configuration.json", "AWS::S3::Bucket");

      ConfigurationItem after =
          patched(bucket, record("s3.amazonaws.com/PutBucketPublicAccessBlock-2"));

      assertThat(statuses(11, after)).containsExactly(PASS);
    }

    @Test
    void shouldFailAccountBlockPublicAccessWhenAllFourAreTurnedOff() {
      ConfigurationItem account =
          item(9, "pass-all-four-enabled.json", "AWS::S3::AccountPublicAccessBlock");

      ConfigurationItem after =
          patched(account, record("s3.amazonaws.com/PutAccountPublicAccessBlock-1"));

      assertThat(statuses(9, account)).containsExactly(PASS);
      assertThat(statuses(9, after)).containsExactly(FAIL);
      assertThat(after.configuration().toString())
          .isEqualTo(
              "{\"blockPublicAcls\":false,\"ignorePublicAcls\":false,\"blockPublicPolicy\":false,"
                  + "\"restrictPublicBuckets\":false}");
    }

    @Test
    void shouldFailAccountBlockPublicAccessWhenItIsDeleted() {
      ConfigurationItem account =
          item(9, "pass-all-four-enabled.json", "AWS::S3::AccountPublicAccessBlock");

      ConfigurationItem after =
          patched(account, record("s3.amazonaws.com/DeleteAccountPublicAccessBlock-1"));

      assertThat(statuses(9, after)).containsExactly(FAIL);
      assertThat(after.configuration().isEmpty()).isTrue();
    }
  }

  @Nested
  class CloudTrail {

    private static final String TRAILS = "ComplianceStreams::CloudTrail::Trails";

    @Test
    void shouldFailMultiRegionTrailWhenItsLoggingStops() {
      List<ConfigurationItem> all = items(12, "pass-multi-region-trail-logging.json");
      ConfigurationItem home = all.get(0); // us-east-1, the trail's home region
      TrailEvent stop =
          record("cloudtrail.amazonaws.com/StopLogging-1", "{'name': 'management-events'}");

      ConfigurationItem after = patched(home, stop);

      assertThat(statuses(12, all)).containsOnly(PASS);
      assertThat(statuses(12, replace(all, after))).containsOnly(FAIL);
      assertThat(after.configuration().at("/trailList/0/Status/IsLogging").booleanValue())
          .isFalse();
    }

    @Test
    void shouldPassMultiRegionTrailWhenLoggingStartsAgainByArn() {
      List<ConfigurationItem> all = items(12, "fail-multi-region-trail-stopped.json");
      ConfigurationItem home = all.get(0);
      // No StartLogging record was published; a StopLogging record renamed is the same shape.
      ObjectRecord start = new ObjectRecord("cloudtrail.amazonaws.com/StopLogging-1");
      start.raw.put("eventName", "StartLogging");
      start
          .raw
          .with("requestParameters")
          .put("name", "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events");

      ConfigurationItem after = patched(home, start.event());

      assertThat(statuses(12, all)).containsOnly(FAIL);
      assertThat(statuses(12, replace(all, after))).containsOnly(PASS);
    }

    @Test
    void shouldRemoveADeletedTrailFromTheRegionsTrails() {
      List<ConfigurationItem> all = items(12, "pass-multi-region-trail-logging.json");
      TrailEvent delete =
          record("cloudtrail.amazonaws.com/DeleteTrail-1", "{'name': 'management-events'}");

      List<ConfigurationItem> after = all.stream().map(i -> patched(i, delete)).toList();

      assertThat(statuses(12, after)).containsOnly(FAIL);
      assertThat(after.get(0).configuration().get("trailList")).isEmpty();
    }

    @Test
    void shouldMarkTheDeletedTrailsOwnItemDeleted() {
      ConfigurationItem trail = item(13, "pass-kms-key.json", "AWS::CloudTrail::Trail");
      TrailEvent delete =
          record("cloudtrail.amazonaws.com/DeleteTrail-1", "{'name': 'management-events'}");

      ConfigurationItem after = patched(trail, delete);

      assertThat(after.status()).isEqualTo(ItemStatus.ResourceDeleted);
      assertThat(statuses(13, after)).isEmpty();
    }

    @Test
    void shouldLeaveAnUnknownTrailToTheRescan() {
      ConfigurationItem home = items(12, "pass-multi-region-trail-logging.json").get(0);

      assertThat(home.resourceType()).isEqualTo(TRAILS);
      assertThat(EventPatches.apply(home, record("cloudtrail.amazonaws.com/StopLogging-1")))
          .isEmpty();
    }
  }

  @Nested
  class Ec2AndOthers {

    @Test
    void shouldFailSnapshotWhenGroupAllIsAdded() {
      ConfigurationItem snapshot =
          item(21, "pass-private.json", "ComplianceStreams::EC2::Snapshot");

      ConfigurationItem after =
          patched(snapshot, record("ec2.amazonaws.com/ModifySnapshotAttribute-4"));

      assertThat(statuses(21, after)).containsExactly(FAIL);
      assertThat(after.configuration().get("CreateVolumePermissions").toString())
          .isEqualTo("[{\"Group\":\"all\"}]");
    }

    @Test
    void shouldPassSnapshotWhenGroupAllIsRemoved() {
      ConfigurationItem snapshot = item(21, "fail-public.json", "ComplianceStreams::EC2::Snapshot");
      TrailEvent remove =
          record(
              "ec2.amazonaws.com/ModifySnapshotAttribute-4",
              "{'createVolumePermission': {'remove': {'items': [{'group': 'all'}]}}}");

      ConfigurationItem after = patched(snapshot, remove);

      assertThat(statuses(21, after)).containsExactly(PASS);
      assertThat(after.configuration().get("CreateVolumePermissions").toString())
          .isEqualTo("[{\"UserId\":\"444455556666\"}]");
    }

    @Test
    void shouldKeepSnapshotPrivateWhenSharedWithOneAccount() {
      ConfigurationItem snapshot =
          item(21, "pass-private.json", "ComplianceStreams::EC2::Snapshot");

      ConfigurationItem after =
          patched(snapshot, record("ec2.amazonaws.com/ModifySnapshotAttribute-1"));

      assertThat(statuses(21, after)).containsExactly(PASS);
    }

    @Test
    void shouldFailDefaultGroupWhenSshIsOpenedInTheLegacyRequestForm() {
      ConfigurationItem group =
          item(18, "pass-closed-default-group.json", "AWS::EC2::SecurityGroup");
      TrailEvent ingress =
          record(
              "ec2.amazonaws.com/AuthorizeSecurityGroupIngress-1",
              "{'groupId': 'sg-0d1c2b3a4f5e6d7c8'}");

      ConfigurationItem after = patched(group, ingress);

      assertThat(statuses(18, group)).containsExactly(PASS);
      assertThat(statuses(18, after)).containsExactly(FAIL);
      assertThat(after.configuration().get("ipPermissions").toString())
          .isEqualTo(
              "[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,"
                  + "\"ipv4Ranges\":[{\"cidrIp\":\"208.236.235.254/0\"}],"
                  + "\"ipRanges\":[\"208.236.235.254/0\"],\"ipv6Ranges\":[],\"prefixListIds\":[],"
                  + "\"userIdGroupPairs\":[]}]");
    }

    @Test
    void shouldFailDefaultGroupWhenEgressToTheInternetIsAllowed() {
      ConfigurationItem group =
          item(18, "pass-closed-default-group.json", "AWS::EC2::SecurityGroup");
      TrailEvent egress =
          record(
              "ec2.amazonaws.com/AuthorizeSecurityGroupEgress-2",
              "{'groupId': 'sg-0d1c2b3a4f5e6d7c8'}");

      ConfigurationItem after = patched(group, egress);

      assertThat(statuses(18, after)).containsExactly(FAIL);
      assertThat(after.configuration().at("/ipPermissionsEgress/0/ipv4Ranges/0/cidrIp").asText())
          .isEqualTo("0.0.0.0/0");
    }

    @Test
    void shouldNotPatchAnotherGroupThanTheRequestNames() {
      ConfigurationItem group =
          item(18, "pass-closed-default-group.json", "AWS::EC2::SecurityGroup");

      assertThat(
              EventPatches.apply(
                  group, record("ec2.amazonaws.com/AuthorizeSecurityGroupIngress-1")))
          .isEmpty();
    }

    @Test
    void shouldFailEbsDefaultEncryptionWhenDisabled() {
      ConfigurationItem setting =
          item(19, "pass-enabled.json", "ComplianceStreams::EC2::EbsEncryptionByDefault");
      // The published DisableEbsEncryptionByDefault sample has no eventTime (it is malformed);
      // this is the same call in a complete record.
      ObjectRecord disable = new ObjectRecord("ec2.amazonaws.com/CreateVolume-2");
      disable.raw.put("eventName", "DisableEbsEncryptionByDefault");
      disable.raw.set(
          "requestParameters", PatchScenario.json("{'DisableEbsEncryptionByDefaultRequest': ''}"));

      ConfigurationItem after = patched(setting, disable.event());

      assertThat(statuses(19, after)).containsExactly(FAIL);
    }

    @Test
    void shouldPassEbsDefaultEncryptionWhenEnabled() {
      ConfigurationItem setting = items(19, "fail-disabled-in-unused-region.json").get(1);
      ObjectRecord enable = new ObjectRecord("ec2.amazonaws.com/CreateVolume-2");
      enable.raw.put("eventName", "EnableEbsEncryptionByDefault");

      ConfigurationItem after = patched(setting, enable.event());

      assertThat(statuses(19, setting)).containsExactly(FAIL);
      assertThat(statuses(19, after)).containsExactly(PASS);
    }

    @Test
    void shouldFailGuardDutyWhenTheDetectorIsDeleted() {
      ConfigurationItem detectors =
          item(26, "pass-enabled-detector.json", "ComplianceStreams::GuardDuty::Detectors");
      TrailEvent delete =
          record(
              "guardduty.amazonaws.com/DeleteDetector-2",
              "{'detectorId': '12abc34d567e8fa901bc2d34e56789f0'}");

      ConfigurationItem after = patched(detectors, delete);

      assertThat(statuses(26, after)).containsExactly(FAIL);
      assertThat(after.configuration().toString())
          .isEqualTo("{\"DetectorIds\":[],\"Detectors\":[]}");
    }

    @Test
    void shouldLeaveDeleteDetectorWithoutIdToTheRescan() {
      ConfigurationItem detectors =
          item(26, "pass-enabled-detector.json", "ComplianceStreams::GuardDuty::Detectors");

      assertThat(EventPatches.apply(detectors, record("guardduty.amazonaws.com/DeleteDetector-2")))
          .isEmpty();
    }

    @Test
    void shouldFailKeyWhenDeletionIsScheduled() {
      ConfigurationItem key = item(25, "pass-enabled-customer-key.json", "AWS::KMS::Key");
      ObjectRecord schedule = new ObjectRecord("kms.amazonaws.com/DisableKey-3");
      schedule.raw.put("eventName", "ScheduleKeyDeletion");
      schedule.raw.remove("errorCode");
      schedule.raw.remove("errorMessage");
      schedule.raw.with("requestParameters").put("pendingWindowInDays", 7);

      ConfigurationItem after = patched(key, schedule.event());

      assertThat(statuses(25, after)).containsExactly(FAIL);
      assertThat(after.configuration().get("keyState").asText()).isEqualTo("PendingDeletion");
      assertThat(after.configuration().get("deletionDate").asText())
          .isEqualTo("2019-01-08T00:00:00Z");
    }

    @Test
    void shouldPassKeyWhenDeletionIsCancelledAndLeaveItDisabled() {
      ConfigurationItem key = item(25, "fail-pending-deletion.json", "AWS::KMS::Key");
      ObjectRecord cancel = new ObjectRecord("kms.amazonaws.com/DisableKey-3");
      cancel.raw.put("eventName", "CancelKeyDeletion");
      cancel.raw.remove("errorCode");
      cancel.raw.remove("errorMessage");

      ConfigurationItem after = patched(key, cancel.event());

      assertThat(statuses(25, key)).containsExactly(FAIL);
      assertThat(statuses(25, after)).containsExactly(PASS);
      assertThat(after.configuration().get("keyState").asText()).isEqualTo("Disabled");
      assertThat(after.configuration().get("enabled").booleanValue()).isFalse();
      assertThat(after.configuration().get("deletionDate").isNull()).isTrue();
    }
  }

  @Nested
  class Iam {

    private static final String SUMMARY = "ComplianceStreams::IAM::AccountSummary";

    @Test
    void shouldFailRootAccessKeyWhenRootCreatesOne() {
      ConfigurationItem summary = item(4, "pass-no-root-key.json", SUMMARY);

      ConfigurationItem after = patched(summary, record("iam.amazonaws.com/CreateAccessKey-4"));

      assertThat(statuses(4, summary)).containsExactly(PASS);
      assertThat(statuses(4, after)).containsExactly(FAIL);
      assertThat(after.configuration().at("/SummaryMap/AccountAccessKeysPresent").asInt())
          .isEqualTo(1);
    }

    @Test
    void shouldNotTouchTheSummaryWhenAnIamUserCreatesAKey() {
      ConfigurationItem summary = item(4, "pass-no-root-key.json", SUMMARY);

      assertThat(EventPatches.apply(summary, record("iam.amazonaws.com/CreateAccessKey-2")))
          .isEmpty();
    }

    @Test
    void shouldNotTouchTheSummaryWhenRootCreatesAKeyForAUser() {
      ConfigurationItem summary = item(4, "pass-no-root-key.json", SUMMARY);
      TrailEvent forUser = record("iam.amazonaws.com/CreateAccessKey-4", "{'userName': 'alice'}");

      assertThat(EventPatches.apply(summary, forUser)).isEmpty();
    }

    @Test
    void shouldLeaveRootKeyDeletionToTheRescanWhileAKeyIsPresent() {
      ConfigurationItem summary = item(4, "fail-root-key-present.json", SUMMARY);
      ObjectRecord delete = new ObjectRecord("iam.amazonaws.com/CreateAccessKey-4");
      delete.raw.put("eventName", "DeleteAccessKey");
      delete.raw.set("requestParameters", PatchScenario.json("{'accessKeyId': 'AKIAROOT'}"));

      assertThat(EventPatches.apply(summary, delete.event())).isEmpty();
    }

    @Test
    void shouldPassPasswordPolicyWhenAStrongOneIsSet() {
      ConfigurationItem policy =
          item(7, "fail-no-policy.json", "ComplianceStreams::IAM::PasswordPolicy");
      ObjectRecord update = new ObjectRecord("iam.amazonaws.com/CreateUser-4");
      update.raw.put("eventName", "UpdateAccountPasswordPolicy");
      update.raw.set(
          "requestParameters",
          PatchScenario.json(
              "{'minimumPasswordLength': 14, 'requireSymbols': true, 'requireNumbers': true,"
                  + " 'requireUppercaseCharacters': true, 'requireLowercaseCharacters': true,"
                  + " 'allowUsersToChangePassword': true, 'maxPasswordAge': 90,"
                  + " 'passwordReusePrevention': 24}"));
      update.raw.putNull("responseElements");

      ConfigurationItem after = patched(policy, update.event());

      assertThat(statuses(7, policy)).containsExactly(FAIL);
      assertThat(statuses(7, after)).containsExactly(PASS);
      assertThat(after.configuration().toString())
          .isEqualTo(
              "{\"PasswordPolicy\":{\"MinimumPasswordLength\":14,\"RequireSymbols\":true,"
                  + "\"RequireNumbers\":true,\"RequireUppercaseCharacters\":true,"
                  + "\"RequireLowercaseCharacters\":true,\"AllowUsersToChangePassword\":true,"
                  + "\"ExpirePasswords\":true,\"MaxPasswordAge\":90,"
                  + "\"PasswordReusePrevention\":24,\"HardExpiry\":false}}");
    }

    @Test
    void shouldFailPasswordPolicyWhenOmittedParametersFallBackToDefaults() {
      ConfigurationItem policy =
          item(7, "pass-strong-policy.json", "ComplianceStreams::IAM::PasswordPolicy");
      ObjectRecord update = new ObjectRecord("iam.amazonaws.com/CreateUser-4");
      update.raw.put("eventName", "UpdateAccountPasswordPolicy");
      update.raw.set("requestParameters", PatchScenario.json("{'minimumPasswordLength': 14}"));

      ConfigurationItem after = patched(policy, update.event());

      assertThat(statuses(7, after)).containsExactly(FAIL);
    }

    @Test
    void shouldFailUserWhenAManagedPolicyIsAttached() {
      ConfigurationItem user = item(2, "pass-groups-and-boundary.json", "AWS::IAM::User");
      TrailEvent attach =
          record("iam.amazonaws.com/AttachUserPolicy-1", "{'userName': 'maria.garcia'}");

      ConfigurationItem after = patched(user, attach);

      assertThat(statuses(2, user)).containsExactly(PASS);
      assertThat(statuses(2, after)).containsExactly(FAIL);
      assertThat(after.configuration().get("attachedManagedPolicies").toString())
          .isEqualTo(
              "[{\"policyName\":\"AdministratorAccess\","
                  + "\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}]");
    }

    @Test
    void shouldFailUserWhenAnInlinePolicyIsPutAndStoreItUrlEncoded() {
      ConfigurationItem user = item(2, "pass-groups-and-boundary.json", "AWS::IAM::User");
      TrailEvent put = record("iam.amazonaws.com/PutUserPolicy-1", "{'userName': 'maria.garcia'}");

      ConfigurationItem after = patched(user, put);

      assertThat(statuses(2, after)).containsExactly(FAIL);
      String stored = after.configuration().at("/userPolicyList/0/policyDocument").asText();
      assertThat(stored).doesNotContain("+").startsWith("%7B%0A%09%22Version%22%3A%20");
      assertThat(URLDecoder.decode(stored, StandardCharsets.UTF_8))
          .isEqualTo(put.requestParameters().get("policyDocument").asText());
    }

    @Test
    void shouldNotPatchAnotherUserThanTheRequestNames() {
      ConfigurationItem user = item(2, "pass-groups-and-boundary.json", "AWS::IAM::User");

      assertThat(EventPatches.apply(user, record("iam.amazonaws.com/AttachUserPolicy-1")))
          .isEmpty();
    }

    @Test
    void shouldFailPolicyWhenAFullAdminVersionBecomesTheDefault() {
      ConfigurationItem policy = item(1, "pass-scoped-default-version.json", "AWS::IAM::Policy");
      ObjectRecord create = new ObjectRecord("iam.amazonaws.com/PutUserPolicy-1");
      create.raw.put("eventName", "CreatePolicyVersion");
      create.raw.set(
          "requestParameters",
          PatchScenario.json(
              "{'policyArn': 'arn:aws:iam::111122223333:policy/ReportsReadOnly',"
                  + " 'setAsDefault': true, 'policyDocument':"
                  + " '{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':[{\\'Effect\\':\\'Allow\\',"
                  + "\\'Action\\':\\'*\\',\\'Resource\\':\\'*\\'}]}'}"));

      ConfigurationItem after = patched(policy, create.event());

      assertThat(statuses(1, policy)).containsExactly(PASS);
      assertThat(statuses(1, after)).containsExactly(FAIL);
      assertThat(after.configuration().get("defaultVersionId").asText()).isEqualTo("v3");
    }

    @Test
    void shouldLeaveANonDefaultPolicyVersionToTheRescan() {
      ConfigurationItem policy = item(1, "pass-scoped-default-version.json", "AWS::IAM::Policy");
      ObjectRecord create = new ObjectRecord("iam.amazonaws.com/PutUserPolicy-1");
      create.raw.put("eventName", "CreatePolicyVersion");
      create.raw.set(
          "requestParameters",
          PatchScenario.json(
              "{'policyArn': 'arn:aws:iam::111122223333:policy/ReportsReadOnly',"
                  + " 'policyDocument': '{}'}"));

      assertThat(EventPatches.apply(policy, create.event())).isEmpty();
    }
  }

  /** A real record to adapt into a call no public sample shows. */
  private static final class ObjectRecord {
    final com.fasterxml.jackson.databind.node.ObjectNode raw;

    ObjectRecord(String name) {
      raw = TrailRecords.json("records/" + name + ".json").deepCopy();
    }

    TrailEvent event() {
      return TrailEvents.fromRecord(raw);
    }
  }
}
