package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ItemReader;
import io.compliancestreams.streams.practices.MalformedItemException;
import io.compliancestreams.streams.practices.ResourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One user's credentials, read from a {@value IamTypes#USER_CREDENTIALS} snapshot (the IAM API
 * responses, PascalCase). Findings are about the user itself ({@value IamTypes#USER}, same id and
 * ARN), so they line up with the AWS Config user item and with IAM.2's findings.
 *
 * @param passwordLastUsed GetUser's PasswordLastUsed; empty when never used (or not since 2014)
 * @param loginProfileCreated the console password's creation; empty when the user has none
 */
record UserCredentials(
    ResourceRef user,
    String userName,
    Optional<Instant> passwordLastUsed,
    Optional<Instant> loginProfileCreated,
    List<AccessKey> accessKeys,
    List<String> mfaSerialNumbers) {

  UserCredentials {
    accessKeys = List.copyOf(accessKeys);
    mfaSerialNumbers = List.copyOf(mfaSerialNumbers);
  }

  /** One ListAccessKeys entry with its GetAccessKeyLastUsed date (empty when never used). */
  record AccessKey(String id, boolean active, Instant created, Optional<Instant> lastUsed) {}

  boolean hasConsolePassword() {
    return loginProfileCreated.isPresent();
  }

  List<AccessKey> activeKeys() {
    return accessKeys.stream().filter(AccessKey::active).toList();
  }

  /** The user as the subject of a finding. */
  static ResourceRef userRef(ConfigurationItem item) {
    return new ResourceRef(
        item.accountId(), item.awsRegion(), ResourceTypes.IAM_USER, item.resourceId(), item.arn());
  }

  /**
   * Reads the snapshot and applies {@code rule}; a malformed snapshot gives an ERROR on the user
   * (not on the snapshot's own key, so the finding id stays the user's).
   */
  static Evaluation evaluate(
      int practice, String controlId, ConfigurationItem item, Function<UserCredentials, Evaluation> rule) {
    UserCredentials credentials;
    try {
      credentials = read(item);
    } catch (MalformedItemException e) {
      return Evaluation.error(
          practice,
          userRef(item),
          controlId + " could not read the credentials of user '" + item.displayName() + "': "
              + e.getMessage());
    }
    return rule.apply(credentials);
  }

  static UserCredentials read(ConfigurationItem item) {
    ItemReader config = ItemReader.configuration(item).requiredObject();
    ItemReader user = config.field("User").requiredObject();
    Optional<Instant> loginProfileCreated =
        config.field("LoginProfile").object().isPresent()
            ? Optional.of(config.field("LoginProfile").field("CreateDate").requiredInstant())
            : Optional.empty();
    return new UserCredentials(
        userRef(item),
        user.field("UserName").text().orElse(item.displayName()),
        user.field("PasswordLastUsed").instant(),
        loginProfileCreated,
        accessKeys(config),
        mfaSerialNumbers(config));
  }

  private static List<AccessKey> accessKeys(ItemReader config) {
    List<AccessKey> keys = new ArrayList<>();
    for (ItemReader entry : config.field("AccessKeyMetadata").list()) {
      entry.requiredObject();
      keys.add(
          new AccessKey(
              requiredString(entry.field("AccessKeyId")),
              // "Inactive" and anything else (e.g. "Expired") cannot sign requests.
              "Active".equals(requiredString(entry.field("Status"))),
              entry.field("CreateDate").requiredInstant(),
              entry.field("AccessKeyLastUsed").field("LastUsedDate").instant()));
    }
    return keys;
  }

  private static List<String> mfaSerialNumbers(ItemReader config) {
    return config.field("MFADevices").list().stream()
        .map(entry -> requiredString(entry.requiredObject().field("SerialNumber")))
        .toList();
  }

  /** A string that must be there; blank is accepted, as the IAM API never sends one. */
  private static String requiredString(ItemReader field) {
    return field.required().text().orElseThrow();
  }
}
