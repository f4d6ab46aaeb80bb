package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.account;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_PASSWORD_POLICY;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.PracticeParameters;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM.7: the account has a custom password policy that meets the configured requirements. The
 * defaults are the article's and Security Hub's: upper case, lower case, symbols and numbers
 * required, at least 8 characters; reuse prevention and maximum age are checked only when a value
 * is configured (Security Hub has no default for them). No policy at all fails.
 */
public final class StrongPasswordPolicy implements Practice {

  static final int NUMBER = 7;

  static final ParameterSpec REQUIRE_UPPERCASE =
      new ParameterSpec("RequireUppercaseCharacters", "true", "Require at least one upper-case letter.");
  static final ParameterSpec REQUIRE_LOWERCASE =
      new ParameterSpec("RequireLowercaseCharacters", "true", "Require at least one lower-case letter.");
  static final ParameterSpec REQUIRE_SYMBOLS =
      new ParameterSpec("RequireSymbols", "true", "Require at least one symbol.");
  static final ParameterSpec REQUIRE_NUMBERS =
      new ParameterSpec("RequireNumbers", "true", "Require at least one digit.");
  static final ParameterSpec MINIMUM_LENGTH =
      new ParameterSpec("MinimumPasswordLength", "8", "Smallest acceptable minimum length (8–128).");
  static final ParameterSpec REUSE_PREVENTION =
      new ParameterSpec(
          "PasswordReusePrevention", "",
          "When set (12–24), the policy must remember at least this many previous passwords;"
              + " empty = not checked.");
  static final ParameterSpec MAX_AGE =
      new ParameterSpec(
          "MaxPasswordAge", "",
          "When set (1–90), passwords must expire within this many days; empty = not checked.");

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.7",
          "Password policies for IAM users should have strong configurations",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.ACCOUNT,
          List.of(IAM_PASSWORD_POLICY),
          List.of(
              // The request carries the whole new policy (omitted fields revert to defaults).
              EventTrigger.decisive(IAM_SOURCE, "UpdateAccountPasswordPolicy", IAM_PASSWORD_POLICY, account()),
              EventTrigger.rescan(IAM_SOURCE, "DeleteAccountPasswordPolicy", IAM_PASSWORD_POLICY, account())),
          List.of(
              REQUIRE_UPPERCASE, REQUIRE_LOWERCASE, REQUIRE_SYMBOLS, REQUIRE_NUMBERS, MINIMUM_LENGTH,
              REUSE_PREVENTION, MAX_AGE),
          "Set an account password policy (IAM console, Account settings, or"
              + " update-account-password-policy) that requires upper- and lower-case letters,"
              + " digits and symbols and a minimum length of at least 8 characters; 14 or more is"
              + " better. The call replaces the whole policy, so pass every setting you want to keep.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    Requirements required = Requirements.of(input.parameters());
    ResourceRef account = ResourceRef.account(input.subject().accountId());
    Optional<PasswordPolicy> policy = PasswordPolicy.of(AccountSnapshot.required(input, IAM_PASSWORD_POLICY));
    if (policy.isEmpty()) {
      return List.of(
          Evaluation.fail(
              NUMBER, account, "account " + account.accountId()
                  + " has no password policy, so IAM's weak default applies"));
    }
    List<String> gaps = required.gaps(policy.get());
    if (gaps.isEmpty()) {
      return List.of(
          Evaluation.pass(
              NUMBER, account, "the password policy of account " + account.accountId()
                  + " meets every requirement (" + required.describe() + ")"));
    }
    return List.of(
        Evaluation.fail(
            NUMBER, account, "the password policy of account " + account.accountId()
                + " is too weak: " + String.join("; ", gaps)));
  }

  /** The configured requirements, validated once per evaluation. */
  private record Requirements(
      boolean uppercase,
      boolean lowercase,
      boolean symbols,
      boolean numbers,
      int minimumLength,
      Optional<Integer> reusePrevention,
      Optional<Integer> maxAge) {

    static Requirements of(PracticeParameters p) {
      return new Requirements(
          p.bool(REQUIRE_UPPERCASE),
          p.bool(REQUIRE_LOWERCASE),
          p.bool(REQUIRE_SYMBOLS),
          p.bool(REQUIRE_NUMBERS),
          ranged(p, MINIMUM_LENGTH, 8, 128).orElseThrow(
              () -> new IllegalArgumentException("parameter MinimumPasswordLength must be set")),
          ranged(p, REUSE_PREVENTION, 12, 24),
          ranged(p, MAX_AGE, 1, 90));
    }

    /** Security Hub's allowed range for each parameter; empty text means "not checked". */
    private static Optional<Integer> ranged(PracticeParameters p, ParameterSpec spec, int min, int max) {
      if (p.text(spec).isBlank()) {
        return Optional.empty();
      }
      int value = p.integer(spec);
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "parameter " + spec.name() + " must be between " + min + " and " + max + ", got " + value);
      }
      return Optional.of(value);
    }

    List<String> gaps(PasswordPolicy policy) {
      List<String> gaps = new ArrayList<>();
      requireFlag(gaps, policy, "RequireUppercaseCharacters", uppercase);
      requireFlag(gaps, policy, "RequireLowercaseCharacters", lowercase);
      requireFlag(gaps, policy, "RequireSymbols", symbols);
      requireFlag(gaps, policy, "RequireNumbers", numbers);
      int length = number(policy, "MinimumPasswordLength");
      if (length < minimumLength) {
        gaps.add("MinimumPasswordLength is " + length + ", needs at least " + minimumLength);
      }
      reusePrevention.ifPresent(
          needed -> {
            int remembered = number(policy, "PasswordReusePrevention");
            if (remembered < needed) {
              gaps.add("PasswordReusePrevention is " + (remembered == 0 ? "off" : remembered)
                  + ", needs at least " + needed);
            }
          });
      maxAge.ifPresent(
          limit -> {
            // 0 or absent: passwords never expire.
            int age = number(policy, "MaxPasswordAge");
            if (age == 0 || age > limit) {
              gaps.add("MaxPasswordAge is " + (age == 0 ? "unset (passwords never expire)" : age)
                  + ", needs 1 to " + limit + " days");
            }
          });
      return gaps;
    }

    String describe() {
      List<String> parts = new ArrayList<>();
      if (uppercase) {
        parts.add("upper case");
      }
      if (lowercase) {
        parts.add("lower case");
      }
      if (symbols) {
        parts.add("symbols");
      }
      if (numbers) {
        parts.add("numbers");
      }
      parts.add("length >= " + minimumLength);
      reusePrevention.ifPresent(n -> parts.add("reuse prevention >= " + n));
      maxAge.ifPresent(n -> parts.add("max age <= " + n + " days"));
      return String.join(", ", parts);
    }

    private static void requireFlag(List<String> gaps, PasswordPolicy policy, String field, boolean needed) {
      if (needed && !policy.flag(field)) {
        gaps.add(field + " is not enabled");
      }
    }

    private static int number(PasswordPolicy policy, String field) {
      return policy.number(field);
    }
  }
}
