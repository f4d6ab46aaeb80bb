package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.PipelineTopics;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.schemas.topics.CompactedTopicReader;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code suppress add|list|remove}: the mutelist, kept in the compacted suppressions topic. */
@Command(name = "suppress", mixinStandardHelpOptions = true,
    description = "Manages suppressions (mutelist). A suppressed finding is still tracked; its deltas carry"
        + " suppressed=true until the entry expires or is removed.",
    subcommands = {SuppressCommand.Add.class, SuppressCommand.ListAll.class, SuppressCommand.Remove.class})
public final class SuppressCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code suppress add}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds a suppression: a finding id, or any of practice/account/region/ARN glob.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:success", "2:invalid options or configuration (the message names it)",
          "3:runtime failure (Kafka unreachable, missing topics with topics.create=false)"})
  static final class Add implements Callable<Integer> {
    @Mixin ConfigOptions config = new ConfigOptions();
    @Option(names = "--finding", description = "A finding id (as in deltas).") String findingId;
    @Option(names = "--practice", description = "Practice number (see `practices`).") Integer practice;
    @Option(names = "--account", description = "AWS account id.") String account;
    @Option(names = "--region", description = "AWS region (or 'global').") String region;
    @Option(names = "--arn", paramLabel = "GLOB", description = "Resource ARN glob: * any characters, ? one.")
    String arnGlob;
    @Option(names = "--reason", required = true, description = "Why (shown with the finding).") String reason;
    @Option(names = "--owner", required = true, description = "Who owns the decision.") String owner;
    @Option(names = "--expires", paramLabel = "INSTANT", description = "ISO-8601 instant when it lapses.")
    String expires;

    @Override
    public Integer call() {
      try {
        if (findingId == null && practice == null && account == null && region == null && arnGlob == null) {
          throw new ConfigException("give --finding or at least one of --practice, --account, --region, --arn");
        }
        if (practice != null && PracticeCatalogue.all().stream().noneMatch(p -> p.number() == practice)) {
          throw new ConfigException("--practice must be 1-" + PracticeCatalogue.all().size() + ", got " + practice);
        }
        Instant expiresAt = parse(expires);
        String id = "sup-" + UUID.randomUUID();
        Suppression s = Suppression.newBuilder().setSuppressionId(id).setFindingId(findingId)
            .setPractice(practice).setAccountId(account).setRegion(region).setResourceArnGlob(arnGlob)
            .setReason(reason).setOwner(owner).setExpiresAt(expiresAt)
            .setCreatedAt(Clock.systemUTC().instant()).build();
        write(config.load(), id, s);
        System.out.println(id);
        return ExitCodes.OK;
      } catch (ConfigException e) {
        System.err.println("error: " + e.getMessage());
        return ExitCodes.INPUT_ERROR;
      }
    }
  }

  /** {@code suppress list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the current suppressions.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:success", "2:invalid options or configuration (the message names it)",
          "3:runtime failure (Kafka unreachable, missing topics with topics.create=false)"})
  static final class ListAll implements Callable<Integer> {
    @Mixin ConfigOptions config = new ConfigOptions();

    @Override
    public Integer call() {
      try {
        Map<String, Suppression> all = readAll(config.load());
        System.out.printf("%-40s %-8s %-14s %-10s %-28s %-22s %s%n", "ID", "PRACTICE", "ACCOUNT", "REGION",
            "FINDING / ARN GLOB", "EXPIRES", "OWNER: REASON");
        all.values().forEach(s -> System.out.printf("%-40s %-8s %-14s %-10s %-28s %-22s %s: %s%n",
            s.getSuppressionId(), orAny(s.getPractice()), orAny(s.getAccountId()), orAny(s.getRegion()),
            s.getFindingId() != null ? s.getFindingId() : orAny(s.getResourceArnGlob()),
            s.getExpiresAt() == null ? "never" : s.getExpiresAt().toString(), s.getOwner(), s.getReason()));
        return ExitCodes.OK;
      } catch (ConfigException e) {
        System.err.println("error: " + e.getMessage());
        return ExitCodes.INPUT_ERROR;
      }
    }
  }

  /** {@code suppress remove ID}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a suppression.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:success", "2:invalid options or configuration (the message names it)",
          "3:runtime failure (Kafka unreachable, missing topics with topics.create=false)"})
  static final class Remove implements Callable<Integer> {
    @Mixin ConfigOptions config = new ConfigOptions();
    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      try {
        write(config.load(), id, null);
        System.out.println("removed " + id);
        return ExitCodes.OK;
      } catch (ConfigException e) {
        System.err.println("error: " + e.getMessage());
        return ExitCodes.INPUT_ERROR;
      }
    }
  }

  private static String orAny(Object value) {
    return value == null ? "*" : value.toString();
  }

  private static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--expires: not an ISO-8601 instant: '" + text + "'");
    }
  }

  static void write(AppConfig config, String id, Suppression value) {
    SerdeConfig serdes = Settings.serdes(config);
    String topic = Settings.topics(config).suppressions();
    // An unreachable cluster ends the command in one line within kafka.command.timeout (exit 3).
    OneShotKafka kafka = OneShotKafka.of(config).requireReachable();
    PipelineTopics.ensure(config);
    Map<String, Object> props = new HashMap<>(kafka.producer());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Suppression> producer = new KafkaProducer<>(props, new StringSerializer(),
        AvroSerdes.suppression(serdes).serializer())) {
      producer.send(new ProducerRecord<>(topic, id, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Suppression> readAll(AppConfig config) {
    SerdeConfig serdes = Settings.serdes(config);
    String topic = Settings.topics(config).suppressions();
    OneShotKafka kafka = OneShotKafka.of(config).requireReachable();
    Deserializer<Suppression> values = AvroSerdes.suppression(serdes).deserializer();
    Map<String, Suppression> latest = new TreeMap<>();
    new CompactedTopicReader(kafka.consumer(), "compliance-suppress", kafka.timeout()).readToEnd(topic, r -> {
      if (r.value() == null) {
        latest.remove(r.key());
      } else {
        latest.put(r.key(), values.deserialize(topic, r.headers(), r.value()));
      }
    });
    return latest;
  }
}
