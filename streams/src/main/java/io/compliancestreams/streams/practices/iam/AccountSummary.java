package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** The {@code SummaryMap} of a {@value IamTypes#ACCOUNT_SUMMARY} snapshot (GetAccountSummary). */
record AccountSummary(ItemReader summaryMap) {

  static final String ACCESS_KEYS_PRESENT = "AccountAccessKeysPresent";
  static final String MFA_ENABLED = "AccountMFAEnabled";
  static final String PASSWORD_PRESENT = "AccountPasswordPresent";
  static final String SIGNING_CERTIFICATES_PRESENT = "AccountSigningCertificatesPresent";

  static AccountSummary of(ConfigurationItem item) {
    return new AccountSummary(
        ItemReader.configuration(item).requiredObject().field("SummaryMap").requiredObject());
  }

  /** The value of one key, empty when the map does not carry it. */
  Optional<Integer> value(String key) {
    return summaryMap.field(key).integer();
  }

  int required(String key) {
    return summaryMap.field(key).requiredInteger();
  }
}
