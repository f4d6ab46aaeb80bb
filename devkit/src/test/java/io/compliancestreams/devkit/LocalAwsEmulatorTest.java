package io.compliancestreams.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalAwsEmulatorTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static AwsEmulator emulator;

  @BeforeAll
  static void startWithoutDocker() {
    emulator = AwsEmulator.start(EmulatorChoice.choose(Map.of(), () -> false));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void forgetEverything() {
    emulator.reset();
  }

  @Test
  void shouldRunMotoAsALocalProcessOnALoopbackPortWhenDockerIsAbsent() {
    assertThat(emulator.source()).isEqualTo(Source.LOCAL);
    assertThat(emulator.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void shouldListAnS3BucketCreatedOverPlainHttp() throws Exception {
    HttpResponse<String> created = send("PUT", "/audit-logs");
    HttpResponse<String> listed = send("GET", "/");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("<Name>audit-logs</Name>");
  }

  @Test
  void shouldForgetBucketsOnReset() throws Exception {
    send("PUT", "/short-lived");

    emulator.reset();

    assertThat(send("GET", "/").body()).doesNotContain("short-lived");
  }

  @Test
  void shouldOfferTheConventionalFakeCredentialsAndRegion() {
    assertThat(emulator.environment()).containsEntry("AWS_ENDPOINT_URL", emulator.endpoint().toString())
        .containsEntry("AWS_ACCESS_KEY_ID", "testing")
        .containsEntry("AWS_SECRET_ACCESS_KEY", "testing")
        .containsEntry("AWS_REGION", "us-east-1");
  }

  @Test
  void shouldSayHowToInstallWhenPythonCannotBeRun() {
    assertThatThrownBy(() -> AwsEmulator.startLocal("/nonexistent/python3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/python3")
        .hasMessageContaining("pip install 'moto[server]'");
  }

  @Test
  void shouldSayHowToInstallWhenMotoCannotBeImported() {
    // "false" runs and exits 1, as a Python without moto does on "import moto.server".
    assertThatThrownBy(() -> AwsEmulator.startLocal("false"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("moto")
        .hasMessageContaining("pip install 'moto[server]'");
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(emulator.endpoint().resolve(URI.create(path)))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
