package io.compliancestreams.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code <python> -m moto.server -H 127.0.0.1 -p <port>} as a child process, killed on {@link
 * #stop()} or, failing that, when this JVM exits.
 */
final class LocalMotoProcess {

  static final String INSTALL_HINT =
      "Install it with: pip install 'moto[server]' (or set AWS_ENDPOINT_URL to a running emulator,"
          + " or start Docker)";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path logFile;
  private final URI endpoint;
  private final Thread shutdownHook;

  private LocalMotoProcess(Process process, Path logFile, URI endpoint) {
    this.process = process;
    this.logFile = logFile;
    this.endpoint = endpoint;
    this.shutdownHook = new Thread(this::kill, "devkit-moto-shutdown");
  }

  /**
   * Checks that {@code python} runs and can import {@code moto.server}, starts the server on a free
   * loopback port and returns once it answers HTTP.
   *
   * @throws IllegalStateException naming the missing piece and how to install it
   */
  static LocalMotoProcess start(String python, HttpClient http) {
    requireMotoServer(python);
    int port = LoopbackPorts.free();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    Path logFile;
    Process process;
    try {
      logFile = Files.createTempFile("devkit-moto-", ".log");
      process = new ProcessBuilder(
              python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + python + " -m moto.server", e);
    }
    LocalMotoProcess moto = new LocalMotoProcess(process, logFile, endpoint);
    Runtime.getRuntime().addShutdownHook(moto.shutdownHook);
    try {
      Poll.until("moto at " + endpoint + " answers HTTP", READY_TIMEOUT, () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "moto exited with code " + process.exitValue() + " before answering; its output:\n"
                  + moto.output());
        }
        return answers(http, endpoint);
      });
    } catch (RuntimeException e) {
      moto.stop();
      throw e;
    }
    return moto;
  }

  URI endpoint() {
    return endpoint;
  }

  /** Kills the process (and any children) and waits for it to end. */
  void stop() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; nothing to remove.
    }
    try {
      Files.deleteIfExists(logFile);
    } catch (IOException ignored) {
      // A leftover temporary log file is harmless.
    }
  }

  private void kill() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String output() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static boolean answers(HttpClient http, URI endpoint) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
        .timeout(Duration.ofSeconds(2))
        .GET()
        .build();
    try {
      http.send(request, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Fails with an installation hint unless {@code python -c "import moto.server"} succeeds. */
  static void requireMotoServer(String python) {
    List<String> command = List.of(python, "-c", "import moto.server");
    Process probe;
    try {
      probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The local AWS emulator needs Python 3 with moto, but '" + python
              + "' could not be run (" + e.getMessage() + "). Install Python 3, then moto. "
              + INSTALL_HINT, e);
    }
    try {
      // An import error is a short traceback, well within the pipe's buffer, so wait first.
      if (!probe.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish in "
            + PROBE_TIMEOUT.toSeconds() + " s");
      }
      String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (probe.exitValue() != 0) {
        throw new IllegalStateException(
            "The local AWS emulator needs the Python module moto with its server extra, but '"
                + String.join(" ", command) + "' failed with exit code " + probe.exitValue()
                + (output.isBlank() ? "" : ":\n" + output.strip()) + "\n" + INSTALL_HINT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking for moto", e);
    }
  }
}
