package io.compliancestreams.ingest.collect.iam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM credential report, parsed: one {@link Row} per user (the {@code <root_account>} row is
 * left out: the root's facts come from GetAccountSummary). Values IAM writes when there is no date
 * ({@code N/A}, {@code no_information}, {@code not_supported}) become empty optionals.
 */
record CredentialReport(Instant generated, Map<String, Row> byUserName) {

  static final String ROOT = "<root_account>";

  CredentialReport {
    byUserName = Map.copyOf(byUserName);
  }

  /** One access key slot (access_key_1_..., access_key_2_...). */
  record KeySlot(boolean active, Optional<Instant> lastRotated, Optional<Instant> lastUsed,
      String lastUsedRegion, String lastUsedService) {

    /** A slot that holds a key: IAM writes N/A as its rotation date when it holds none. */
    boolean present() {
      return lastRotated.isPresent();
    }
  }

  /** One user's line. */
  record Row(String user, String arn, Optional<Instant> created, boolean passwordEnabled, boolean mfaActive,
      List<KeySlot> keys) {

    Row {
      keys = List.copyOf(keys);
    }

    boolean hasKeys() {
      return keys.stream().anyMatch(KeySlot::present);
    }

    /** The slot whose key was created at {@code created} (the report has seconds, the API may have more). */
    Optional<KeySlot> keyCreatedAt(Instant created) {
      Instant second = created.truncatedTo(ChronoUnit.SECONDS);
      return keys.stream()
          .filter(k -> k.lastRotated().map(t -> t.truncatedTo(ChronoUnit.SECONDS).equals(second)).orElse(false))
          .findFirst();
    }
  }

  /** The row of the user of that name, if the report has it and it is this user, not a namesake. */
  Optional<Row> row(String userName, Instant userCreated) {
    Row row = byUserName.get(userName);
    if (row == null) {
      return Optional.empty();
    }
    // A user deleted and re-created under the same name since the report has another creation time.
    if (userCreated != null && row.created().isPresent()
        && !row.created().get().equals(userCreated.truncatedTo(ChronoUnit.SECONDS))) {
      return Optional.empty();
    }
    return Optional.of(row);
  }

  static CredentialReport parse(Instant generated, String csv) {
    Map<String, Row> rows = new HashMap<>();
    for (Map<String, String> r : CsvRows.parse(csv)) {
      String user = r.getOrDefault("user", "");
      if (user.isEmpty() || ROOT.equals(user)) {
        continue;
      }
      rows.put(user, new Row(user, r.get("arn"), instant(r.get("user_creation_time")),
          "true".equalsIgnoreCase(r.get("password_enabled")), "true".equalsIgnoreCase(r.get("mfa_active")),
          List.of(slot(r, 1), slot(r, 2))));
    }
    return new CredentialReport(generated, rows);
  }

  private static KeySlot slot(Map<String, String> r, int n) {
    String p = "access_key_" + n + "_";
    return new KeySlot("true".equalsIgnoreCase(r.get(p + "active")), instant(r.get(p + "last_rotated")),
        instant(r.get(p + "last_used_date")), r.getOrDefault(p + "last_used_region", "N/A"),
        r.getOrDefault(p + "last_used_service", "N/A"));
  }

  /** An ISO-8601 date-time, or empty for N/A, no_information, not_supported and anything unreadable. */
  static Optional<Instant> instant(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
