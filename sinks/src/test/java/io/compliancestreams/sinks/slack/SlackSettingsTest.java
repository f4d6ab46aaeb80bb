package io.compliancestreams.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void shouldDefaultToTheDocumentedNoiseControlAndPacing() {
    SlackSettings s = SlackSettings.webhook(URI.create("https://hooks.slack.com/services/T0/B0/abcdef"),
        Fixtures.DASHBOARD);

    assertThat(s.mode()).isEqualTo(SlackSettings.Mode.WEBHOOK);
    assertThat(s.notifyResolutions()).isFalse();
    assertThat(s.burstThreshold()).isEqualTo(5);
    assertThat(s.burstWindow()).hasSeconds(60);
    assertThat(s.digestResources()).isEqualTo(10);
    assertThat(s.minInterval()).hasSeconds(1);
  }

  @Test
  void shouldNameTheFieldButNotTheValueOfABadWebhookUrl() {
    assertThatThrownBy(() -> SlackSettings.webhook(URI.create("hooks.slack.com/services/T0/B0/secret"),
        Fixtures.DASHBOARD))
        .hasMessage("webhookUrl must be an absolute http(s) URL");
  }

  @Test
  void shouldRequireTokenAndChannelInBotMode() {
    assertThatThrownBy(() -> SlackSettings.bot(" ", "C1", Fixtures.DASHBOARD))
        .hasMessage("botToken is required in BOT mode");
    assertThatThrownBy(() -> SlackSettings.bot(Fixtures.TOKEN, "", Fixtures.DASHBOARD))
        .hasMessage("channel is required in BOT mode");
    assertThatThrownBy(() -> SlackDestination.create(SlackSettings.bot(Fixtures.TOKEN, "C1", Fixtures.DASHBOARD)))
        .hasMessageContaining("BOT mode needs the thread map");
  }
}
