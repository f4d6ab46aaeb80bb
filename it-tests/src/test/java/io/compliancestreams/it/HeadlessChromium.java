package io.compliancestreams.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a real browser for page tests (no browser download: .ci/run
 * installs the Debian package). Fails loudly when it is missing.
 */
final class HeadlessChromium {

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  static HeadlessChromium find() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) {
        return new HeadlessChromium(p);
      }
    }
    throw new AssertionError("Chromium is required for the browser test: apt-get install chromium (.ci/run does it)");
  }

  /**
   * A loaded page: its DOM after the scripts ran, and what the page wrote to the browser console,
   * which is also where Chromium reports what a Content-Security-Policy blocked.
   */
  record Page(String dom, List<String> console) {

    /** Console lines that report a Content-Security-Policy violation (a blocked script, style, frame...). */
    List<String> cspViolations() {
      return console.stream().filter(l -> l.contains("Content Security Policy")).toList();
    }
  }

  /** The page's DOM after its scripts ran for {@code budgetMs} of virtual time, and its console. */
  Page load(String url, int budgetMs) throws IOException, InterruptedException {
    Run run = run(url, budgetMs, "--dump-dom");
    return new Page(run.stdout(), run.console());
  }

  /** Writes a PNG screenshot of the page. */
  void screenshot(String url, int budgetMs, Path png) throws IOException, InterruptedException {
    run(url, budgetMs, "--screenshot=" + png.toAbsolutePath(), "--window-size=1400,1100");
  }

  private record Run(String stdout, List<String> console) {}

  private Run run(String url, int budgetMs, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path stderr = Files.createTempFile("chromium", ".log");
    // --enable-logging=stderr logs every console message as "INFO:CONSOLE(line)] "text", source: url".
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=" + budgetMs));
    command.addAll(List.of(extra));
    command.add(url);
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s");
    }
    List<String> console = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(":CONSOLE")).toList();
    return new Run(new String(out, StandardCharsets.UTF_8), console);
  }
}
