package io.compliancestreams.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfigItemReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheApiShape() throws Exception {
    ConfigItemFields item = ConfigItemReader.read(JSON.readTree("""
        {"accountId":"111122223333","awsRegion":"eu-west-1","resourceType":"AWS::S3::Bucket",
         "resourceId":"logs","arn":"arn:aws:s3:::logs","configurationItemCaptureTime":1717243200.5,
         "configurationItemStatus":"OK","configuration":"{\\"name\\":\\"logs\\"}",
         "supplementaryConfiguration":{"IsRequesterPaysEnabled":"false","Policy":"{\\"a\\":1}","Plain":"word"},
         "tags":[{"key":"env","value":"prod"}],
         "relationships":[{"resourceType":"AWS::IAM::Role","resourceName":"r","name":"Is associated with"}]}
        """));

    assertThat(item.accountId()).isEqualTo("111122223333");
    assertThat(item.arn()).isEqualTo("arn:aws:s3:::logs");
    assertThat(item.captureTime()).isEqualTo(Instant.parse("2024-06-01T12:00:00.500Z"));
    assertThat(item.status()).isEqualTo("OK");
    assertThat(item.configuration().get("name").asText()).isEqualTo("logs");
    assertThat(item.supplementaryConfiguration().get("IsRequesterPaysEnabled").isBoolean()).isTrue();
    assertThat(item.supplementaryConfiguration().get("Policy").get("a").asInt()).isEqualTo(1);
    assertThat(item.supplementaryConfiguration().get("Plain").asText()).isEqualTo("word");
    assertThat(item.tags()).containsEntry("env", "prod");
    assertThat(item.relationships()).singleElement().satisfies(r -> {
      assertThat(r.resourceId()).isNull();
      assertThat(r.resourceName()).isEqualTo("r");
      assertThat(r.relationshipName()).isEqualTo("Is associated with");
    });
  }

  @Test
  void readsTheSnapshotFileShape() throws Exception {
    ConfigItemFields item = ConfigItemReader.read(JSON.readTree("""
        {"awsAccountId":"111122223333","awsRegion":"global","resourceType":"AWS::IAM::User",
         "resourceId":"AIDA1","ARN":"arn:aws:iam::111122223333:user/ops",
         "configurationItemCaptureTime":"2024-06-01T12:00:00.000Z","configuration":{"userName":"ops"},
         "tags":{"team":"sec"}}
        """));

    assertThat(item.accountId()).isEqualTo("111122223333");
    assertThat(item.arn()).isEqualTo("arn:aws:iam::111122223333:user/ops");
    assertThat(item.captureTime()).isEqualTo(Instant.parse("2024-06-01T12:00:00Z"));
    assertThat(item.configuration().get("userName").asText()).isEqualTo("ops");
    assertThat(item.tags()).containsEntry("team", "sec");
    assertThat(item.status()).isNull();
  }

  @Test
  void anAbsentConfigurationAndCaptureTimeAreLeftToTheCaller() throws Exception {
    ConfigItemFields item = ConfigItemReader.read(JSON.readTree(
        "{\"accountId\":\"1\",\"awsRegion\":\"r\",\"resourceType\":\"t\",\"resourceId\":\"i\",\"configuration\":\" \"}"));

    assertThat(item.configuration().isMissingNode()).isTrue();
    assertThat(item.captureTime()).isNull();
  }

  @Test
  void namesTheFieldThatIsMissingOrMalformed() {
    assertMalformed("{\"awsRegion\":\"r\",\"resourceType\":\"t\",\"resourceId\":\"i\"}", "accountId", "is missing");
    assertMalformed(base() + ",\"configuration\":\"{not json\"}", "configuration", "is not valid JSON");
    assertMalformed(base() + ",\"configurationItemCaptureTime\":\"yesterday\"}", "configurationItemCaptureTime",
        "is not an ISO-8601 instant or epoch seconds: 'yesterday'");
    assertMalformed(base() + ",\"tags\":[{\"value\":\"x\"}]}", "tags", "entry without a key");
    assertMalformed(base() + ",\"relationships\":{}}", "relationships", "expected an array");
    assertMalformed(base() + ",\"supplementaryConfiguration\":[]}", "supplementaryConfiguration", "expected an object");
    assertMalformed(base() + ",\"resourceName\":{\"a\":1}}", "resourceName", "expected a string");
    assertMalformed("[]", "configurationItem", "expected a JSON object");
  }

  private static String base() {
    return "{\"accountId\":\"1\",\"awsRegion\":\"r\",\"resourceType\":\"t\",\"resourceId\":\"i\"";
  }

  private static void assertMalformed(String json, String field, String problem) {
    assertThatThrownBy(() -> ConfigItemReader.read(JSON.readTree(json)))
        .isInstanceOfSatisfying(MalformedFieldException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).startsWith(problem);
          assertThat(e.getMessage()).startsWith(field + ": " + problem);
        });
  }

  @Test
  void parsesJsonTextNamingTheFieldWhenItIsNot() {
    JsonNode node = ConfigItemReader.parseJson("{\"a\":[1]}", "x");
    assertThat(node.get("a").get(0).asInt()).isEqualTo(1);
    assertThatThrownBy(() -> ConfigItemReader.parseJson("{} trailing", "supplementaryConfiguration.Policy"))
        .hasMessageStartingWith("supplementaryConfiguration.Policy: is not valid JSON");
  }
}
