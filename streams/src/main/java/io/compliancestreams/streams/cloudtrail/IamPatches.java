package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Root access keys, the password policy, user policies and policy versions (1, 2, 4, 6, 7). */
final class IamPatches {

  private static final String ROOT = "Root";
  private static final String KEYS_PRESENT = "AccountAccessKeysPresent";

  private IamPatches() {}

  /**
   * CreateAccessKey by root for itself → AccountSummary SummaryMap.AccountAccessKeysPresent = 1
   * (GetAccountSummary). Root naming a user creates that user's key, not its own.
   */
  static Optional<ConfigurationItem> rootCreateAccessKey(ConfigurationItem current, TrailEvent e) {
    if (!rootActsOnItself(e)) {
      return Optional.empty();
    }
    return Items.configurationCopy(current)
        .map(
            config -> {
              Json.object(config, "SummaryMap").put(KEYS_PRESENT, 1);
              return Items.withConfiguration(current, config, e);
            });
  }

  /**
   * DeleteAccessKey by root for itself → AccountAccessKeysPresent, only when it already says 0:
   * root may hold two keys and the summary keeps no count, so whether this was the last one is for
   * the rescan to tell.
   */
  static Optional<ConfigurationItem> rootDeleteAccessKey(ConfigurationItem current, TrailEvent e) {
    JsonNode present = current.configuration().path("SummaryMap").path(KEYS_PRESENT);
    if (!rootActsOnItself(e) || !present.isNumber() || present.asInt() != 0) {
      return Optional.empty();
    }
    return Optional.of(Items.withConfiguration(current, current.configuration().deepCopy(), e));
  }

  private static boolean rootActsOnItself(TrailEvent e) {
    return ROOT.equals(e.userIdentity().type())
        && Json.text(e.requestParameters(), "userName") == null;
  }

  /**
   * UpdateAccountPasswordPolicy → PasswordPolicy (GetAccountPasswordPolicy). The request is the
   * whole policy: an omitted parameter takes the API's default, so nothing is kept.
   */
  static Optional<ConfigurationItem> updatePasswordPolicy(ConfigurationItem current, TrailEvent e) {
    JsonNode r = e.requestParameters();
    if (!r.isObject()) {
      return Optional.empty();
    }
    ObjectNode policy = Json.NODES.objectNode();
    policy.put("MinimumPasswordLength", r.path("minimumPasswordLength").asInt(8));
    policy.put("RequireSymbols", Json.flag(r, "requireSymbols"));
    policy.put("RequireNumbers", Json.flag(r, "requireNumbers"));
    policy.put("RequireUppercaseCharacters", Json.flag(r, "requireUppercaseCharacters"));
    policy.put("RequireLowercaseCharacters", Json.flag(r, "requireLowercaseCharacters"));
    policy.put("AllowUsersToChangePassword", Json.flag(r, "allowUsersToChangePassword"));
    int maxAge = r.path("maxPasswordAge").asInt(0);
    policy.put("ExpirePasswords", maxAge > 0);
    // The API omits MaxPasswordAge and PasswordReusePrevention when they are off (0).
    if (maxAge > 0) {
      policy.put("MaxPasswordAge", maxAge);
    }
    int reuse = r.path("passwordReusePrevention").asInt(0);
    if (reuse > 0) {
      policy.put("PasswordReusePrevention", reuse);
    }
    policy.put("HardExpiry", Json.flag(r, "hardExpiry"));
    ObjectNode config = Json.NODES.objectNode();
    config.set("PasswordPolicy", policy);
    return Optional.of(Items.withConfiguration(current, config, e));
  }

