package io.compliancestreams.sinks.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.schemas.avro.Severity;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraSettingsTest {

  static final JiraSettings BASE = JiraSettings.defaults(URI.create("https://acme.atlassian.net"),
      JiraSettings.Auth.basic("bot@acme.com", "tok-123-secret"), "SEC");

  @Test
  void shouldHaveDocumentedDefaults() {
    assertThat(BASE.apiVersion()).isEqualTo(JiraSettings.ApiVersion.CLOUD_V3);
    assertThat(BASE.issueType()).isEqualTo("Task");
    assertThat(BASE.priorities()).containsEntry(Severity.CRITICAL, "Highest").containsEntry(Severity.HIGH, "High")
        .containsEntry(Severity.MEDIUM, "Medium").containsEntry(Severity.LOW, "Low");
    assertThat(BASE.doneTransition()).isEqualTo("Done");
    assertThat(BASE.reopenTransitions()).containsExactly("Reopen", "To Do");
    assertThat(BASE.regressionMode()).isEqualTo(JiraSettings.RegressionMode.REOPEN);
    assertThat(BASE.linkType()).isEqualTo("Relates");
  }

  @Test
  void shouldNeverShowTheTokenInToString() {
    assertThat(BASE.toString()).doesNotContain("tok-123-secret").contains("****");
    assertThat(JiraSettings.Auth.bearer("pat-xyz").toString()).doesNotContain("pat-xyz");
  }

  @Test
  void shouldRejectExtraFieldThatIsNotJsonNamingIt() {
    assertThatThrownBy(() -> BASE.withExtraFields(Map.of("customfield_1", "{oops")))
        .hasMessageContaining("customfield_1").hasMessageNotContaining("oops");
  }

  @Test
  void shouldRejectExtraFieldOverridingOurOwn() {
    assertThatThrownBy(() -> BASE.withExtraFields(Map.of("summary", "\"x\"")))
        .hasMessageContaining("summary is set by the destination itself");
  }

  @Test
  void shouldRejectLabelWithSpaceAndCredentialsInUrl() {
    assertThatThrownBy(() -> BASE.withLabels(List.of("two words"))).hasMessageContaining("whitespace");
    assertThatThrownBy(() -> JiraSettings.defaults(URI.create("https://u:p@acme.atlassian.net"),
        JiraSettings.Auth.bearer("t"), "SEC")).hasMessageContaining("must not carry credentials");
  }

  @Test
  void shouldRejectCredentialsInTheUrlWithoutEchoingThemEvenWhenTheAuthorityDoesNotParse() {
    URI url = URI.create("http://bot@example.com:t0ken-5ecret@jira.example");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JiraSettings.defaults(url,
            JiraSettings.Auth.bearer("x"), "SEC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jira base url must not carry credentials; use auth");
  }
}
