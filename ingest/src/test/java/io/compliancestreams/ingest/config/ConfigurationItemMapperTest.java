package io.compliancestreams.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.Relationship;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfigurationItemMapperTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode fixture(String name) {
    try (InputStream in = ConfigurationItemMapperTest.class.getResourceAsStream("/config/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldMapANotificationShapedItem() throws Exception {
    ResourceSnapshot s = ConfigurationItemMapper.map(fixture("s3-bucket-item.json"));

    assertThat(SnapshotBuilder.keyOf(s)).isEqualTo("111122223333/eu-west-1/AWS::S3::Bucket/audit-logs");
    assertThat(s.getArn()).isEqualTo("arn:aws:s3:::audit-logs");
    assertThat(s.getResourceName()).isEqualTo("audit-logs");
    assertThat(s.getCaptureTime()).isEqualTo(Instant.parse("2026-05-31T22:14:07Z"));
    assertThat(s.getConfigurationItemStatus()).isEqualTo(ConfigurationItemStatus.OK);
    assertThat(s.getConfigurationStateId()).isEqualTo("1780265647000");
    assertThat(s.getSource()).isEqualTo(SnapshotSource.AWS_CONFIG);
    assertThat(s.getTags()).containsExactlyEntriesOf(java.util.Map.of("team", "security"));
    assertThat(JSON.readTree(s.getConfiguration()).path("name").asText()).isEqualTo("audit-logs");
    assertThat(JSON.readTree(s.getSupplementaryConfiguration().get("ServerSideEncryptionConfiguration"))
        .at("/rules/0/applyServerSideEncryptionByDefault/sseAlgorithm").asText()).isEqualTo("aws:kms");
    assertThat(s.getSupplementaryConfiguration().get("IsRequesterPaysEnabled")).isEqualTo("false");
  }

  @Test
  void shouldMapTheApiShapeToTheSameMeaning() throws Exception {
    ResourceSnapshot notification = ConfigurationItemMapper.map(fixture("s3-bucket-item.json"));
    ResourceSnapshot api = ConfigurationItemMapper.map(fixture("s3-bucket-item-api.json"));

    assertThat(SnapshotBuilder.keyOf(api)).isEqualTo(SnapshotBuilder.keyOf(notification));
    assertThat(api.getArn()).isEqualTo(notification.getArn());
    assertThat(api.getCaptureTime()).isEqualTo(Instant.parse("2026-05-31T22:14:07.123Z"));
    assertThat(JSON.readTree(api.getConfiguration())).isEqualTo(JSON.readTree(notification.getConfiguration()));
    assertThat(JSON.readTree(api.getSupplementaryConfiguration().get("ServerSideEncryptionConfiguration")))
        .isEqualTo(JSON.readTree(notification.getSupplementaryConfiguration().get("ServerSideEncryptionConfiguration")));
    assertThat(api.getSupplementaryConfiguration())
        .containsEntry("IsRequesterPaysEnabled", "false")
        .containsEntry("BucketAccelerateConfiguration", "\"Suspended\"");
    assertThat(api.getRelationships()).containsExactly(Relationship.newBuilder()
        .setResourceType("AWS::IAM::Role").setResourceId("ops-admin").setResourceName("ops-admin")
        .setRelationshipName("Is associated with Role").build());
  }

  @Test
  void shouldKeepAConfigDeletionAsResourceDeletedWithNullConfiguration() {
    ObjectNode item = (ObjectNode) fixture("s3-bucket-item.json");
    item.put("configurationItemStatus", "ResourceDeleted");
    item.putNull("configuration");
    item.putObject("supplementaryConfiguration");

    ResourceSnapshot s = ConfigurationItemMapper.map(item);

    assertThat(s.getConfigurationItemStatus()).isEqualTo(ConfigurationItemStatus.ResourceDeleted);
    assertThat(s.getConfiguration()).isEqualTo("null");
  }

  @Test
  void shouldNameTheMissingOrUnreadableField() {
    ObjectNode noId = (ObjectNode) fixture("s3-bucket-item.json");
    noId.remove("resourceId");
    ObjectNode badTime = (ObjectNode) fixture("s3-bucket-item.json");
    badTime.put("configurationItemCaptureTime", "last tuesday");
    ObjectNode badConfiguration = (ObjectNode) fixture("s3-bucket-item-api.json");
    badConfiguration.put("configuration", "{oops");

    assertThatThrownBy(() -> ConfigurationItemMapper.map(noId)).isInstanceOfSatisfying(
        MalformedItemException.class, e -> assertThat(e.field()).isEqualTo("resourceId"));
    assertThatThrownBy(() -> ConfigurationItemMapper.map(badTime)).isInstanceOfSatisfying(
        MalformedItemException.class, e -> assertThat(e.field()).isEqualTo("configurationItemCaptureTime"));
    assertThatThrownBy(() -> ConfigurationItemMapper.map(badConfiguration)).isInstanceOfSatisfying(
        MalformedItemException.class, e -> assertThat(e.field()).isEqualTo("configuration"));
  }
}
