package io.compliancestreams.app.config;

import io.compliancestreams.schemas.redact.Redactor;
import java.util.Map;

/**
 * Hands the configuration's secrets to the {@link Redactor} once it is loaded: every key marked
 * secret, plus the combinations only the app knows are sent together — the Jira email and API token
 * and the registry's {@code user:password}, both sent as HTTP Basic — and the AWS secrets the SDK
 * reads from the environment.
 */
final class ConfigSecrets {

  private ConfigSecrets() {}

  static void register(AppConfig config, Map<String, String> env) {
    for (ConfigKey key : ConfigKeys.all()) {
      if (key.secret()) {
        config.get(key).ifPresent(Redactor::register);
      }
    }
    config.get(ConfigKeys.JIRA_API_TOKEN).ifPresent(token ->
        Redactor.registerCredentials(config.get(ConfigKeys.JIRA_EMAIL).orElse(""), token));
    config.get(ConfigKeys.SCHEMA_REGISTRY_USER_INFO).ifPresent(userInfo -> {
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        Redactor.registerCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
      }
    });
    Redactor.register(env.get("AWS_SECRET_ACCESS_KEY"));
    Redactor.register(env.get("AWS_SESSION_TOKEN"));
  }
}
