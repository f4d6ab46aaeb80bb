package io.compliancestreams.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;

class ApiJsonTest {

  @Test
  void shouldUseWireNamesAndLeaveOutMembersTheResponseDidNotCarry() {
    GetEventSelectorsResponse response = GetEventSelectorsResponse.builder()
        .trailARN("arn:aws:cloudtrail:us-east-1:111122223333:trail/t")
        .eventSelectors(s -> s.readWriteType(ReadWriteType.ALL).includeManagementEvents(true))
        .build();

    assertThat(ApiJson.of(response).toString()).isEqualTo(
        "{\"TrailARN\":\"arn:aws:cloudtrail:us-east-1:111122223333:trail/t\","
            + "\"EventSelectors\":[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]}");
  }

  @Test
  void shouldWriteTimestampsAsIso8601AndKeepEachServicesOwnCasing() {
    ConfigurationRecorderStatus status = ConfigurationRecorderStatus.builder()
        .name("default").recording(true).lastStatus("SUCCESS")
        .lastStartTime(Instant.parse("2024-05-27T09:33:20.512Z"))
        .build();

    assertThat(ApiJson.of(status).toString()).isEqualTo(
        "{\"name\":\"default\",\"lastStartTime\":\"2024-05-27T09:33:20.512Z\",\"recording\":true,"
            + "\"lastStatus\":\"SUCCESS\"}");
  }
}
