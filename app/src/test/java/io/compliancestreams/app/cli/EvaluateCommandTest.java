package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code evaluate} on the sample AWS Config snapshot checked into docs/samples. */
class EvaluateCommandTest {

  private static final String SAMPLE =
      Path.of("..", "docs", "samples", "aws-config-snapshot.json").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    EvaluateCommand command = new EvaluateCommand(
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLine(command).execute(args);
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void shouldPrintOneFindingPerLineInTheDocumentedShape() throws Exception {
    int code = run(SAMPLE, "-o", "json");
    assertThat(code).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSizeGreaterThan(50);
    for (JsonNode line : lines) {
      List<String> fields = new ArrayList<>();
      line.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("practice", "control", "status", "accountId", "region",
          "resourceType", "resourceId", "resourceArn", "reason");
    }
    assertThat(lines.stream().map(l -> l.get("practice").asInt()).distinct())
        .as("every practice has at least one finding in the sample")
        .hasSize(PracticeCatalogue.all().size());
  }

  @Test
  void shouldReportTheRootAccessKeyOnTheAccount() throws Exception {
    run(SAMPLE, "-o", "json");
    JsonNode root = jsonLines().stream()
        .filter(l -> l.get("control").asText().equals("IAM.4"))
        .findFirst().orElseThrow();
    assertThat(root.get("practice").asInt()).isEqualTo(4);
    assertThat(root.get("status").asText()).isEqualTo("FAIL");
    assertThat(root.get("accountId").asText()).isEqualTo("111122223333");
    assertThat(root.get("region").asText()).isEqualTo("global");
    assertThat(root.get("resourceType").asText()).isEqualTo("AWS::::Account");
    assertThat(root.get("reason").asText()).contains("AccountAccessKeysPresent=1");
  }

  @Test
  void shouldExitWithOneWhenAFindingMatchesFailOn() {
    assertThat(run(SAMPLE, "--fail-on", "FAIL")).isEqualTo(1);
  }

  @Test
  void shouldExitWithZeroWhenNothingMatchesFailOn() {
    assertThat(run(SAMPLE, "--fail-on", "ERROR")).isZero();
  }

  @Test
  void shouldPrintATableGroupedByPracticeWithTheFailingResources() {
    run(SAMPLE, "--as-of", "2026-06-01T00:00:00Z");
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).contains("Evaluated 66 configuration items at 2026-06-01T00:00:00Z");
    assertThat(table).containsPattern("(?m)^\\s+4\\s+IAM\\.4\\s+HIGH\\s+0\\s+1\\s+0\\s+0\\s+IAM root user access key should not exist$");
    assertThat(table).contains("4 IAM.4 (HIGH) IAM root user access key should not exist");
    assertThat(table).containsPattern("Total: \\d+ PASS, \\d+ FAIL, \\d+ NOT_APPLICABLE, 0 ERROR");
  }

  @Test
  void shouldEvaluateAtTheGivenInstant() throws Exception {
    // A key created 2026-01-01 is 151 days old on 2026-06-01 but only 30 days old on 2026-01-31.
    run(SAMPLE, "-o", "json", "--as-of", "2026-01-31T00:00:00Z");
    JsonNode legacy = jsonLines().stream()
        .filter(l -> l.get("control").asText().equals("IAM.3"))
        .filter(l -> l.get("resourceArn").asText().endsWith(":user/legacy-etl"))
        .findFirst().orElseThrow();
    assertThat(legacy.get("status").asText()).isEqualTo("PASS");
  }
}
