package io.compliancestreams.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.LoggerFactory;

/**
 * Kafka for one-shot commands (scan --publish, replay, topics, suppress): every wait bounded by
 * {@code kafka.command.timeout}, and the cluster checked first, so a broker out of reach ends the
 * command within that bound with one line naming it (exit 3), instead of a producer blocking 60 s
 * per record while its network client logs a WARN per reconnect.
 */
final class OneShotKafka {

  private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
  private static final String ADMIN_METADATA = "org.apache.kafka.clients.admin.internals.AdminMetadataManager";

  private final KafkaClientConfig clients;
  private final Duration timeout;
  private final KafkaRefusal refusal;

  private OneShotKafka(KafkaClientConfig clients, Duration timeout) {
    this.clients = clients;
    this.timeout = timeout;
    this.refusal = new KafkaRefusal(clients);
  }

  /**
   * The Kafka client settings ({@code kafka.bootstrap.servers}, {@code kafka.*}) and timeout of
   * {@code config}; a ConfigException names a bad key.
   */
  static OneShotKafka of(AppConfig config) {
    Duration timeout = config.duration(ConfigKeys.KAFKA_COMMAND_TIMEOUT);
    if (timeout.toMillis() < 100) {
      throw new ConfigException(ConfigKeys.KAFKA_COMMAND_TIMEOUT.key()
          + " must be at least PT0.1S, got '" + config.string(ConfigKeys.KAFKA_COMMAND_TIMEOUT) + "'");
    }
    return new OneShotKafka(Settings.kafka(config), timeout);
  }

