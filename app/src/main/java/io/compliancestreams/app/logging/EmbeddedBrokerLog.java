package io.compliancestreams.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Sends the logs of a Kafka broker running inside this process (and of Testcontainers, asked
 * whether a container broker could run instead) to a file of their own, so the user's console
 * holds only our own lines and the Kafka clients' warnings. A broker logs at ERROR what is
 * routine for it — a client's retried produce request answered {@code OutOfOrderSequenceException},
 * a follower fetch on shutdown — and none of it is the user's to act on.
 *
 * <p>The file's lines go through {@link RedactingLayout} like the console's.
 */
public final class EmbeddedBrokerLog {

  /**
   * The loggers of the broker and controller (Scala {@code kafka.*}, the Java server modules of
   * Kafka 4) and of Testcontainers with its Docker client. The clients' own loggers ({@code
   * org.apache.kafka.clients}, {@code .streams}, {@code .common}) stay on the console.
   */
  static final List<String> LOGGERS = List.of(
      "kafka", "state.change.logger",
      "org.apache.kafka.server", "org.apache.kafka.storage", "org.apache.kafka.raft",
      "org.apache.kafka.snapshot", "org.apache.kafka.controller", "org.apache.kafka.metadata",
      "org.apache.kafka.image", "org.apache.kafka.coordinator", "org.apache.kafka.network",
      "org.apache.kafka.security", "org.apache.kafka.queue", "org.apache.kafka.deferred",
      "org.apache.kafka.timeline", "org.apache.kafka.logger",
      "org.testcontainers", "tc", "com.github.dockerjava");

  private static final String APPENDER = "EMBEDDED_BROKER_FILE";

  private EmbeddedBrokerLog() {}

  /**
   * Routes the broker's loggers to {@code compliance-streams-embedded-kafka-<pid>.log} in the
   * system's temporary directory.
   *
   * @return the file, or empty when Logback is not the logging backend or the file cannot be
   *     opened (the loggers are then left as they were)
   */
  public static Optional<Path> routeToFile() {
    return routeTo(Path.of(System.getProperty("java.io.tmpdir"),
        "compliance-streams-embedded-kafka-" + ProcessHandle.current().pid() + ".log"));
  }

  static synchronized Optional<Path> routeTo(Path file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return Optional.empty();
    }
    Logger first = context.getLogger(LOGGERS.get(0));
    if (first.getAppender(APPENDER) instanceof FileAppender<ILoggingEvent> existing) {
      return Optional.of(Path.of(existing.getFile()));
    }
    RedactingLayout layout = new RedactingLayout();
    layout.setContext(context);
    layout.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n");
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(file.toAbsolutePath().toString());
    appender.setAppend(false);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      return Optional.empty();
    }
    for (String name : LOGGERS) {
      Logger logger = context.getLogger(name);
      logger.addAppender(appender);
      logger.setAdditive(false);
      // INFO in the file: the context a broker problem needs, at no cost to the console.
      logger.setLevel(Level.INFO);
    }
    return Optional.of(file.toAbsolutePath());
  }
}
