package io.compliancestreams.app.config;

import io.compliancestreams.schemas.redact.Redactor;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands the configuration's secrets to the {@link Redactor} once it is loaded: every key marked
 * secret, plus the combinations only the app knows are sent together — the Jira email and API token
 * and the registry's {@code user:password}, both sent as HTTP Basic — and the AWS secrets the SDK
 * reads from the environment, and every secret Kafka client property under {@code kafka.}
 * (PASSWORD-typed ones such as {@code ssl.key.password}, and {@code sasl.jaas.config} with the
 * password inside it).
 */
final class ConfigSecrets {

  /** {@code password="..."} (or secret, token) options of a JAAS configuration line. */
  private static final Pattern JAAS_SECRET =
      Pattern.compile("(password|secret|token)[A-Za-z]*\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

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
    config.kafkaPassThrough().forEach((key, value) -> {
      if (key.secret()) {
        Redactor.register(value);
        // A JAAS line carries its password="..." among harmless words: the password alone too.
        Matcher quoted = JAAS_SECRET.matcher(value);
        while (quoted.find()) {
          Redactor.register(quoted.group(2));
        }
      }
    });
    Redactor.register(env.get("AWS_SECRET_ACCESS_KEY"));
    Redactor.register(env.get("AWS_SESSION_TOKEN"));
  }
}