  /** AttachUserPolicy → AWS::IAM::User attachedManagedPolicies[] gains {policyName, policyArn}. */
  static Optional<ConfigurationItem> attachUserPolicy(ConfigurationItem current, TrailEvent e) {
    String arn = Json.text(e.requestParameters(), "policyArn");
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (arn == null || config.isEmpty() || !sameUser(config.get(), e)) {
      return Optional.empty();
    }
    ArrayNode attached = Json.array(config.get(), "attachedManagedPolicies");
    for (JsonNode policy : attached) {
      if (arn.equals(Json.text(policy, "policyArn"))) {
        return Optional.of(Items.withConfiguration(current, config.get(), e));
      }
    }
    ObjectNode entry = attached.addObject();
    entry.put("policyName", arn.substring(arn.lastIndexOf('/') + 1));
    entry.put("policyArn", arn);
    return Optional.of(Items.withConfiguration(current, config.get(), e));
  }

  /**
   * PutUserPolicy → AWS::IAM::User userPolicyList[] gets {policyName, policyDocument}, the document
   * URL-encoded as AWS Config stores it; a put with an existing name replaces it.
   */
  static Optional<ConfigurationItem> putUserPolicy(ConfigurationItem current, TrailEvent e) {
    String name = Json.text(e.requestParameters(), "policyName");
    String document = Json.text(e.requestParameters(), "policyDocument");
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (name == null || document == null || config.isEmpty() || !sameUser(config.get(), e)) {
      return Optional.empty();
    }
    ArrayNode inline = Json.array(config.get(), "userPolicyList");
    for (int i = inline.size() - 1; i >= 0; i--) {
      if (name.equals(Json.text(inline.get(i), "policyName"))) {
        inline.remove(i);
      }
    }
    ObjectNode entry = inline.addObject();
    entry.put("policyName", name);
    entry.put("policyDocument", urlEncode(document));
    return Optional.of(Items.withConfiguration(current, config.get(), e));
  }

  private static boolean sameUser(ObjectNode user, TrailEvent e) {
    String requested = Json.text(e.requestParameters(), "userName");
    return requested != null && requested.equals(Json.text(user, "userName"));
  }

  /**
   * CreatePolicyVersion with setAsDefault → AWS::IAM::Policy policyVersionList[] gains the new
   * default version (URL-encoded document) and defaultVersionId moves to it. Without setAsDefault
   * the default, hence the status, is unchanged: left to the rescan.
   */
  static Optional<ConfigurationItem> createPolicyVersion(ConfigurationItem current, TrailEvent e) {
    JsonNode r = e.requestParameters();
    String document = Json.text(r, "policyDocument");
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (!Json.flag(r, "setAsDefault") || document == null || config.isEmpty()) {
      return Optional.empty();
    }
    String arn = Json.text(r, "policyArn");
    if (arn != null && !arn.equals(Json.text(config.get(), "arn")) && !arn.equals(current.arn())) {
      return Optional.empty();
    }
    ArrayNode versions = Json.array(config.get(), "policyVersionList");
    String versionId = Json.text(e.responseElements().path("policyVersion"), "versionId");
    if (versionId == null) {
      versionId = nextVersionId(versions);
    }
    for (JsonNode v : versions) {
      if (v instanceof ObjectNode version) {
        version.put("isDefaultVersion", false);
      }
    }
    ObjectNode entry = versions.addObject();
    entry.put("document", urlEncode(document));
    entry.put("versionId", versionId);
    entry.put("isDefaultVersion", true);
    entry.put("createDate", e.eventTime().toString());
    config.get().put("defaultVersionId", versionId);
    config.get().put("updateDate", e.eventTime().toString());
    return Optional.of(Items.withConfiguration(current, config.get(), e));
  }

  private static String nextVersionId(ArrayNode versions) {
    int max = 0;
    for (JsonNode v : versions) {
      String id = Json.text(v, "versionId");
      if (id != null && id.matches("v\\d+")) {
        max = Math.max(max, Integer.parseInt(id.substring(1)));
      }
    }
    return "v" + (max + 1);
  }

  /** RFC 3986 percent-encoding, as IAM and AWS Config store policy documents. */
  static String urlEncode(String document) {
    return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
