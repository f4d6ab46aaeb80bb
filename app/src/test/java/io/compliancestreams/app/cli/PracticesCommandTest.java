package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PracticesCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private String run(String... args) {
    int code = new CommandLine(new PracticesCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
        .execute(args);
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldListEveryPracticeOfTheCatalogueAsJsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run("-o", "json").split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(lines).hasSize(PracticeCatalogue.all().size());
    JsonNode first = lines.get(0);
    assertThat(first.get("number").asInt()).isEqualTo(1);
    assertThat(first.get("control").asText()).isEqualTo("IAM.1");
    assertThat(first.get("severity").asText()).isEqualTo("HIGH");
    assertThat(first.get("scope").asText()).isEqualTo("RESOURCE");
    assertThat(first.get("resourceTypes").get(0).asText()).isEqualTo("AWS::IAM::Policy");
    assertThat(lines.get(25).get("number").asInt()).isEqualTo(26);
    assertThat(lines.get(25).get("control").asText()).isEqualTo("GuardDuty.1");
  }

  @Test
  void shouldPrintATable() {
    String table = run();
    assertThat(table).contains("CONTROL").contains("IAM.1").contains("GuardDuty.1");
    assertThat(table.lines().filter(l -> l.matches("^\\s*\\d+\\s+\\S+.*"))).hasSize(PracticeCatalogue.all().size());
  }
}
