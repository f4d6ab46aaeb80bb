package io.compliancestreams.app.config;

import java.util.Objects;

/**
 * One configuration option: its key (files and flags), its environment variable, its default
 * (null when there is none), what it means, whether it is a secret (never printed), and the rule
 * its value must follow (checked at load, before anything connects; see {@link ValueRules}).
 */
public record ConfigKey(
    String key, String env, String defaultValue, String description, boolean secret, ValueRule rule) {
  public ConfigKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(rule, "rule");
  }
}
