package io.compliancestreams.streams.practices.lambda;


import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Practice 24 (Lambda.2): a Zip-packaged function must use a runtime that is in the runtime list
 * and whose deprecation day has not been reached at the evaluation instant. A runtime missing from
 * the list fails as unsupported (an allow-list, as in Security Hub; Prowler's deny-list would pass
 * it). Container-image functions have no runtime and are not applicable.
 *
 * <p>The status changes with time alone, so a passing function asks to be re-checked at the start
 * (00:00 UTC) of its runtime's deprecation day.
 */
public final class LambdaSupportedRuntime implements Practice {

  public static final String FUNCTION = "AWS::Lambda::Function";
  private static final String LAMBDA = "lambda.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          24,
          "Lambda.2",
          "Lambda functions should use supported runtimes",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(FUNCTION),
          List.of(
              EventTrigger.rescan(
                  LAMBDA,
                  "CreateFunction20150331",
                  FUNCTION,
                  ResourceLocator.response("functionName"),
                  ResourceLocator.request("functionName")),
              EventTrigger.rescan(
                  LAMBDA,
                  "UpdateFunctionConfiguration20150331v2",
                  FUNCTION,
                  ResourceLocator.response("functionName"),
                  ResourceLocator.request("functionName")),
              EventTrigger.rescan(
                  LAMBDA,
                  "DeleteFunction20150331",
                  FUNCTION,
                  ResourceLocator.request("functionName"))),
          List.of(),
          "Move the function to a current runtime of the same language (for example python3.9 to"
              + " python3.13), test it, and update its configuration; deployment tools must pin the"
              + " new runtime too. Plan upgrades before the deprecation date: afterwards AWS stops"
              + " patching the runtime and later blocks function updates.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2"));

  private final LambdaRuntimes runtimes;

  /** Uses the bundled runtime list ({@value LambdaRuntimes#RESOURCE}), read once here. */
  public LambdaSupportedRuntime() {
    this(LambdaRuntimes.bundled());
  }

  public LambdaSupportedRuntime(LambdaRuntimes runtimes) {
    this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
  }

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    LambdaFunction lambda = LambdaFunction.of(input.item());
    ConfigurationItem function = lambda.item();
    String name = "Function " + lambda.name();
    if (lambda.isImage()) {
      return List.of(
          Evaluation.notApplicable(
              24,
              function.ref(),
              name + " is deployed as a container image; Lambda.2 covers managed runtimes only"));
    }
    String runtime = lambda.runtime();
    Optional<LocalDate> deprecation = runtimes.deprecation(runtime);
    if (deprecation.isEmpty()) {
      return List.of(
          Evaluation.fail(
              24,
              function.ref(),
              name
                  + " uses runtime "
                  + runtime
                  + ", which is not in the supported runtime list"
                  + " (version "
                  + runtimes.version()
                  + ")"));
    }
    Instant deprecatedAt = deprecation.get().atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!input.at().isBefore(deprecatedAt)) {
      return List.of(
          Evaluation.fail(
              24,
              function.ref(),
              name + " uses runtime " + runtime + ", deprecated since " + deprecation.get()));
    }
    return List.of(
        Evaluation.pass(
                24,
                function.ref(),
                name
                    + " uses supported runtime "
                    + runtime
                    + " (deprecation on "
                    + deprecation.get()
                    + ")")
            .withRecheckAt(deprecatedAt));
  }
}
