package io.compliancestreams.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A running Apache Kafka broker in KRaft mode, chosen by {@link BrokerChoice#choose}: the one named
 * by {@code KAFKA_BOOTSTRAP_SERVERS}, else a Testcontainers {@code apache/kafka} container, else a
 * broker inside this JVM. Closing stops what was started here and nothing else.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *   props.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

  /** Overrides the container image, e.g. {@code apache/kafka:4.4.0}. */
  public static final String IMAGE_ENV = "DEVKIT_KAFKA_IMAGE";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Source source;
  private final String bootstrapServers;
  private final KafkaContainer container;
  private final InJvmKafkaServer inJvm;
  private final boolean deleteLogDirOnClose;
  private final Map<String, String> adminLogin;

  private KafkaBroker(
      Source source,
      String bootstrapServers,
      KafkaContainer container,
      InJvmKafkaServer inJvm,
      boolean deleteLogDirOnClose) {
    this(source, bootstrapServers, container, inJvm, deleteLogDirOnClose, Map.of());
  }

  private KafkaBroker(
      Source source,
      String bootstrapServers,
      KafkaContainer container,
      InJvmKafkaServer inJvm,
      boolean deleteLogDirOnClose,
      Map<String, String> adminLogin) {
    this.source = source;
    this.bootstrapServers = bootstrapServers;
    this.container = container;
    this.inJvm = inJvm;
    this.deleteLogDirOnClose = deleteLogDirOnClose;
    this.adminLogin = Map.copyOf(adminLogin);
  }

  /** Starts (or finds) a broker as chosen from the process environment and Docker. */
  public static KafkaBroker start() {
    return start(BrokerChoice.choose(System.getenv(), Docker::available));
  }

  /** Starts (or finds) the broker {@code choice} names. */
  public static KafkaBroker start(BrokerChoice choice) {
    return switch (choice.source()) {
      case EXTERNAL -> reportReady(System.nanoTime(),
          new KafkaBroker(Source.EXTERNAL, choice.externalBootstrapServers(), null, null, false));
      case CONTAINER -> startContainer();
      case LOCAL -> startInJvm();
    };
  }

  /** Starts a broker in this JVM on free loopback ports with a temporary log directory. */
  public static KafkaBroker startInJvm() {
    return startInJvm(Map.of());
  }

  /**
   * Starts a broker in this JVM as {@link #startInJvm()} does, with broker properties set over the
   * devkit's, e.g. {@code auto.create.topics.enable=false} to prove that a writer creates its topics.
   */
  public static KafkaBroker startInJvm(Map<String, String> brokerOverrides) {
    Path logDir;
    try {
      logDir = Files.createTempDirectory("devkit-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary Kafka log directory", e);
    }
    return startInJvm(
        new InJvmKafkaServer(LoopbackPorts.free(), LoopbackPorts.free(), logDir, brokerOverrides), true);
  }

  /**
   * Starts a broker in this JVM whose client listener requires SASL/SCRAM-SHA-512 logins (and ACLs
   * if {@code security} enforces them), on free loopback ports with a temporary log directory. Clients
   * log in with {@link BrokerSecurity#clientProperties(String)}.
   */
  public static KafkaBroker startSecured(BrokerSecurity security) {
    Objects.requireNonNull(security, "security");
    return startSecured(security.listener(), security.clientProperties(BrokerSecurity.ADMIN));
  }

  /**
   * Starts a broker in this JVM whose client listener is SSL and requires a client certificate
   * signed by the CA of {@code tls} (mTLS). Clients connect with {@link MutualTls#clientProperties()}.
   */
  public static KafkaBroker startWithMutualTls(MutualTls tls) {
    Objects.requireNonNull(tls, "tls");
    return startSecured(tls.listener(), tls.clientProperties());
  }

  private static KafkaBroker startSecured(ListenerSecurity listener, Map<String, String> adminLogin) {
    Path logDir;
    try {
      logDir = Files.createTempDirectory("devkit-kafka-secured-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary Kafka log directory", e);
    }
    InJvmKafkaServer server =
        new InJvmKafkaServer(LoopbackPorts.free(), LoopbackPorts.free(), logDir, Map.of(), listener);
    return startInJvm(server, true, adminLogin);
  }

  /**
   * Starts a broker in this JVM on the given loopback ports, keeping its data in {@code logDir}
   * (formatted on first use, kept on close), so that a later start on the same arguments finds the
   * same topics, records and committed offsets.
   */
  public static KafkaBroker startInJvm(Path logDir, int brokerPort, int controllerPort) {
    Objects.requireNonNull(logDir, "logDir");
    return startInJvm(new InJvmKafkaServer(brokerPort, controllerPort, logDir), false);
  }

  private static KafkaBroker startInJvm(InJvmKafkaServer server, boolean deleteOnClose) {
    return startInJvm(server, deleteOnClose, Map.of());
  }

  private static KafkaBroker startInJvm(InJvmKafkaServer server, boolean deleteOnClose,
      Map<String, String> adminLogin) {
    long began = System.nanoTime();
    KafkaBroker broker =
        new KafkaBroker(Source.LOCAL, server.bootstrapServers(), null, server, deleteOnClose, adminLogin);
    try {
      broker.startInJvmAndAwaitReady();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    return reportReady(began, broker);
  }

  private static KafkaBroker startContainer() {
    String image = System.getenv().getOrDefault(IMAGE_ENV, "apache/kafka:" + kafkaVersion());
    long began = System.nanoTime();
    KafkaContainer container = new KafkaContainer(image);
    container.start();
    return reportReady(began,
        new KafkaBroker(Source.CONTAINER, container.getBootstrapServers(), container, null, false));
  }

  private static KafkaBroker reportReady(long began, KafkaBroker broker) {
    LOG.info("Kafka broker ({}) at {} ready in {} ms", broker.source, broker.bootstrapServers,
        Duration.ofNanos(System.nanoTime() - began).toMillis());
    return broker;
  }

  /** The Kafka version this build uses, written into {@code versions.properties} by Maven. */
  static String kafkaVersion() {
    Properties versions = new Properties();
    try (InputStream in = KafkaBroker.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties is missing from the devkit jar");
      }
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions.getProperty("kafka.version");
  }

  /** Where the broker came from. */
  public Source source() {
    return source;
  }

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:41234}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The log directory of an in-JVM broker, for tests of the devkit itself. */
  Path inJvmLogDir() {
    requireInJvm("have a log directory");
    return inJvm.logDir();
  }

  /**
   * Stops an in-JVM broker, keeping its data and ports so that {@link #restart()} brings it back.
   *
   * @throws UnsupportedOperationException for an external or container broker
   */
  public void stop() {
    requireInJvm("stop");
    inJvm.stop();
    LOG.info("Kafka broker ({}) at {} stopped", source, bootstrapServers);
  }

  /**
   * Stops the in-JVM broker if it is running and starts it again on the same data and ports.
   *
   * @throws UnsupportedOperationException for an external or container broker
   */
  public void restart() {
    requireInJvm("restart");
    long began = System.nanoTime();
    inJvm.stop();
    startInJvmAndAwaitReady();
    LOG.info("Kafka broker ({}) at {} restarted in {} ms", source, bootstrapServers,
        Duration.ofNanos(System.nanoTime() - began).toMillis());
  }

  /** Stops and removes what was started here; an external broker is left alone. */
  @Override
  public void close() {
    if (container != null) {
      container.stop();
    }
    if (inJvm != null) {
      try {
        inJvm.stop();
      } finally {
        if (deleteLogDirOnClose) {
          deleteRecursively(inJvm.logDir());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + source + " " + bootstrapServers + "]";
  }

  private void startInJvmAndAwaitReady() {
    inJvm.start();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    props.putAll(adminLogin);
    try (Admin admin = Admin.create(props)) {
      Poll.until("the broker at " + bootstrapServers + " lists itself as a cluster node",
          READY_TIMEOUT, () -> {
            try {
              return !admin.describeCluster().nodes().get().isEmpty();
            } catch (Exception e) {
              return false;
            }
          });
    }
  }

  private void requireInJvm(String operation) {
    if (inJvm == null) {
      throw new UnsupportedOperationException(
          "Only an in-JVM broker can " + operation + "; this one is " + source);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not delete the Kafka log directory {}", dir, e);
    }
  }
}
