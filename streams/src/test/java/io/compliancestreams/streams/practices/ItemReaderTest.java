package io.compliancestreams.streams.practices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ItemReader config(String json) throws Exception {
    JsonNode node = MAPPER.readTree(json);
    return ItemReader.at(node, "configuration");
  }

  @Test
  void shouldNameTheFullPathOfAWrongTypeInNestedArrays() throws Exception {
    ItemReader config =
        config(
            """
            {"ipPermissions": [{}, {}, {"ipRanges": [{"cidrIp": 42}]}]}""");
    ItemReader cidr = config.field("ipPermissions").list().get(2).field("ipRanges").list().get(0).field("cidrIp");

    assertThatThrownBy(cidr::text)
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("configuration.ipPermissions[2].ipRanges[0].cidrIp: expected a string, got 42")
        .extracting(e -> ((MalformedItemException) e).field())
        .isEqualTo("configuration.ipPermissions[2].ipRanges[0].cidrIp");
  }

  @Test
  void shouldNameAMissingRequiredFieldInANestedObject() throws Exception {
    ItemReader policy = config("{\"PasswordPolicy\": {\"MinimumPasswordLength\": 14}}").field("PasswordPolicy");

    assertThatThrownBy(() -> policy.field("RequireSymbols").requiredBool())
        .hasMessage("configuration.PasswordPolicy.RequireSymbols: is missing");
  }

  @Test
  void shouldTreatAbsentAndNullAlikeAndNavigateThroughThem() throws Exception {
    ItemReader config = config("{\"User\": null}");

    assertThat(config.field("User").field("Arn").text()).isEmpty();
    assertThat(config.field("Nope").list()).isEmpty();
    assertThat(config.field("User").exists()).isTrue();
    assertThat(config.field("Nope").exists()).isFalse();
  }

  @Test
  void shouldRefuseToReadAFieldOfSomethingThatIsNotAnObject() throws Exception {
    ItemReader config = config("{\"Status\": [true]}");

    assertThatThrownBy(() -> config.field("Status").field("IsLogging").bool())
        .hasMessage("configuration.Status: expected an object, got an array");
  }

  @Test
  void shouldRejectAnArrayOfTheWrongType() throws Exception {
    assertThatThrownBy(() -> config("{\"MFADevices\": {\"a\": 1}}").field("MFADevices").list())
        .hasMessage("configuration.MFADevices: expected an array, got an object");
  }

  @Test
  void shouldReadStringifiedBooleansOnlyWhenLenient() throws Exception {
    ItemReader config = config("{\"encrypted\": \"TRUE\", \"recording\": \"false\", \"odd\": \"yes\"}");

    assertThat(config.field("encrypted").lenientBool()).contains(true);
    assertThat(config.field("recording").lenientBool()).contains(false);
    assertThatThrownBy(() -> config.field("recording").bool())
        .hasMessage("configuration.recording: expected a boolean, got \"false\"");
    assertThatThrownBy(() -> config.field("odd").lenientBool())
        .hasMessage("configuration.odd: expected true or false, got \"yes\"");
  }

  @Test
  void shouldRejectStringifiedAndFractionalNumbersAsWholeNumbers() throws Exception {
    ItemReader config = config("{\"a\": \"22\", \"b\": 1.5, \"c\": 22, \"d\": 9999999999}");

    assertThat(config.field("c").integer()).contains(22);
    assertThatThrownBy(() -> config.field("a").integer())
        .hasMessage("configuration.a: expected a whole number, got \"22\"");
    assertThatThrownBy(() -> config.field("b").integer())
        .hasMessage("configuration.b: expected a whole number, got 1.5");
    assertThatThrownBy(() -> config.field("d").integer())
        .hasMessage("configuration.d: expected a whole number, got 9999999999");
  }

  @Test
  void shouldReadIsoAndEpochSecondTimestamps() throws Exception {
    ItemReader config =
        config("{\"iso\": \"2026-05-31T22:14:07Z\", \"epoch\": 1780265647.5, \"bad\": \"last tuesday\"}");

    assertThat(config.field("iso").instant()).contains(Instant.parse("2026-05-31T22:14:07Z"));
    assertThat(config.field("epoch").instant()).contains(Instant.parse("2026-05-31T22:14:07.500Z"));
    assertThatThrownBy(() -> config.field("bad").instant())
        .hasMessage("configuration.bad: is not an ISO-8601 timestamp: 'last tuesday'");
  }

  @Test
  void shouldCountBlankTextAsMissingWhenRequired() throws Exception {
    ItemReader config = config("{\"runtime\": \"  \"}");

    assertThat(config.field("runtime").text()).contains("  ");
    assertThatThrownBy(() -> config.field("runtime").requiredText())
        .hasMessage("configuration.runtime: is missing");
  }

  @Test
  void shouldNameTheItemInKeyedPathsAndTheSupplementaryValue() throws Exception {
    ConfigurationItem item =
        new ConfigurationItem(
            "111122223333", "eu-west-1", "AWS::S3::Bucket", "logs", null, "logs", null,
            ItemStatus.OK, null, null, null, MAPPER.readTree("{\"x\": 1}"),
            java.util.Map.of("PublicAccessBlockConfiguration", MAPPER.readTree("{\"blockPublicAcls\": 1}")));

    assertThatThrownBy(() -> ItemReader.keyedConfiguration(item).field("x").text())
        .hasMessage(item.key() + " configuration.x: expected a string, got 1");
    assertThatThrownBy(
            () -> ItemReader.supplementary(item, "PublicAccessBlockConfiguration").field("blockPublicAcls").bool())
        .hasMessage("supplementaryConfiguration.PublicAccessBlockConfiguration.blockPublicAcls: expected a boolean, got 1");
  }

  @Test
  void shouldShortenLongOffendingValues() throws Exception {
    String longText = "x".repeat(200);
    ItemReader field = config("{\"a\": \"" + longText + "\"}").field("a");

    assertThatThrownBy(field::integer)
        .hasMessageStartingWith("configuration.a: expected a whole number, got \"xxx")
        .hasMessageEndingWith("…");
  }
}
