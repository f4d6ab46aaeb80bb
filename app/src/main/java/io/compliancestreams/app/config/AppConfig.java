package io.compliancestreams.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The one typed configuration of the runnable: defaults, then a properties file, then environment
 * variables, then command-line flags (flags win). Unknown keys and every value that breaks its
 * key's {@link ValueRule} fail here, at load, with the key's name: before any command connects to
 * Kafka, AWS or a sink. Secrets never appear in {@link #toString()} nor in those messages, and once
 * loaded they are registered for redaction from every log line, error and dead letter
 * ({@link ConfigSecrets}).
 */
public final class AppConfig {

  /** scheme://user@ or scheme://user:password@ at the start of a value. */
  private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]*@");

  private final Map<String, String> values;

  private AppConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Builds the configuration; {@code file} may be null. */
  public static AppConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      if (key.defaultValue() != null) {
        values.put(key.key(), key.defaultValue());
      }
    }
    if (file != null) {
      Properties props = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        props.load(in);
      } catch (NoSuchFileException e) {
        throw new ConfigException(file + ": no such configuration file");
      } catch (IOException e) {
        throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
      }
      for (String name : props.stringPropertyNames()) {
        if (!known(name)) {
          throw new ConfigException(file + ": " + unknown(name));
        }
        values.put(name, props.getProperty(name).trim());
      }
    }
    // Kafka client properties first: a first-class key (KAFKA_BOOTSTRAP_SERVERS) is never one of them.
    values.putAll(KafkaPassThrough.fromEnvironment(env));
    for (ConfigKey key : ConfigKeys.all()) {
      String fromEnv = env.get(key.env());
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(key.key(), fromEnv.trim());
      }
    }
    flags.forEach((name, value) -> {
      if (!known(name)) {
        throw new ConfigException(unknown(name) + " (--set " + name + "=...)");
      }
      values.put(name, value.trim());
    });
    AppConfig config = new AppConfig(values);
    // Registered before validation, so whatever a bad value makes anyone print is redacted too.
    ConfigSecrets.register(config, env);
    values.forEach(AppConfig::validate);
    return config;
  }

  /** A key of {@link ConfigKeys}, or a Kafka client property under {@code kafka.}. */
  private static boolean known(String name) {
    return ConfigKeys.byKey(name).isPresent() || KafkaPassThrough.parse(name).isPresent();
  }

  private static String unknown(String name) {
    return name.startsWith(KafkaPassThrough.PREFIX) ? KafkaPassThrough.unknown(name)
        : "unknown configuration key '" + name + "'";
  }

  private static void validate(String name, String value) {
    Optional<ConfigKey> key = ConfigKeys.byKey(name);
    if (key.isPresent()) {
      validate(key.get(), value);
      return;
    }
    KafkaPassThrough.Key passThrough = KafkaPassThrough.parse(name).orElseThrow();
    if (value == null || value.isEmpty()) {
      return;
    }
    KafkaPassThrough.problem(passThrough, value).ifPresent(problem -> {
      boolean hidden = passThrough.secret() || CREDENTIALS_IN_URL.matcher(value).find();
      throw new ConfigException(name + " (" + KafkaPassThrough.env(name) + ") " + problem
          + (hidden ? " (value not shown: it may hold a secret)" : ", got '" + value + "'"));
    });
  }

  /**
   * Applies the key's rule to a present value. The message shows the value unless it is a secret or
   * a URL carrying credentials.
   */
  private static void validate(ConfigKey key, String value) {
    if (value == null || value.isEmpty()) {
      return; // unset: required keys say so when they are read
    }
    key.rule().problem(value).ifPresent(problem -> {
      boolean hidden = key.secret() || CREDENTIALS_IN_URL.matcher(value).find();
      throw new ConfigException(key.key() + " (" + key.env() + ") " + problem
          + (hidden ? " (value not shown: it may hold a secret)" : ", got '" + value + "'"));
    });
  }

  /** Defaults and environment only. */
  public static AppConfig fromEnvironment() {
    return load(null, System.getenv(), Map.of());
  }

  public Optional<String> get(ConfigKey key) {
    return Optional.ofNullable(values.get(key.key())).filter(v -> !v.isEmpty());
  }

  public String string(ConfigKey key) {
    return get(key).orElseThrow(() -> new ConfigException(key.key() + " (" + key.env() + ") is required"));
  }

  public int integer(ConfigKey key) {
    String value = string(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(key.key() + " must be a whole number, got '" + value + "'");
    }
  }

  public boolean bool(ConfigKey key) {
    String value = string(key);
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new ConfigException(key.key() + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  public Duration duration(ConfigKey key) {
    String value = string(key);
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(key.key() + " must be an ISO-8601 duration such as PT10S, got '" + value + "'");
    }
  }

  /**
   * The Kafka client properties set under {@code kafka.} (not the first-class keys such as
   * {@code kafka.bootstrap.servers}), by key; {@link KafkaClientSettings} sorts them by client.
   */
  Map<KafkaPassThrough.Key, String> kafkaPassThrough() {
    Map<KafkaPassThrough.Key, String> found = new LinkedHashMap<>();
    new java.util.TreeMap<>(values).forEach((name, value) -> {
      if (ConfigKeys.byKey(name).isEmpty() && !value.isEmpty()) {
        KafkaPassThrough.parse(name).ifPresent(key -> found.put(key, value));
      }
    });
    return found;
  }

  /** A copy with one more value (e.g. the embedded broker's address). */
  public AppConfig with(ConfigKey key, String value) {
    validate(key, value);
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key.key(), value);
    return new AppConfig(copy);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (ConfigKey key : ConfigKeys.all()) {
      get(key).ifPresent(v -> out.append(key.key()).append('=').append(key.secret() ? "****" : v).append('\n'));
    }
    kafkaPassThrough().forEach((key, v) ->
        out.append(key.key()).append('=').append(key.secret() ? "****" : v).append('\n'));
    return out.toString();
  }
}
