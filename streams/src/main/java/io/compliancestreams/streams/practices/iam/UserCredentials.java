package io.compliancestreams.streams.practices.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
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
        item.accountId(), item.awsRegion(), IamTypes.USER, item.resourceId(), item.arn());
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
    JsonNode config = item.configuration();
    if (!config.isObject()) {
      throw new MalformedItemException("configuration", "expected an object");
    }
    JsonNode user = IamJson.object(config, "User", "configuration.User");
    String name =
        IamJson.optionalText(user, "UserName", "configuration.User.UserName")
            .orElse(item.displayName());
    Optional<Instant> passwordLastUsed =
        IamJson.optionalInstant(user, "PasswordLastUsed", "configuration.User.PasswordLastUsed");
    Optional<Instant> loginProfileCreated =
        IamJson.optionalObject(config, "LoginProfile", "configuration.LoginProfile")
            .map(p -> IamJson.instant(p, "CreateDate", "configuration.LoginProfile.CreateDate"));
    return new UserCredentials(
        userRef(item),
        name,
        passwordLastUsed,
        loginProfileCreated,
        accessKeys(config),
        mfaSerialNumbers(config));
  }

  private static List<AccessKey> accessKeys(JsonNode config) {
    List<JsonNode> entries =
        IamJson.array(config, "AccessKeyMetadata", "configuration.AccessKeyMetadata");
    List<AccessKey> keys = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "configuration.AccessKeyMetadata[" + i + "]";
      JsonNode entry = entries.get(i);
      if (!entry.isObject()) {
        throw new MalformedItemException(path, "expected an object");
      }
      Optional<Instant> lastUsed =
          IamJson.optionalObject(entry, "AccessKeyLastUsed", path + ".AccessKeyLastUsed")
              .flatMap(
                  u -> IamJson.optionalInstant(u, "LastUsedDate", path + ".AccessKeyLastUsed.LastUsedDate"));
      keys.add(
          new AccessKey(
              IamJson.text(entry, "AccessKeyId", path + ".AccessKeyId"),
              // "Inactive" and anything else (e.g. "Expired") cannot sign requests.
              "Active".equals(IamJson.text(entry, "Status", path + ".Status")),
              IamJson.instant(entry, "CreateDate", path + ".CreateDate"),
              lastUsed));
    }
    return keys;
  }

  private static List<String> mfaSerialNumbers(JsonNode config) {
    List<JsonNode> entries = IamJson.array(config, "MFADevices", "configuration.MFADevices");
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "configuration.MFADevices[" + i + "]";
      JsonNode entry = entries.get(i);
      if (!entry.isObject()) {
        throw new MalformedItemException(path, "expected an object");
      }
      serials.add(IamJson.text(entry, "SerialNumber", path + ".SerialNumber"));
    }
    return serials;
  }
}
