package io.compliancestreams.streams.practices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTriggerTest {

  private static final EventTrigger ANY_CALLER =
      EventTrigger.decisive("iam.amazonaws.com", "CreateAccessKey", "T", ResourceLocator.account());
  private static final EventTrigger ROOT_ONLY = ANY_CALLER.byIdentityType("Root");

  @Test
  void shouldMatchAnyCallerWhenNoIdentityTypeIsSet() {
    assertThat(ANY_CALLER.identityType()).isNull();
    assertThat(ANY_CALLER.matches("iam.amazonaws.com", "CreateAccessKey", "IAMUser")).isTrue();
    assertThat(ANY_CALLER.matches("iam.amazonaws.com", "CreateAccessKey", null)).isTrue();
  }

  @Test
  void shouldMatchOnlyTheGivenIdentityTypeWhenLimited() {
    assertThat(ROOT_ONLY.identityType()).isEqualTo("Root");
    assertThat(ROOT_ONLY.decisive()).isTrue();
    assertThat(ROOT_ONLY.matches("iam.amazonaws.com", "CreateAccessKey", "Root")).isTrue();
    assertThat(ROOT_ONLY.matches("iam.amazonaws.com", "CreateAccessKey", "IAMUser")).isFalse();
    assertThat(ROOT_ONLY.matches("iam.amazonaws.com", "CreateAccessKey", null)).isFalse();
  }

  @Test
  void shouldStillRequireSourceAndNameWhenTheCallerMatches() {
    assertThat(ROOT_ONLY.matches("iam.amazonaws.com", "CreateAccessKeys", "Root")).isFalse();
    assertThat(ROOT_ONLY.matches("s3.amazonaws.com", "CreateAccessKey", "Root")).isFalse();
  }
}