  /**
   * Producer settings: sending blocks at most the timeout for metadata or buffer space, and a record
   * not acknowledged within it fails (a request may take half of it, so one retry fits).
   */
  Map<String, Object> producer() {
    Map<String, Object> config = clients.producer(Map.of());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout.toMillis() / 2));
    // delivery.timeout.ms must cover linger.ms + request.timeout.ms
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) Math.min(20, timeout.toMillis() / 4));
    return config;
  }

  /** Consumer settings: every blocking call gives up after the timeout. */
  Map<String, Object> consumer() {
    Map<String, Object> config = clients.consumer(Map.of());
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout.toMillis() / 2));
    return config;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * {@code error} as one line if Kafka refused this command's login or an ACL is missing for
   * {@code operation} (e.g. WRITE while publishing), else empty: the caller rethrows it.
   */
  java.util.Optional<String> refusal(Throwable error, String operation) {
    return refusal.describe(error, operation);
  }

  /**
   * The end of a one-shot command that failed with {@code error}: a refused login or missing ACL
   * for {@code operation} is printed as one line (exit 3); anything else is rethrown. {@code kafka}
   * is null when the command failed before it knew its cluster.
   */
  static int exitOnRefusal(OneShotKafka kafka, RuntimeException error, String operation) {
    String line = kafka == null ? null : kafka.refusal(error, operation).orElse(null);
    if (line == null) {
      throw error;
    }
    System.err.println("error: " + line);
    return ExitCodes.RUNTIME_ERROR;
  }

  /**
   * Asks the cluster for its nodes, waiting at most the timeout; throws {@link Unreachable} with
   * the one line to print if it does not answer. Also quiets the Kafka network client's WARN per
   * failed connection for the rest of this command: the command reports the failure itself.
   */
  OneShotKafka requireReachable() {
    quietConnectionWarnings();
    return requireLogin();
  }

  /**
   * The same check without quieting the network client for the rest of the process (for
   * {@code streams}, which runs on): a refused login is one line, not the client's ERROR and WARN
   * with a stack trace beside it, so those two loggers are silent during the check only.
   */
  OneShotKafka requireLogin() {
    Map<String, Level> before = silence(NETWORK_CLIENT, ADMIN_METADATA);
    try {
      return check();
    } finally {
      restore(before);
    }
  }

  /**
   * Checks that this principal may use {@code groups} (Describe, which Read implies), so that a
   * missing group ACL is one line before Kafka Streams starts rather than a stream thread's
   * failure; throws {@link Unreachable} with that line. A group that does not exist yet is fine.
   */
  OneShotKafka requireGroupAccess(java.util.List<String> groups) {
    Map<String, Object> config = clients.admin(Map.of());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "compliance-streams-group-check");
    try (Admin admin = Admin.create(config)) {
      var described = admin.describeConsumerGroups(groups).describedGroups();
      for (String group : groups) { // in the caller's order: the application's own group first
        try {
          described.get(group).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof org.apache.kafka.common.errors.GroupAuthorizationException) {
            throw new Unreachable(refusal.describe(e.getCause(), "READ").orElseThrow());
          }
          // GroupIdNotFoundException (a first start) and the like: Kafka Streams will say if it matters.
        } catch (TimeoutException e) {
          // A group coordinator still being elected on a fresh cluster: not a refusal, go on.
          return this;
        }
      }
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(message("interrupted"));
    }
  }

  /**
   * Checks, before a long-running command starts, that this principal may perform each operation
   * of {@code needs} on its topic (Kafka answers with the operations allowed to the caller, so no
   * record is written to find out); throws {@link Unreachable} with the one line naming the first
   * operation missing, in {@code needs}' order. A topic that does not exist yet is not a refusal:
   * the command creates it or says so itself.
   */
  OneShotKafka requireTopicAccess(Map<String, java.util.List<AclOperation>> needs) {
    Map<String, Object> config = clients.admin(Map.of());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "compliance-streams-acl-check");
    try (Admin admin = Admin.create(config)) {
      var described = admin.describeTopics(needs.keySet(),
          new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
      for (var need : needs.entrySet()) {
        java.util.Set<AclOperation> allowed;
        try {
          allowed = described.get(need.getKey()).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
              .authorizedOperations();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TopicAuthorizationException) {
            throw new Unreachable(refusal.denial(String.join(" and ", names(need.getValue())), "topic " + need.getKey()));
          }
          continue; // UnknownTopicOrPartitionException and the like: not an ACL matter
        } catch (TimeoutException e) {
          throw new Unreachable(message(null));
        }
        if (allowed == null) {
          continue; // a broker that does not report operations: the clients will say
        }
        for (AclOperation operation : need.getValue()) {
          if (!allowed.contains(operation) && !allowed.contains(AclOperation.ALL)) {
            throw new Unreachable(refusal.denial(operation.name(), "topic " + need.getKey()));
          }
        }
      }
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(message("interrupted"));
    }
  }

  private static java.util.List<String> names(java.util.List<AclOperation> operations) {
    return operations.stream().map(AclOperation::name).toList();
  }

  private OneShotKafka check() {
    Map<String, Object> config = clients.admin(Map.of());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "compliance-streams-reachability");
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .nodes().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(message("interrupted"));
    } catch (ExecutionException e) {
      // A refused SASL login names the user and mechanism; a refused TLS handshake says so, rather
      // than just "cannot reach".
      Throwable cause = e.getCause();
      refusal.describe(cause, "DESCRIBE").filter(line -> cause instanceof SaslAuthenticationException)
          .ifPresent(line -> {
            throw new Unreachable(line);
          });
      boolean security = cause instanceof org.apache.kafka.common.errors.AuthenticationException
          || cause instanceof org.apache.kafka.common.errors.AuthorizationException;
      if (cause instanceof org.apache.kafka.common.errors.SslAuthenticationException) {
        // Kafka's own text ("Failed to process post-handshake messages" when the broker wants a
        // client certificate) does not say which setting to look at.
        throw new Unreachable(message("TLS handshake failed (" + cause.getMessage() + "): check"
            + " kafka.ssl.truststore.location and, if the broker requires client certificates,"
            + " kafka.ssl.keystore.location"));
      }
      throw new Unreachable(message(security ? cause.getMessage() : null));
    } catch (TimeoutException e) {
      throw new Unreachable(message(null));
    } catch (org.apache.kafka.common.KafkaException e) {
      // e.g. no resolvable bootstrap address
      throw new Unreachable(message(e.getMessage()));
    }
  }

  private String message(String detail) {
    return "cannot reach Kafka at " + clients.bootstrapServers() + " (" + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.key() + ") within "
        + seconds(timeout) + " (" + ConfigKeys.KAFKA_COMMAND_TIMEOUT.key() + ")" + (detail == null ? "" : ": " + detail);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static void quietConnectionWarnings() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(NETWORK_CLIENT).setLevel(Level.ERROR);
    }
  }

  /** Turns {@code loggers} off; returns their levels before (null: inherited). */
  private static Map<String, Level> silence(String... loggers) {
    Map<String, Level> before = new java.util.HashMap<>();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      for (String name : loggers) {
        ch.qos.logback.classic.Logger logger = logback.getLogger(name);
        before.put(name, logger.getLevel());
        logger.setLevel(Level.OFF);
      }
    }
    return before;
  }

  private static void restore(Map<String, Level> levels) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      levels.forEach((name, level) -> logback.getLogger(name).setLevel(level));
    }
  }

  /** The cluster did not answer; the message is the one line to print. */
  static final class Unreachable extends RuntimeException {
    Unreachable(String message) {
      super(message);
    }
  }
}
