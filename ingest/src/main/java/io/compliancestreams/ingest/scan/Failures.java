package io.compliancestreams.ingest.scan;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns what a scope threw into a {@link ScopeFailure}. */
final class Failures {

  /**
   * Codes meaning "AWS refused this caller here": a missing permission (Query services say
   * AccessDenied or UnauthorizedOperation, JSON services AccessDeniedException), a region the
   * account has not opted into (OptInRequired), or credentials not valid there (AuthFailure).
   */
  private static final Set<String> DENIED = Set.of(
      "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "OptInRequired", "AuthFailure");

  private Failures() {}

  static ScopeFailure of(Scope scope, Throwable error) {
    if (error instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      String code = e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
          : e.awsErrorDetails().errorCode();
      // The message names operation and region (AwsClients adds them) and the service.
      return new ScopeFailure(scope, code, DENIED.contains(code), code + ": " + e.getMessage());
    }
    String code = error.getClass().getSimpleName();
    return new ScopeFailure(scope, code, false, code + ": " + error.getMessage());
  }
}
