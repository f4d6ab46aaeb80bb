package io.compliancestreams.app.config;

/** A configuration mistake; the message names the key or file. Printed as one line, exit 2. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
