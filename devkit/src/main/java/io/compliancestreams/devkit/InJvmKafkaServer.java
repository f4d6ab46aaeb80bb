package io.compliancestreams.devkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft broker and controller inside this JVM. The only class that touches Kafka's
 * internal server classes ({@code KafkaRaftServer}, {@code KafkaConfig}, {@code Formatter}), which
 * are not a public API but have been stable from 4.1 to 4.4.
 */
final class InJvmKafkaServer {

  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final int brokerPort;
  private final int controllerPort;
  private final Path logDir;
  private final Map<String, String> overrides;
  private final ListenerSecurity security;
  private KafkaRaftServer server;

  InJvmKafkaServer(int brokerPort, int controllerPort, Path logDir) {
    this(brokerPort, controllerPort, logDir, Map.of());
  }

  /** {@code overrides} are broker properties set last, e.g. {@code auto.create.topics.enable=false}. */
  InJvmKafkaServer(int brokerPort, int controllerPort, Path logDir, Map<String, String> overrides) {
    this(brokerPort, controllerPort, logDir, overrides, null);
  }

  /**
   * {@code security}, if not null, secures the client listener (SASL with SCRAM users written at
   * format time, or TLS); null keeps it PLAINTEXT. The controller listener stays PLAINTEXT.
   */
  InJvmKafkaServer(int brokerPort, int controllerPort, Path logDir, Map<String, String> overrides,
      ListenerSecurity security) {
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.logDir = logDir.toAbsolutePath();
    this.overrides = Map.copyOf(overrides);
    this.security = security;
  }

  String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  Path logDir() {
    return logDir;
  }

  int controllerPort() {
    return controllerPort;
  }

  boolean running() {
    return server != null;
  }

  /** Formats the log directory if it holds no {@code meta.properties} yet, then starts. */
  synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("The in-JVM broker is already running on " + bootstrapServers());
    }
    Map<String, String> props = properties();
    formatIfNeeded();
    KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    try {
      started.startup();
    } catch (RuntimeException e) {
      started.shutdown();
      started.awaitShutdown();
      throw e;
    }
    server = started;
  }

  /** Stops the broker and controller; does nothing if they are not running. */
  synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      server = null;
    }
  }

  Map<String, String> properties() {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // A single node: every internal topic has one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // The log cleaner reserves 128 MiB of heap by default; 4 MiB lets everything run in -Xmx160m.
    p.put("log.cleaner.dedupe.buffer.size", "4194304");
    if (security != null) {
      String listener = security.protocol();
      p.put("listeners",
          listener + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
      p.put("advertised.listeners", listener + "://127.0.0.1:" + brokerPort);
      p.put("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
      p.put("inter.broker.listener.name", listener);
      p.putAll(security.brokerProperties());
    }
    p.putAll(overrides);
    return p;
  }

  private void formatIfNeeded() {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      Formatter formatter = new Formatter();
      if (security != null && !security.scramArguments().isEmpty()) {
        // KRaft keeps SCRAM credentials in the metadata log: the users exist from the first start.
        formatter.setScramArguments(security.scramArguments());
      }
      formatter
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the broker log directory " + logDir, e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format the broker log directory " + logDir, e);
    }
  }
}
