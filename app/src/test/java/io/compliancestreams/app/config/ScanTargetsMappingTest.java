package io.compliancestreams.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.ingest.aws.AwsSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Organization discovery's keys fail at load, naming the key, when their values cannot work. */
class ScanTargetsMappingTest {

  private static final AwsSettings AWS = AwsSettings.at(URI.create("http://127.0.0.1:1"));

  @Test
  void shouldNameTheRoleKeyWhenItHoldsAnArnInsteadOfAName() {
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(
        "INGEST_ORGANIZATION_ROLE_NAME", "arn:aws:iam::123456789012:role/ComplianceStreamsReadOnly"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ingest.organization.role.name (INGEST_ORGANIZATION_ROLE_NAME) must be an IAM role"
            + " name");
  }

  @Test
  void shouldNameTheExcludeKeyWhenAnItemIsNoAccountId() {
    assertThatThrownBy(() -> AppConfig.load(null, Map.of(
        "INGEST_ORGANIZATION_ROLE_NAME", "ComplianceStreamsReadOnly",
        "INGEST_ORGANIZATION_EXCLUDE_ACCOUNTS", "111122223333, sandbox"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("ingest.organization.exclude.accounts (INGEST_ORGANIZATION_EXCLUDE_ACCOUNTS) is a"
            + " comma-separated list whose item 2 must be a 12-digit AWS account id, got '111122223333, sandbox'");
  }
}
