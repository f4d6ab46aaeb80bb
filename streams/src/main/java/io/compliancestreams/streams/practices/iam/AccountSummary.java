package io.compliancestreams.streams.practices.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.util.Optional;

/** The {@code SummaryMap} of a {@value IamTypes#ACCOUNT_SUMMARY} snapshot (GetAccountSummary). */
record AccountSummary(JsonNode summaryMap) {

  static final String ACCESS_KEYS_PRESENT = "AccountAccessKeysPresent";
  static final String MFA_ENABLED = "AccountMFAEnabled";
  static final String PASSWORD_PRESENT = "AccountPasswordPresent";
  static final String SIGNING_CERTIFICATES_PRESENT = "AccountSigningCertificatesPresent";

  static AccountSummary read(ConfigurationItem item) {
    if (!item.configuration().isObject()) {
      throw new MalformedItemException(item.resourceType() + " configuration", "expected an object");
    }
    return new AccountSummary(
        IamJson.object(item.configuration(), "SummaryMap", "configuration.SummaryMap"));
  }

  /** The value of one key, empty when the map does not carry it. */
  Optional<Integer> value(String key) {
    return IamJson.optionalInt(summaryMap, key, "configuration.SummaryMap." + key);
  }

  int required(String key) {
    return value(key)
        .orElseThrow(() -> new MalformedItemException("configuration.SummaryMap." + key, "is missing"));
  }
}
