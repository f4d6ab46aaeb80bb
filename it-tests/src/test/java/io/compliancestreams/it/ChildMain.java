package io.compliancestreams.it;

import io.compliancestreams.app.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The product's real entry point in a child JVM: what a user starts, with its own logging and exit code. */
final class ChildMain {

  private ChildMain() {}

  /**
   * Starts {@code Main args…} with heap {@code maxHeap} (e.g. "256m") against {@code bootstrapServers};
   * stdout and stderr go to {@code log}.
   */
  static Process start(String maxHeap, String bootstrapServers, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--set", "kafka.bootstrap.servers=" + bootstrapServers));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
