package io.compliancestreams.streams.cloudtrail;

import static io.compliancestreams.streams.cloudtrail.PatchScenario.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.avro.UserIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailEventsTest {

  @Test
  void shouldReadEveryFieldOfARawRecord() {
    TrailEvent e = TrailRecords.event("kms.amazonaws.com/DisableKey-3");

    assertThat(e.eventId()).isEqualTo("1");
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
    assertThat(e.eventSource()).isEqualTo("kms.amazonaws.com");
    assertThat(e.eventName()).isEqualTo("DisableKey");
    assertThat(e.awsRegion()).isEqualTo("us-west-2");
    assertThat(e.recipientAccountId()).isEqualTo("123456789012");
    assertThat(e.userIdentity().type()).isEqualTo("AssumedRole");
    assertThat(e.readOnly()).isFalse();
    assertThat(e.errorCode()).isEqualTo("NotFoundException");
    assertThat(e.requestParameters().get("keyId").asText()).isEqualTo("1");
    assertThat(e.responseElements().isMissingNode()).isTrue();
    assertThat(e.resources())
        .containsExactly(
            new TrailEvent.Resource(
                "AWS::KMS::Key", "arn:aws:kms:us-west-2:123456789012:key/1", "123456789012"));
  }

  @Test
  void shouldFallBackToTheCallersAccountWithoutRecipientAccountId() {
    TrailEvent e = TrailRecords.event("s3.amazonaws.com/CreateBucket-1");

    assertThat(e.recipientAccountId()).isEqualTo(e.userIdentity().accountId()).isNotNull();
    assertThat(e.readOnly()).isNull();
  }

  @Test
  void shouldReadNullRequestParametersAsMissing() {
    TrailEvent e = TrailRecords.event("iam.amazonaws.com/CreateAccessKey-4");

    assertThat(e.requestParameters().isMissingNode()).isTrue();
    assertThat(e.userIdentity().type()).isEqualTo("Root");
  }

  @Test
  void shouldReadResponseElementsGivenAsTheText_null() {
    TrailEvent e = TrailRecords.event("cloudtrail.amazonaws.com/DeleteTrail-3");

    assertThat(e.responseElements().isMissingNode()).isTrue();
  }

  @Test
  void shouldReadASpaceSeparatedEventTimeAsUtc() {
    TrailEvent e = TrailRecords.event("cloudtrail.amazonaws.com/PutEventSelectors-2");

    assertThat(e.eventTime()).isEqualTo(Instant.parse("2024-11-25T17:51:21Z"));
  }

  @Test
  void shouldNameTheMissingEventTime() {
    assertThatThrownBy(
            () -> TrailRecords.event("ec2.amazonaws.com/DisableEbsEncryptionByDefault-1"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("eventTime: is missing");
  }

  @Test
  void shouldNameTheMissingEventName() {
    ObjectNode raw = TrailRecords.json("records/kms.amazonaws.com/DisableKey-3.json").deepCopy();
    raw.remove("eventName");

    assertThatThrownBy(() -> TrailEvents.fromRecord(raw))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("eventName: is missing");
  }

  @Test
  void shouldNameRequestParametersThatAreNotJson() {
    ObjectNode raw = TrailRecords.json("records/kms.amazonaws.com/DisableKey-3.json").deepCopy();
    raw.put("requestParameters", "{not json");

    assertThatThrownBy(() -> TrailEvents.fromRecord(raw))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("requestParameters: is not JSON")
        .extracting(ex -> ((MalformedEventException) ex).field())
        .isEqualTo("requestParameters");
  }

  @Test
  void shouldReadTheAvroContract() {
    CloudTrailEvent avro = avro("{\"bucketName\":\"b1\"}");

    TrailEvent e = TrailEvents.fromAvro(avro);

    assertThat(e)
        .isEqualTo(
            new TrailEvent(
                "id-1",
                Instant.parse("2024-01-15T10:45:23Z"),
                "s3.amazonaws.com",
                "DeleteBucketEncryption",
                "us-east-1",
                "111111111111",
                new TrailEvent.UserIdentity(
                    "IAMUser",
                    "arn:aws:iam::111111111111:user/bob",
                    "bob",
                    "111111111111",
                    "AIDABOB",
                    null),
                "1.2.3.4",
                false,
                null,
                json("{'bucketName': 'b1'}"),
                null,
                List.of(
                    new TrailEvent.Resource(
                        "AWS::S3::Bucket", "arn:aws:s3:::b1", "111111111111")),
                null));
  }

  @Test
  void shouldNameAvroResponseElementsThatAreNotJson() {
    CloudTrailEvent avro = avro(null);
    avro.setResponseElements("<xml/>");

    assertThatThrownBy(() -> TrailEvents.fromAvro(avro))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("responseElements: is not JSON");
  }

  private static CloudTrailEvent avro(String request) {
    return CloudTrailEvent.newBuilder()
        .setEventId("id-1")
        .setEventTime(Instant.parse("2024-01-15T10:45:23Z"))
        .setEventSource("s3.amazonaws.com")
        .setEventName("DeleteBucketEncryption")
        .setAwsRegion("us-east-1")
        .setRecipientAccountId("111111111111")
        .setUserIdentity(
            UserIdentity.newBuilder()
                .setType("IAMUser")
                .setArn("arn:aws:iam::111111111111:user/bob")
                .setUserName("bob")
                .setAccountId("111111111111")
                .setPrincipalId("AIDABOB")
                .build())
        .setSourceIPAddress("1.2.3.4")
        .setReadOnly(false)
        .setRequestParameters(request)
        .setResources(
            List.of(
                EventResource.newBuilder()
                    .setType("AWS::S3::Bucket")
                    .setArn("arn:aws:s3:::b1")
                    .setAccountId("111111111111")
                    .build()))
        .setRawRecord("{}")
        .build();
  }
}
