package io.compliancestreams.schemas.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactorTest {

  // Values unique to this test: the registry is process-wide and only grows.
  static final String TOKEN = "redactor-test-t0ken/+=42";
  static final String EMAIL = "redactor@example.com";
  static final String WEBHOOK = "https://hooks.example.com/services/TREDACT/BREDACT/redactorhook9";

  static {
    Redactor.register(TOKEN);
    Redactor.registerCredentials(EMAIL, "redactor-pair-5ecret");
    Redactor.register(WEBHOOK);
    Redactor.register("short");
  }

  @Test
  void shouldMaskTheSecretAsIs() {
    assertThat(Redactor.redact("Authorization: Bearer " + TOKEN + " was refused"))
        .isEqualTo("Authorization: Bearer **** was refused");
  }

  @Test
  void shouldMaskItsUrlEncodedAndBase64Forms() {
    String base64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
    String urlSafe = Base64.getUrlEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
    String text = "q=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8) + " b=" + base64 + " u=" + urlSafe
        + " qb=" + URLEncoder.encode(base64, StandardCharsets.UTF_8);

    String redacted = Redactor.redact(text);

    assertThat(redacted).doesNotContain("t0ken", base64.substring(0, 20), urlSafe.substring(0, 20))
        .startsWith("q=**** b=****");
  }

  @Test
  void shouldMaskTheBasicAuthPairAndItsPartsButNotTheUser() {
    String header = "Basic " + Base64.getEncoder().encodeToString(
        (EMAIL + ":redactor-pair-5ecret").getBytes(StandardCharsets.UTF_8));

    assertThat(Redactor.redact("echo: " + header)).isEqualTo("echo: Basic ****");
    assertThat(Redactor.redact("user " + EMAIL + " password redactor-pair-5ecret"))
        .isEqualTo("user " + EMAIL + " password ****");
  }

  @Test
  void shouldMaskAWebhookUrlWholeAndItsSecretPathAlone() {
    assertThat(Redactor.redact("POST " + WEBHOOK + " failed")).isEqualTo("POST **** failed");
    assertThat(Redactor.redact("no route for /services/TREDACT/BREDACT/redactorhook9")).isEqualTo("no route for ****");
    assertThat(Redactor.redact("token redactorhook9")).isEqualTo("token ****");
    assertThat(Redactor.redact("{\"url\":\"https:\\/\\/hooks.example.com\\/services\\/TREDACT\\/BREDACT\\/redactorhook9\"}"))
        .isEqualTo("{\"url\":\"****\"}");
  }

  @Test
  void shouldIgnoreValuesTooShortToBeSecrets() {
    assertThat(Redactor.redact("a short line")).isEqualTo("a short line");
    assertThat(Redactor.redact(null)).isNull();
  }
}
