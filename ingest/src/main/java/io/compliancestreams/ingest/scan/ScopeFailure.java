package io.compliancestreams.ingest.scan;

import java.util.Objects;

/**
 * Why a scope failed.
 *
 * @param errorCode the AWS error code ({@code AccessDenied}, {@code OptInRequired}, ...) or, for
 *     other errors, the exception's simple class name
 * @param denied true when AWS refused the caller (missing permission, region not enabled): a
 *     setup problem to report, not a bug
 * @param reason one line: code, service, operation, region and AWS's message
 */
public record ScopeFailure(Scope scope, String errorCode, boolean denied, String reason) {

  public ScopeFailure {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(reason, "reason");
  }
}
