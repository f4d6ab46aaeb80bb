package io.compliancestreams.ingest.collect.iam;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Fetches the credential report: GenerateCredentialReport until IAM says COMPLETE (it answers
 * STARTED or INPROGRESS while it writes one; an existing report younger than four hours is
 * COMPLETE at once), with a doubling pause between polls, then GetCredentialReport. A report that
 * is not ready within {@link #GIVE_UP} fails the scope, as any AWS error does.
 */
final class CredentialReports {

  static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);
  static final Duration GIVE_UP = Duration.ofMinutes(3);

  private CredentialReports() {}

  static CredentialReport fetch(IamClient iam) {
    Instant deadline = Instant.now().plus(GIVE_UP);
    Duration pause = FIRST_PAUSE;
    while (true) {
      ReportStateType state = iam.generateCredentialReport().state();
      if (state == ReportStateType.COMPLETE) {
        try {
          GetCredentialReportResponse report = iam.getCredentialReport();
          return CredentialReport.parse(report.generatedTime(), report.content().asUtf8String());
        } catch (CredentialReportNotReadyException e) {
          // Generated again between the two calls (the old one expired): poll once more.
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("IAM credential report not ready after " + GIVE_UP.toSeconds()
            + " s (state " + state + ")");
      }
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the IAM credential report", e);
    }
  }
}
