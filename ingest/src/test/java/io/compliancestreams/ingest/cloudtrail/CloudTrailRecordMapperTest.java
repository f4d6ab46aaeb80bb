package io.compliancestreams.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloudTrailRecordMapperTest {

  @Test
  void shouldMapEveryLiftedFieldOfARecordedEvent() throws Exception {
    JsonNode record = Fixtures.record("ec2.amazonaws.com/AuthorizeSecurityGroupIngress-1.json");

    CloudTrailEvent event = CloudTrailRecordMapper.map(record);

    assertThat(event.getEventId()).isEqualTo("9fd68588-ecbf-4528-a345-199fa6bb0821");
    assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-08-01T12:23:55Z"));
    assertThat(event.getEventSource()).isEqualTo("ec2.amazonaws.com");
    assertThat(event.getEventName()).isEqualTo("AuthorizeSecurityGroupIngress");
    assertThat(event.getAwsRegion()).isEqualTo("us-northeast-1r");
    assertThat(event.getRecipientAccountId()).isEqualTo("032092706103");
    assertThat(event.getUserIdentity().getType()).isEqualTo("IAMUser");
    assertThat(event.getUserIdentity().getArn()).isEqualTo("arn:aws:iam::032092706103:user/christophe");
    assertThat(event.getUserIdentity().getUserName()).isEqualTo("christophe");
    assertThat(event.getUserIdentity().getAccountId()).isEqualTo("032092706103");
    assertThat(event.getUserIdentity().getPrincipalId()).isEqualTo("AIDAQ5Y2TGCDATQV6SRP");
    assertThat(event.getSourceIPAddress()).isEqualTo("253.243.215.253");
    assertThat(event.getReadOnly()).isFalse();
    assertThat(event.getErrorCode()).isNull();
    assertThat(Fixtures.JSON.readTree(event.getRequestParameters()))
        .isEqualTo(record.get("requestParameters"));
    assertThat(Fixtures.JSON.readTree(event.getResponseElements()).path("securityGroupRuleSet").path("items")
        .get(0).path("securityGroupRuleId").asText()).isEqualTo("sgr-09b3e3d2ca1edf2a2");
    assertThat(Fixtures.JSON.readTree(event.getRawRecord())).isEqualTo(record);
    assertThat(Publisher.eventKey(event)).isEqualTo("032092706103/us-northeast-1r");
  }

  @Test
  void shouldTreatNullResponseElementsAsAbsent() {
    CloudTrailEvent event = CloudTrailRecordMapper.map(Fixtures.record("s3.amazonaws.com/PutBucketEncryption-1.json"));

    assertThat(event.getResponseElements()).isNull();
    assertThat(event.getRequestParameters()).contains("\"bucketName\":\"sensitive-data-bucket\"");
    assertThat(event.getUserIdentity().getType()).isEqualTo("AssumedRole");
  }

  @Test
  void shouldFallBackToTheCallersAccountWhenRecipientAccountIdIsMissing() throws Exception {
    // eventVersion 1.03 records have no recipientAccountId.
    CloudTrailEvent event = CloudTrailRecordMapper.map(Fixtures.record("s3.amazonaws.com/CreateBucket-1.json"));

    assertThat(event.getRecipientAccountId()).isEqualTo("619193117841");
    assertThat(event.getReadOnly()).isNull();
    assertThat(event.getEventTime()).isEqualTo(Instant.parse("2016-06-04T12:19:03Z"));
  }

  @Test
  void shouldReadTheSpacedUtcTimeOfLakeExports() {
    ObjectNode record = (ObjectNode) Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
    record.put("eventTime", "2024-11-25 17:51:21.000000000");

    assertThat(CloudTrailRecordMapper.map(record).getEventTime()).isEqualTo(Instant.parse("2024-11-25T17:51:21Z"));

    record.put("eventTime", "2024-11-25 17:51:21");
    assertThat(CloudTrailRecordMapper.map(record).getEventTime()).isEqualTo(Instant.parse("2024-11-25T17:51:21Z"));
  }

  @Test
  void shouldMapResourcesAndStringFlags() {
    ObjectNode record = (ObjectNode) Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
    record.put("readOnly", "true");
    record.putArray("resources").addObject()
        .put("ARN", "arn:aws:kms:us-east-1:111122223333:key/abc").put("accountId", "111122223333")
        .put("type", "AWS::KMS::Key");

    CloudTrailEvent event = CloudTrailRecordMapper.map(record);

    assertThat(event.getReadOnly()).isTrue();
    assertThat(event.getResources()).containsExactly(EventResource.newBuilder()
        .setType("AWS::KMS::Key").setArn("arn:aws:kms:us-east-1:111122223333:key/abc")
        .setAccountId("111122223333").build());
  }

  @Test
  void shouldNameTheMissingField() {
    for (String field : new String[] {"eventName", "eventSource", "eventTime"}) {
      ObjectNode record = (ObjectNode) Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
      record.remove(field);

      assertThatThrownBy(() -> CloudTrailRecordMapper.map(record))
          .isInstanceOfSatisfying(MalformedRecordException.class, e -> assertThat(e.field()).isEqualTo(field))
          .hasMessage(field + ": is missing");
    }
  }

  @Test
  void shouldRejectAnUnreadableEventTimeAndParametersThatAreNotJson() {
    ObjectNode badTime = (ObjectNode) Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
    badTime.put("eventTime", "yesterday");
    ObjectNode badParameters = (ObjectNode) Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
    badParameters.put("requestParameters", "{not json");

    assertThatThrownBy(() -> CloudTrailRecordMapper.map(badTime))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> assertThat(e.field()).isEqualTo("eventTime"));
    assertThatThrownBy(() -> CloudTrailRecordMapper.map(badParameters))
        .isInstanceOfSatisfying(MalformedRecordException.class,
            e -> assertThat(e.field()).isEqualTo("requestParameters"));
  }
}
