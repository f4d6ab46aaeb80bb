package io.compliancestreams.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading snapshot files item by item, whatever else the document holds. */
class ConfigSnapshotFileTest {

  private static final String LOCATION = "s3://config-bucket/ConfigSnapshot.json.gz";
  private final List<String> read = new ArrayList<>();

  @Test
  void shouldHandOverTheItemsInFileOrderAndSkipTheOtherFields() {
    String file = """
        {"fileVersion": "1.0", "configSnapshotId": "16da64e4", "extra": {"configurationItems": [{"resourceId": "nested"}]},
         "configurationItems": [{"resourceId": "a"}, {"resourceId": "b"}], "trailer": [1, 2]}""";

    int count = ConfigSnapshotFile.read(stream(file), LOCATION, this::collect);

    assertThat(count).isEqualTo(2);
    assertThat(read).containsExactly("0:a", "1:b");
  }

  @Test
  void shouldReportAFileWithoutItemsAsMalformed() {
    assertThatThrownBy(() -> ConfigSnapshotFile.read(stream("{\"fileVersion\": \"1.0\"}"), LOCATION, this::collect))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("configurationItems: is missing from " + LOCATION);
  }

  @Test
  void shouldHandOverTheItemsBeforeAFileBreaksOff() {
    String truncated = "{\"configurationItems\": [{\"resourceId\": \"a\"}, {\"resourceId\": ";

    assertThatThrownBy(() -> ConfigSnapshotFile.read(stream(truncated), LOCATION, this::collect))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageStartingWith(LOCATION + ": is not a readable snapshot file after 1 items");
    assertThat(read).containsExactly("0:a");
  }

  private void collect(JsonNode item, int index) {
    read.add(index + ":" + item.path("resourceId").asText());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
