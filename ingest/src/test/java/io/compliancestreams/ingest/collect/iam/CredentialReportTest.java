package io.compliancestreams.ingest.collect.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credential report's CSV and its rows, without AWS. */
class CredentialReportTest {

  private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
      + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
      + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
      + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
      + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

  @Test
  void shouldReadQuotedFieldsWithCommasAndQuotesAndCrLf() {
    List<List<String>> records = CsvRows.records("a,\"b,c\",\"say \"\"hi\"\"\"\r\nd,,\r\n");

    assertThat(records).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("d", "", ""));
  }

  @Test
  void shouldRefuseAnUnterminatedQuote() {
    assertThatThrownBy(() -> CsvRows.records("a,\"b\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReadUserRowsLeavingOutTheRootAndTheNoDateValues() {
    String csv = HEADER + "\n"
        + "<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,"
        + "no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,"
        + "false,N/A\n"
        + "\"ops,admin\",arn:aws:iam::111122223333:user/ops-admin,2025-01-06T10:00:00+00:00,true,no_information,"
        + "2025-01-06T10:05:00+00:00,N/A,false,true,2025-12-01T09:00:00+00:00,2026-04-15T16:20:00+00:00,"
        + "us-east-1,s3,false,2024-02-01T09:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A\n"
        + "bob,arn:aws:iam::111122223333:user/bob,2025-02-01T00:00:00+00:00,false,N/A,N/A,N/A,false,"
        + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    CredentialReport report = CredentialReport.parse(Instant.parse("2026-06-01T08:00:00Z"), csv);

    assertThat(report.byUserName()).containsOnlyKeys("ops,admin", "bob");
    CredentialReport.Row ops = report.row("ops,admin", Instant.parse("2025-01-06T10:00:00.123Z")).orElseThrow();
    assertThat(ops.passwordEnabled()).isTrue();
    assertThat(ops.mfaActive()).isFalse();
    assertThat(ops.hasKeys()).isTrue();
    CredentialReport.KeySlot first = ops.keyCreatedAt(Instant.parse("2025-12-01T09:00:00.456Z")).orElseThrow();
    assertThat(first.active()).isTrue();
    assertThat(first.lastUsed()).contains(Instant.parse("2026-04-15T16:20:00Z"));
    assertThat(first.lastUsedService()).isEqualTo("s3");
    CredentialReport.KeySlot second = ops.keyCreatedAt(Instant.parse("2024-02-01T09:00:00Z")).orElseThrow();
    assertThat(second.active()).isFalse();
    assertThat(second.lastUsed()).isEmpty();
    assertThat(ops.keyCreatedAt(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    CredentialReport.Row bob = report.row("bob", null).orElseThrow();
    assertThat(bob.hasKeys()).isFalse();
    assertThat(bob.passwordEnabled()).isFalse();
  }

  @Test
  void shouldNotTakeANamesakesRowForAUserCreatedAgain() {
    String csv = HEADER + "\nbob,arn:aws:iam::111122223333:user/bob,2025-02-01T00:00:00+00:00,true,N/A,N/A,N/A,"
        + "false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    CredentialReport report = CredentialReport.parse(Instant.now(), csv);

    assertThat(report.row("bob", Instant.parse("2026-05-30T00:00:00Z"))).isEmpty();
    assertThat(report.row("carol", null)).isEmpty();
    assertThat(CredentialReport.instant("no_information")).isEqualTo(Optional.empty());
  }

  @Test
  void shouldGiveANeverUsedSlotTheApisNotApplicableShape() {
    var slot = new CredentialReport.KeySlot(true, Optional.of(Instant.parse("2025-01-01T00:00:00Z")),
        Optional.empty(), "not_supported", "N/A");

    assertThat(UserCredentialDetails.lastUsed(slot).toString()).isEqualTo("{\"ServiceName\":\"N/A\",\"Region\":\"N/A\"}");
  }
}
