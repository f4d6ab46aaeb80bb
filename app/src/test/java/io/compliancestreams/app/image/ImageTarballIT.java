package io.compliancestreams.app.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.http.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the image tarball the {@code image} profile builds (app/target/jib-image.tar, a `docker
 * save` archive) the way `docker load` reads it: manifest.json, the config it names, the layers in
 * order. Then, with no Docker engine here, runs the image's own Java as the image's user in the
 * image's root file system (a mount namespace and chroot: the container's file system view,
 * without its network or cgroup isolation).
 * commons-compress reads the archive; it is on the classpath through Avro.
 */
class ImageTarballIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path tarball;
  private static JsonNode manifest;
  private static JsonNode config;
  /** Every path in the image's file system (last layer wins), as "/path". */
  private static final Map<String, TarArchiveEntry> files = new HashMap<>();
  private static final Map<String, byte[]> smallFiles = new HashMap<>();

  @BeforeAll
  static void open() throws IOException {
    tarball = Path.of(System.getProperty("image.tar", "target/jib-image.tar"));
    assertThat(tarball).as("the image profile builds it in the package phase").isRegularFile();
    Map<String, byte[]> archive = new HashMap<>();
    Map<String, Path> layers = new HashMap<>();
    Path layerDir = Files.createTempDirectory("image-layers");
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (entry.getName().endsWith(".json")) {
          archive.put(entry.getName(), tar.readAllBytes());
        } else {
          Path layer = layerDir.resolve(entry.getName());
          Files.copy(tar, layer);
          layers.put(entry.getName(), layer);
        }
      }
    }
    manifest = JSON.readTree(archive.get("manifest.json")).get(0);
    config = JSON.readTree(archive.get(manifest.get("Config").asText()));
    for (JsonNode name : manifest.get("Layers")) {
      readLayer(layers.get(name.asText()));
    }
  }

  private static void readLayer(Path layer) throws IOException {
    try (InputStream raw = Files.newInputStream(layer);
         InputStream in = layer.toString().endsWith(".gz") ? new GzipCompressorInputStream(raw) : raw;
         TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
        files.put(path, entry);
        if (entry.isFile() && entry.getSize() < 64 * 1024 && !path.endsWith(".class")) {
          smallFiles.put(path, tar.readAllBytes());
        }
      }
    }
  }

  @Test
  void shouldBeTaggedWithTheVersionAndLatest() {
    assertThat(manifest.get("RepoTags")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("compliance-streams:" + System.getProperty("image.version"), "compliance-streams:latest");
    assertThat(config.at("/config/Labels/org.opencontainers.image.version").asText())
        .isEqualTo(System.getProperty("image.version"));
    assertThat(config.at("/architecture").asText()).isEqualTo("amd64");
  }

  @Test
  void shouldRunAsTheNonRootUserOfItsPasswdFile() {
    String user = config.at("/config/User").asText();
    assertThat(user).isEqualTo("10001:10001");
    assertThat(text("/etc/passwd")).contains("compliance:x:10001:10001:");
    assertThat(text("/etc/group")).contains("compliance:x:10001:");
    TarArchiveEntry state = files.get("/var/lib/compliance-streams");
    assertThat(state.isDirectory()).isTrue();
    assertThat(state.getLongUserId()).isEqualTo(10001);
    assertThat(config.at("/config/Volumes").has("/var/lib/compliance-streams")).isTrue();
    assertThat(config.at("/config/Env").toString()).contains("STREAMS_STATE_DIR=/var/lib/compliance-streams/state");
    assertThat(files.get("/tmp").getMode() & 01777).isEqualTo(01777);
  }

  @Test
  void shouldStartTheAppOnTheImagesOwnJavaWithAClasspathWhoseEveryEntryIsInTheImage() {
    List<String> entrypoint = strings(config.at("/config/Entrypoint"));
    assertThat(entrypoint).containsExactly("/opt/java/openjdk/bin/java", "-XX:MaxRAMPercentage=75",
        "-XX:+ExitOnOutOfMemoryError", "-cp", "@/app/jib-classpath-file", "io.compliancestreams.app.Main");
    assertThat(files.get("/opt/java/openjdk/bin/java").getMode() & 0111).isEqualTo(0111);
    List<String> missing = new ArrayList<>();
    for (String entry : text("/app/jib-classpath-file").strip().split(":")) {
      if (!files.containsKey(entry)) {
        missing.add(entry);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(files).containsKey("/app/classes/io/compliancestreams/app/Main.class");
    assertThat(text("/app/jib-classpath-file")).contains("/app/libs/kafka-streams-");
  }

  @Test
  void shouldExposeTheHttpPortOnEveryAddress() {
    assertThat(config.at("/config/ExposedPorts").has(ConfigKeys.HTTP_PORT.defaultValue() + "/tcp")).isTrue();
    assertThat(strings(config.at("/config/Env"))).contains("HTTP_BIND=0.0.0.0");
  }

  @Test
  void shouldCheckHealthWithTheAppsHealthCommand() {
    JsonNode health = config.at("/config/Healthcheck");
    List<String> test = strings(health.get("Test"));
    assertThat(test.get(0)).isEqualTo("CMD");
    assertThat(test.get(1)).isEqualTo("/opt/java/openjdk/bin/java");
    assertThat(test.subList(test.size() - 2, test.size())).containsExactly("io.compliancestreams.app.Main", "health");
    assertThat(health.get("Interval").asLong()).isEqualTo(TimeUnit.SECONDS.toNanos(30));
    assertThat(health.get("Retries").asInt()).isEqualTo(3);
  }

  /** The real run: the image's Java, libraries and passwd, as user 10001 (needs root, as in CI). */
  @Test
  void shouldRunTheImagesJavaAsItsUserAndAnswerTheHealthCheck(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "a chroot needs root (CI runs as root)");
    Path root = unpack(dir);

    Run version = inImage(root, Map.of(), strings(config.at("/config/Entrypoint")), "--version");
    assertThat(version.output()).isEqualTo("compliance-streams 0.1.0");
    assertThat(version.exit()).isZero();

    List<String> healthCheck = strings(config.at("/config/Healthcheck/Test"));
    healthCheck = healthCheck.subList(1, healthCheck.size());
    for (boolean running : new boolean[] {true, false}) {
      try (OpsServer server = new OpsServer("sink ocsf", () -> running,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null).start("127.0.0.1", 0)) {
        Run check = inImage(root, Map.of("HTTP_PORT", String.valueOf(server.port())), healthCheck);
        assertThat(check.exit()).as(check.output()).isEqualTo(running ? 0 : 1);
        assertThat(check.output()).startsWith(running ? "healthy: 200 " : "unhealthy: 503 ");
      }
    }
  }

  private record Run(int exit, String output) {}

  /** Layers in order into a directory, with owners and modes (GNU tar, as root). */
  private static Path unpack(Path dir) throws IOException, InterruptedException {
    Path root = Files.createDirectories(dir.resolve("rootfs"));
    Path layers = Files.createDirectories(dir.resolve("layers"));
    assertThat(run(List.of("tar", "-xf", tarball.toString(), "-C", layers.toString()), Map.of()).exit()).isZero();
    for (JsonNode name : manifest.get("Layers")) {
      Run untar = run(List.of("tar", "--same-owner", "-xpf", layers.resolve(name.asText()).toString(),
          "-C", root.toString()), Map.of());
      assertThat(untar.exit()).as(untar.output()).isZero();
    }
    // Mount points a container runtime provides.
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("dev"));
    return root;
  }

  /** A private mount namespace with /proc and /dev, chrooted into the image as its user. */
  private static Run inImage(Path root, Map<String, String> env, List<String> command, String... args)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "sh", "-c",
        "/usr/bin/mount -t proc proc \"$0/proc\" && /usr/bin/mount --rbind /dev \"$0/dev\""
            + " && exec /usr/sbin/chroot --userspec=" + config.at("/config/User").asText() + " \"$0\" \"$@\"",
        root.toString()));
    line.addAll(command);
    line.addAll(List.of(args));
    Map<String, String> environment = new HashMap<>();
    for (String pair : strings(config.at("/config/Env"))) {
      environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    environment.putAll(env);
    return run(line, environment);
  }

  private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!env.isEmpty()) {
      builder.environment().clear();
      builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
      builder.environment().putAll(env);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Run(process.exitValue(), output);
  }

  private static String text(String path) {
    assertThat(smallFiles).as("file in the image").containsKey(path);
    return new String(smallFiles.get(path), StandardCharsets.UTF_8);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
