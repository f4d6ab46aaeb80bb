package io.compliancestreams.streams.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventRouterTest {

  private final EventRouter router = new EventRouter(PracticeCatalogue.all());

  @Test
  void shouldMakeRootKeyCreationDecisiveForTheAccountSummaryOfPractices4And6() {
    List<EventTarget> targets =
        router.route(TrailRecords.event("iam.amazonaws.com/CreateAccessKey-4"));

    assertThat(targets)
        .contains(
            new EventTarget(
                "ComplianceStreams::IAM::AccountSummary",
                "123456789012",
                "global",
                "123456789012",
                IdentifierKind.ID,
                true,
                Set.of(4, 6),
                "CreateAccessKey"));
  }

  @Test
  void shouldRescanOnlyTheUsersCredentialsWhenAnIamUserCreatesAKey() {
    List<EventTarget> targets =
        router.route(TrailRecords.event("iam.amazonaws.com/CreateAccessKey-2"));

    assertThat(targets)
        .containsExactly(
            new EventTarget(
                "ComplianceStreams::IAM::UserCredentials",
                "946986569305",
                "global",
                "stratus-red-team-backdoor-u-user",
                IdentifierKind.NAME,
                false,
                Set.of(3, 8),
                "CreateAccessKey"));
  }

  @Test
  void shouldUseTheCallersOwnUserWhenTheRequestNamesNone() {
    List<EventTarget> targets =
        router.route(TrailRecords.event("iam.amazonaws.com/DeleteAccessKey-2"));

    assertThat(targets)
        .containsExactly(
            new EventTarget(
                "ComplianceStreams::IAM::UserCredentials",
                "999999999999",
                "global",
                "test@test.com",
                IdentifierKind.NAME,
                false,
                Set.of(3, 8),
                "DeleteAccessKey"));
  }

  @Test
  void shouldMergeTriggersOfSeveralPracticesOnTheSameBucket() {
    List<EventTarget> targets = router.route(TrailRecords.event("s3.amazonaws.com/CreateBucket-2"));

    assertThat(targets)
        .containsExactly(
            new EventTarget(
                "AWS::S3::Bucket",
                "101010101111",
                "us-east-1",
                "cwe-test",
                IdentifierKind.NAME,
                false,
                Set.of(10, 11),
                "CreateBucket"));
  }

  @Test
  void shouldKeyTheAccountBlockPublicAccessGlobally() {
    List<EventTarget> targets =
        router.route(TrailRecords.event("s3.amazonaws.com/DeleteAccountPublicAccessBlock-1"));

    assertThat(targets)
        .containsExactly(
            new EventTarget(
                "AWS::S3::AccountPublicAccessBlock",
                "123456789123",
                "global",
                "123456789123",
                IdentifierKind.ID,
                true,
                Set.of(9),
                "DeleteAccountPublicAccessBlock"));
  }

  @Test
  void shouldGiveTheTrailArnFromTheRequestAsAnArn() {
    List<EventTarget> targets =
        router.route(TrailRecords.event("cloudtrail.amazonaws.com/CreateTrail-2"));

    assertThat(targets)
        .contains(
            new EventTarget(
                "AWS::CloudTrail::Trail",
                "123456789012",
                "us-west-2",
                "arn:aws:cloudtrail:us-west-2:123456789012:trail/example-trail",
                IdentifierKind.ARN,
                false,
                Set.of(13, 14),
                "CreateTrail"),
            new EventTarget(
                "ComplianceStreams::CloudTrail::Trails",
                "123456789012",
                "us-west-2",
                "123456789012",
                IdentifierKind.ID,
                false,
                Set.of(12),
                "CreateTrail"));
  }

  @Test
  void shouldAskForAScopeLevelRescanWhenTheEventNamesNoResource() {
    List<EventTarget> targets =
        router.route(TrailRecords.event("ec2.amazonaws.com/DeleteFlowLogs-1"));

    assertThat(targets)
        .containsExactly(
            new EventTarget(
                "AWS::EC2::VPC",
                "498376118699",
                "megov-south-1r",
                null,
                IdentifierKind.ID,
                false,
                Set.of(17),
                "DeleteFlowLogs"));
    assertThat(targets.get(0).scopeLevel()).isTrue();
  }

  @Test
  void shouldCollectEveryValueOfAPathThroughArrays() {
    ObjectNode raw = TrailRecords.json("records/ec2.amazonaws.com/DeleteVpc-1.json").deepCopy();
    raw.put("eventName", "AttachVolume");
    raw.set("requestParameters", PatchScenario.json("{'volumeId': ['vol-1', 'vol-2', 'vol-1']}"));

    List<EventTarget> targets = router.route(TrailEvents.fromRecord(raw));

    assertThat(targets).extracting(EventTarget::identifier).containsExactly("vol-1", "vol-2");
  }

  @Test
  void shouldRouteAnIgnoredEventToNothing() {
    assertThat(router.route(TrailRecords.event("s3.amazonaws.com/DeleteBucketEncryption-4")))
        .isEmpty();
  }

  @Test
  void shouldRouteAnEventNoPracticeListensToToNothing() {
    assertThat(router.route(TrailRecords.event("s3express.amazonaws.com/CreateBucket-1")))
        .isEmpty();
  }

  @Test
  void shouldReadNestedPathsThroughArraysInJsonPaths() {
    var node =
        PatchScenario.json("{'items': [{'groupId': 'sg-1'}, {'groupId': 'sg-2'}, {'other': 1}]}");

    assertThat(JsonPaths.values(node, "items.groupId")).containsExactly("sg-1", "sg-2");
    assertThat(JsonPaths.values(node, "items.missing")).isEmpty();
  }
}
