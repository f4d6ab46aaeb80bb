package io.compliancestreams.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing (with the documented partitions, cleanup
 * policy and retention), and verifies that existing ones have the partition count the
 * co-partitioned topology needs. Turned off for locked-down clusters where a platform team owns
 * topic creation ({@code createTopics=false}); verification still runs.
 */
public final class TopicCreator {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private final StreamsSettings settings;
  private final List<Topics.TopicSpec> specs;

  public TopicCreator(StreamsSettings settings) {
    this(settings, List.of());
  }

  /**
   * Also creates {@code more} (a sink's dead-letter or output topic), with the same partitions and
   * replication as the pipeline's own.
   */
  public TopicCreator(StreamsSettings settings, List<Topics.TopicSpec> more) {
    this.settings = settings;
    List<Topics.TopicSpec> all = new ArrayList<>(settings.topics().specs());
    all.addAll(more);
    this.specs = List.copyOf(all);
  }

  /** Creates what is missing and verifies the input topics' partitions; returns the names created. */
  public List<String> ensureTopics() {
    return create(true);
  }

  /**
   * Creates what is missing, leaving existing topics as they are: for a command that only writes,
   * whose {@code topic.partitions} need not match the cluster's (streams verifies that).
   */
  public List<String> createMissing() {
    return create(false);
  }

  private List<String> create(boolean verify) {
    try (Admin admin = Admin.create(settings.clients().admin())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.TopicSpec spec : specs) {
        if (!existing.contains(spec.name())) {
          missing.add(new NewTopic(spec.name(), settings.partitions(), settings.replicationFactor())
              .configs(spec.configs()));
        }
      }
      List<String> created = new ArrayList<>();
      if (!missing.isEmpty()) {
        if (!settings.createTopics()) {
          throw new IllegalStateException("missing topics " + missing.stream().map(NewTopic::name).toList()
              + " and topic creation is off (topics.create=false): create them as schemas/README.md"
              + " lists (partitions, cleanup policy), or run the topics command once with creation on");
        }
        for (var entry : admin.createTopics(missing).values().entrySet()) {
          try {
            entry.getValue().get(30, TimeUnit.SECONDS);
            created.add(entry.getKey());
          } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
              // The admin client's exception names no topic ("Authorization failed."): name it.
              throw new ExecutionException(new TopicAuthorizationException(
                  "Not authorized to create topic " + entry.getKey(), Set.of(entry.getKey())));
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
              throw e;
            }
          }
        }
        LOG.info("created topics {}", created);
      }
      if (verify) {
        verifyPartitions(admin);
      }
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + settings.bootstrapServers()
          + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }

  /**
   * Checks every topic this creator manages as the cluster has it now: a partition count other than
   * {@code topic.partitions} is a warning (an error for the co-partitioned inputs), a topic that must
   * be compacted and is not is an error (its keys' latest values would be deleted with age).
   */
  public Check check() {
    List<String> names = specs.stream().map(Topics.TopicSpec::name).toList();
    Set<String> inputs = Set.of(settings.topics().snapshots(), settings.topics().cloudTrail());
    try (Admin admin = Admin.create(settings.clients().admin())) {
      Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      List<ConfigResource> resources = names.stream()
          .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
      List<String> warnings = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Topics.TopicSpec spec : specs) {
        int actual = described.get(spec.name()).partitions().size();
        if (actual != settings.partitions()) {
          String line = "topic " + spec.name() + " has " + actual + " partition(s), topic.partitions is "
              + settings.partitions();
          if (inputs.contains(spec.name())) {
            errors.add(line + ": they must be equal (co-partitioned with the topology's state)");
          } else {
            warnings.add(line + " (it works; kafka-topics.sh --alter --partitions " + settings.partitions()
                + " makes it match)");
          }
        }
        String wanted = spec.configs().get("cleanup.policy");
        ConfigEntry policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).get("cleanup.policy");
        String have = policy == null ? "delete" : policy.value();
        if ("compact".equals(wanted) && !have.contains("compact")) {
          errors.add("topic " + spec.name() + " has cleanup.policy=" + have + " but must be compacted:"
              + " kafka-configs.sh --alter --entity-type topics --entity-name " + spec.name()
              + " --add-config cleanup.policy=compact");
        }
      }
      return new Check(specs.size(), warnings, errors);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot check topics on " + settings.bootstrapServers()
          + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }

  /** What {@link #check()} found: how many topics it looked at, and what is not as configured. */
  public record Check(int topics, List<String> warnings, List<String> errors) {
    public Check {
      warnings = List.copyOf(warnings);
      errors = List.copyOf(errors);
    }
  }

  private void verifyPartitions(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
    // Snapshots, CloudTrail events and the topology's repartition topics feed one sub-topology.
    List<String> inputs = List.of(settings.topics().snapshots(), settings.topics().cloudTrail());
    // Metadata of a topic created a moment ago may still be propagating: look again for a while
    // before calling a mismatch.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String mismatch = null;
      try {
        Map<String, TopicDescription> described =
            admin.describeTopics(inputs).allTopicNames().get(30, TimeUnit.SECONDS);
        for (String topic : inputs) {
          int actual = described.get(topic).partitions().size();
          if (actual != settings.partitions()) {
            mismatch = "topic " + topic + " has " + actual + " partitions but topic.partitions is "
                + settings.partitions()
                + ": they must be equal (the topology's repartition topics are co-partitioned with it)";
          }
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          throw e;
        }
        mismatch = "topic metadata not available yet: " + e.getCause().getMessage();
      }
      if (mismatch == null) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(mismatch);
      }
      Thread.sleep(250);
    }
  }

}
