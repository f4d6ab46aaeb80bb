package io.compliancestreams.ingest.collect.config;

import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static io.compliancestreams.ingest.testing.TestAws.collect;
import static io.compliancestreams.ingest.testing.TestAws.configuration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.testing.TestAws;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.ConfigClient;

/** The recorder status collector against moto, before and after a recorder is set up and started. */
class ConfigCollectorsTest {

  private static final String ROLE =
      "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

  private static AwsEmulator emulator;
  private static AwsClients clients;

  @BeforeAll
  static void start() {
    emulator = AwsEmulator.start();
    emulator.reset();
    clients = TestAws.clients(emulator.endpoint());
  }

  @AfterAll
  static void stop() {
    clients.close();
    emulator.close();
  }

  @Test
  void shouldEmitEmptyListsWithoutARecorderThenTheRecorderAndItsStatus() {
    ResourceSnapshot none = only(collect(ConfigCollectors.recorderStatus(), clients));
    assertThat(none.getResourceType()).isEqualTo("ComplianceStreams::Config::RecorderStatus");
    assertThat(none.getResourceId()).isEqualTo(ACCOUNT);
    assertThat(none.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(none.getConfiguration())
        .isEqualTo("{\"ConfigurationRecorders\":[],\"ConfigurationRecordersStatus\":[]}");

    ConfigClient config = clients.config();
    clients.s3().createBucket(r -> r.bucket("config-" + ACCOUNT));
    config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name("default").roleARN(ROLE)
        .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
    config.putDeliveryChannel(r -> r.deliveryChannel(d -> d.name("default").s3BucketName("config-" + ACCOUNT)));
    config.startConfigurationRecorder(r -> r.configurationRecorderName("default"));

    JsonNode c = configuration(only(collect(ConfigCollectors.recorderStatus(), clients)));
    JsonNode recorder = c.get("ConfigurationRecorders").get(0);
    assertThat(recorder.get("name").asText()).isEqualTo("default");
    assertThat(recorder.get("roleARN").asText()).isEqualTo(ROLE);
    assertThat(recorder.at("/recordingGroup/allSupported").asBoolean()).isTrue();
    assertThat(recorder.at("/recordingGroup/includeGlobalResourceTypes").asBoolean()).isTrue();
    JsonNode status = c.get("ConfigurationRecordersStatus").get(0);
    assertThat(status.get("name").asText()).isEqualTo("default");
    assertThat(status.get("recording").asBoolean()).isTrue();
    assertThat(status.has("lastStatus")).isTrue();
  }

  private static ResourceSnapshot only(List<ResourceSnapshot> snapshots) {
    assertThat(snapshots).hasSize(1);
    return snapshots.get(0);
  }
}
