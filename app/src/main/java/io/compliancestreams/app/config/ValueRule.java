package io.compliancestreams.app.config;

import java.util.Optional;

/**
 * What one configuration key accepts. {@link AppConfig#load} applies the rule of every key that
 * has a value before any command connects anywhere, so a bad value stops the command with one line
 * naming the key (exit 2) instead of failing later, half-started. {@link ValueRules} builds them.
 */
@FunctionalInterface
public interface ValueRule {

  /**
   * Why {@code value} (trimmed, not empty) is not acceptable, e.g. "must be a port number
   * 1-65535"; empty when it is. The reason never repeats the value: the caller decides whether it
   * may be shown (it is not for secrets).
   */
  Optional<String> problem(String value);
}
