package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options every long-running command shares. */
final class ConfigOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "A properties file of configuration keys (see the README's table).")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set one configuration key; wins over the file and environment variables.")
  Map<String, String> flags = new LinkedHashMap<>();

  AppConfig load() {
    return AppConfig.load(file, System.getenv(), flags);
  }
}
