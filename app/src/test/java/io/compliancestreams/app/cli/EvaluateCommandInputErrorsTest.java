package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A user's mistake gives one line naming the file and the position, exit code 2, no trace. */
class EvaluateCommandInputErrorsTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    EvaluateCommand command = new EvaluateCommand(
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLine(command).execute(args);
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldNameFileLineAndColumnWhenJsonIsBroken() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "[\n  {\"accountId\": \"111122223333\",\n   \"awsRegion\": }\n]");
    int code = run("", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(errText()).startsWith("error: " + file + ": not valid JSON at line 3");
    assertThat(errText().lines()).hasSize(1);
    assertThat(errText()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void shouldNameTheMissingFieldAndTheValueWhenAnItemIsIncomplete() throws IOException {
    Path file = dir.resolve("items.jsonl");
    Files.writeString(file,
        "{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\",\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\"}\n"
            + "{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\",\"resourceId\":\"b\"}\n");
    int code = run("", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(errText().trim())
        .isEqualTo("error: " + file + ": value 2 (line 2): resourceType: is missing");
  }

  @Test
  void shouldNameTheFieldWhenConfigurationIsNotJson() {
    String item = "{\"configurationItems\":[{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\","
        + "\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"configuration\":\"{not json\"}]}";
    int code = run(item, "-");
    assertThat(code).isEqualTo(2);
    assertThat(errText()).startsWith("error: <stdin>: value 1 (line 1): [0].configuration: is not valid JSON");
  }

  @Test
  void shouldReportAMissingFile() {
    int code = run("", dir.resolve("nope.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(errText().trim()).isEqualTo("error: " + dir.resolve("nope.json") + ": no such file");
  }

  @Test
  void shouldRejectAnInstantThatIsNotIso8601() {
    int code = run("[]", "--as-of", "yesterday");
    assertThat(code).isEqualTo(2);
    assertThat(errText()).contains("--as-of: not an ISO-8601 instant: 'yesterday'");
  }

  @Test
  void shouldReadGzipCompressedSnapshotFiles() throws IOException {
    Path file = dir.resolve("snapshot.json.gz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write(("{\"configurationItems\":[{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\","
          + "\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\"}]}").getBytes(StandardCharsets.UTF_8));
    }
    int code = run("", file.toString());
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Evaluated 1 configuration items");
  }

  @Test
  void shouldExit2Saying0ItemsEvaluatedForAnEmptyFileEvenWithFailOn() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.json"), "");
    int code = run("", file.toString(), "--fail-on", "FAIL");
    assertThat(code).isEqualTo(2);
    assertThat(errText().trim()).isEqualTo("error: 0 items evaluated: the input held no configuration items");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldExit2Saying0ItemsEvaluatedForAnEmptyArray() {
    int code = run("[]", "-");
    assertThat(code).isEqualTo(2);
    assertThat(errText().trim()).isEqualTo("error: 0 items evaluated: the input held no configuration items");
  }

  @Test
  void shouldExit2NamingTheTypesWhenNoItemIsOfATypeAnyPracticeReads() throws IOException {
    Path file = dir.resolve("zones.jsonl");
    Files.writeString(file,
        "{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\",\"resourceType\":\"AWS::Route53::HostedZone\",\"resourceId\":\"z1\"}\n"
            + "{\"accountId\":\"111122223333\",\"awsRegion\":\"us-east-1\",\"resourceType\":\"AWS::Route53::HostedZone\",\"resourceId\":\"z2\"}\n");
    int code = run("", file.toString(), "--fail-on", "FAIL");
    assertThat(code).isEqualTo(2);
    assertThat(errText().trim()).isEqualTo("error: 0 items evaluated: 2 items read, none of a type any practice"
        + " reads (AWS::Route53::HostedZone); 'practices' lists the types each practice reads");
  }
}
