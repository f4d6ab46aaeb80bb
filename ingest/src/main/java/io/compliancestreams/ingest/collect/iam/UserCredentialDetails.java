package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.aws.ApiJson;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Builds one user's {@code UserCredentials} configuration. With the user's credential report row,
 * only what the report lacks is asked, and only when the row says it exists: the login profile
 * (its {@code CreateDate} and {@code PasswordResetRequired}) when a password is enabled, the key
 * ids (ListAccessKeys) when a key slot is filled, the MFA serial numbers (ListMFADevices) when MFA
 * is active; each key's last use comes from its report slot. Without a row (a user newer than the
 * report, or a targeted rescan that must see the present) every member is asked of the API.
 *
 * <p>A sub-resource that vanished between calls (NoSuchEntity for one key's last use) is left out;
 * NoSuchEntity on the user's own lists means the user itself is gone, and only then is the user
 * skipped (the scope then records its deletion, which is true).
 */
final class UserCredentialDetails {

  private static final Logger LOG = LoggerFactory.getLogger(UserCredentialDetails.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** What the report writes where the API says N/A (never used, or not known). */
  private static final Set<String> NO_VALUE = Set.of("", "N/A", "no_information", "not_supported");

  private final IamClient iam;
  private final Integer pageSize;

  UserCredentialDetails(IamClient iam, Integer pageSize) {
    this.iam = iam;
    this.pageSize = pageSize;
  }

  /** From the report row plus the calls it cannot spare; empty when the user was deleted meanwhile. */
  Optional<ObjectNode> fromReport(User user, CredentialReport.Row row) {
    try {
      ObjectNode c = NODES.objectNode();
      c.set("User", ApiJson.of(user));
      c.set("LoginProfile", row.passwordEnabled() ? loginProfile(user) : NODES.nullNode());
      c.set("AccessKeyMetadata", row.hasKeys()
          ? accessKeys(user, key -> row.keyCreatedAt(key.createDate()).map(UserCredentialDetails::lastUsed))
          : NODES.arrayNode());
      c.set("MFADevices", row.mfaActive() ? mfaDevices(user) : NODES.arrayNode());
      return Optional.of(c);
    } catch (NoSuchEntityException e) {
      return userGone(user);
    }
  }

  /** Every member from the API (GetLoginProfile, ListAccessKeys, GetAccessKeyLastUsed, ListMFADevices). */
  Optional<ObjectNode> fromApi(User user) {
    try {
      ObjectNode c = NODES.objectNode();
      c.set("User", ApiJson.of(user));
      c.set("LoginProfile", loginProfile(user));
      c.set("AccessKeyMetadata", accessKeys(user, key -> Optional.empty()));
      c.set("MFADevices", mfaDevices(user));
      return Optional.of(c);
    } catch (NoSuchEntityException e) {
      return userGone(user);
    }
  }

  private JsonNode loginProfile(User user) {
    try {
      return ApiJson.of(iam.getLoginProfile(r -> r.userName(user.userName())).loginProfile());
    } catch (NoSuchEntityException e) {
      return NODES.nullNode(); // no console password (any more)
    }
  }

  /** @param known a key's last use when already known (the report), else empty: then it is asked */
  private ArrayNode accessKeys(User user, Function<AccessKeyMetadata, Optional<JsonNode>> known) {
    ArrayNode keys = NODES.arrayNode();
    for (AccessKeyMetadata key
        : iam.listAccessKeysPaginator(r -> r.userName(user.userName()).maxItems(pageSize)).accessKeyMetadata()) {
      Optional<JsonNode> lastUsed = known.apply(key).or(() -> askLastUsed(key));
      lastUsed.ifPresent(used -> {
        ObjectNode entry = ApiJson.of(key);
        entry.set("AccessKeyLastUsed", used);
        keys.add(entry);
      });
    }
    return keys;
  }

  /** GetAccessKeyLastUsed; empty when the key was deleted since ListAccessKeys listed it. */
  private Optional<JsonNode> askLastUsed(AccessKeyMetadata key) {
    try {
      return Optional.of(ApiJson.of(iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed()));
    } catch (NoSuchEntityException e) {
      LOG.debug("Access key {} of {} disappeared while collecting", key.accessKeyId(), key.userName());
      return Optional.empty();
    }
  }

  private JsonNode mfaDevices(User user) {
    return ApiJson.ofList(iam.listMFADevicesPaginator(r -> r.userName(user.userName()).maxItems(pageSize))
        .mfaDevices().stream().toList());
  }

  /** The report slot's last use in GetAccessKeyLastUsed's shape: N/A and no date when never used. */
  static JsonNode lastUsed(CredentialReport.KeySlot slot) {
    return ApiJson.of(AccessKeyLastUsed.builder()
        .lastUsedDate(slot.lastUsed().orElse(null))
        .serviceName(orNa(slot.lastUsedService()))
        .region(orNa(slot.lastUsedRegion()))
        .build());
  }

  private static String orNa(String value) {
    return value == null || NO_VALUE.contains(value.strip()) ? "N/A" : value.strip();
  }

  private static Optional<ObjectNode> userGone(User user) {
    LOG.debug("User {} disappeared while collecting its credentials", user.userName());
    return Optional.empty();
  }
}
