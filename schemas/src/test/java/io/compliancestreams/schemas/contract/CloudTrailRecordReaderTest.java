package io.compliancestreams.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloudTrailRecordReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsARecordAsCloudTrailWritesIt() throws Exception {
    CloudTrailRecordFields r = CloudTrailRecordReader.read(JSON.readTree("""
        {"eventVersion":"1.09","eventID":"e-1","eventTime":"2024-06-01T12:00:00Z",
         "eventSource":"s3.amazonaws.com","eventName":"PutBucketEncryption","awsRegion":"eu-west-1",
         "recipientAccountId":"111122223333","sourceIPAddress":"203.0.113.9","userAgent":"aws-cli/2",
         "readOnly":"false","errorCode":null,
         "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/ops/me",
           "accountId":"111122223333","principalId":"AROA:me",
           "sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::111122223333:role/ops"}}},
         "requestParameters":{"bucketName":"logs"},"responseElements":null,
         "resources":[{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::logs","accountId":"111122223333"}]}
        """));

    assertThat(r.eventId()).isEqualTo("e-1");
    assertThat(r.eventTime()).isEqualTo(Instant.parse("2024-06-01T12:00:00Z"));
    assertThat(r.account()).isEqualTo("111122223333");
    assertThat(r.readOnly()).isFalse();
    assertThat(r.userIdentity().sessionIssuerArn()).isEqualTo("arn:aws:iam::111122223333:role/ops");
    assertThat(r.requestParameters().get("bucketName").asText()).isEqualTo("logs");
    assertThat(r.responseElements().isMissingNode()).isTrue();
    assertThat(r.resources()).singleElement().extracting(CloudTrailRecordFields.Resource::arn)
        .isEqualTo("arn:aws:s3:::logs");
    assertThat(r.userAgent()).isEqualTo("aws-cli/2");
  }

  @Test
  void readsExportShapes() throws Exception {
    CloudTrailRecordFields r = CloudTrailRecordReader.read(JSON.readTree("""
        {"eventTime":"2024-11-25 17:51:21.000000000","eventSource":"iam.amazonaws.com",
         "eventName":"CreateUser","requestParameters":"{\\"userName\\":\\"x\\"}",
         "userIdentity":{"accountId":"444455556666"}}
        """));

    assertThat(r.eventTime()).isEqualTo(Instant.parse("2024-11-25T17:51:21Z"));
    assertThat(r.requestParameters().get("userName").asText()).isEqualTo("x");
    assertThat(r.account()).as("the caller's account without recipientAccountId").isEqualTo("444455556666");
    assertThat(r.awsRegion()).isNull();
  }

  @Test
  void namesTheFieldThatIsMissingOrMalformed() {
    assertMalformed("{\"eventSource\":\"s\",\"eventTime\":\"2024-06-01T12:00:00Z\"}", "eventName: is missing");
    assertMalformed("{\"eventName\":\"n\",\"eventSource\":\"s\"}", "eventTime: is missing");
    assertMalformed("{\"eventName\":\"n\",\"eventSource\":\"s\",\"eventTime\":\"soon\"}",
        "eventTime: is not an instant: 'soon'");
    assertMalformed("{\"eventName\":\"n\",\"eventSource\":\"s\",\"eventTime\":\"2024-06-01T12:00:00Z\","
        + "\"responseElements\":\"{oops\"}", "responseElements: is not JSON");
    assertMalformed("\"text\"", "record: expected a JSON object");
  }

  private static void assertMalformed(String json, String message) {
    assertThatThrownBy(() -> CloudTrailRecordReader.read(JSON.readTree(json)))
        .isInstanceOf(MalformedFieldException.class).hasMessageStartingWith(message);
  }
}
