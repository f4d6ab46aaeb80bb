package io.compliancestreams.app.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The {@code kafka.<property>} keys: any Kafka client property, handed to every client the product
 * creates ({@code kafka.security.protocol}), or to one kind of client ({@code
 * kafka.producer.linger.ms}, {@code kafka.consumer.*}, {@code kafka.admin.*}, {@code
 * kafka.streams.*}). Which names exist and what their values must be is Kafka's own knowledge: the
 * client's {@link ConfigDef} names the properties, parses the value for its type and applies its
 * validator, so a typo or a bad value stops the command at load with the key's name, not at the
 * first connection. Properties of type PASSWORD (and the other secret-bearing ones) are secrets.
 */
final class KafkaPassThrough {

  static final String PREFIX = "kafka.";

  /** Which clients a key reaches. */
  enum Scope {
    COMMON(""), PRODUCER("producer."), CONSUMER("consumer."), ADMIN("admin."), STREAMS("streams.");

    final String infix;

    Scope(String infix) {
      this.infix = infix;
    }

    /** The definitions a property of this scope must satisfy (a common one: every client that has it). */
    List<ConfigDef> definitions() {
      return switch (this) {
        case COMMON -> List.of(PRODUCER_DEF, CONSUMER_DEF, ADMIN_DEF, STREAMS_DEF);
        case PRODUCER -> List.of(PRODUCER_DEF);
        case CONSUMER -> List.of(CONSUMER_DEF);
        case ADMIN -> List.of(ADMIN_DEF);
        case STREAMS -> List.of(STREAMS_DEF);
      };
    }

    Set<String> names() {
      return NAMES.get(this);
    }

    private Set<String> collectNames() {
      Set<String> names = new TreeSet<>();
      definitions().forEach(d -> names.addAll(d.names()));
      return Set.copyOf(names);
    }
  }

  /** One pass-through key: {@code kafka.<infix><property>}. */
  record Key(String key, Scope scope, String property) {

    boolean secret() {
      return KafkaPassThrough.secret(property);
    }
  }

  private static final ConfigDef PRODUCER_DEF = ProducerConfig.configDef();
  private static final ConfigDef CONSUMER_DEF = ConsumerConfig.configDef();
  private static final ConfigDef ADMIN_DEF = AdminClientConfig.configDef();
  private static final ConfigDef STREAMS_DEF = StreamsConfig.configDef();
  private static final Map<Scope, Set<String>> NAMES = names();

  /**
   * Properties the product sets itself, with the key to use instead: its guarantees rest on them
   * (serializers, group ids, transactional ids) or a first-class key owns them.
   */
  private static final Map<String, String> RESERVED = reserved();

  /** Secret-bearing properties Kafka does not type as PASSWORD (or may not in a later version). */
  private static final Set<String> SECRET_NAMES = Set.of(
      SaslConfigs.SASL_JAAS_CONFIG, SslConfigs.SSL_KEYSTORE_KEY_CONFIG, SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG,
      SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, SslConfigs.SSL_KEY_PASSWORD_CONFIG,
      SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);

  /** Environment variable → key, for every pass-through key (KAFKA_SECURITY_PROTOCOL → kafka.security.protocol). */
  private static final Map<String, String> BY_ENV = byEnv();

  private KafkaPassThrough() {}

  /** The pass-through key {@code key} stands for; empty if it is none (then it is an unknown key). */
  static Optional<Key> parse(String key) {
    if (!key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = key.substring(PREFIX.length());
    for (Scope scope : Scope.values()) {
      if (scope != Scope.COMMON && rest.startsWith(scope.infix)) {
        String property = rest.substring(scope.infix.length());
        if (scope.names().contains(property)) {
          return Optional.of(new Key(key, scope, property));
        }
      }
    }
    return Scope.COMMON.names().contains(rest) ? Optional.of(new Key(key, Scope.COMMON, rest)) : Optional.empty();
  }

  /** The environment variable of a key: upper case, dots and dashes as underscores. */
  static String env(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * The pass-through keys set in {@code env}. Variables that name no Kafka client property
   * (KAFKA_OPTS, KAFKA_HEAP_OPTS of a Kafka image) are not ours and are ignored.
   */
  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> found = new HashMap<>();
    env.forEach((name, value) -> {
      String key = BY_ENV.get(name);
      if (key != null && value != null && !value.isBlank()) {
        found.put(key, value.trim());
      }
    });
    return found;
  }

  /** The one line explaining why {@code key} (under kafka.) is not accepted. */
  static String unknown(String key) {
    return "unknown configuration key '" + key + "': not a Kafka client property (kafka.<property> passes any"
        + " producer, consumer, admin or Kafka Streams property to every client; kafka.producer.<property>,"
        + " kafka.consumer.*, kafka.admin.*, kafka.streams.* to one kind)";
  }

  /** A property whose value must never be printed. */
  static boolean secret(String property) {
    if (SECRET_NAMES.contains(property) || property.endsWith(".password") || property.contains("secret")
        || property.contains("jaas")) {
      return true;
    }
    for (Scope scope : Scope.values()) {
      for (ConfigDef def : scope.definitions()) {
        ConfigDef.ConfigKey known = def.configKeys().get(property);
        if (known != null && known.type == ConfigDef.Type.PASSWORD) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Why {@code value} is not acceptable for {@code key}, in the {@link ValueRule} style (never
   * repeating the value); empty when every client definition of the property accepts it.
   */
  static Optional<String> problem(Key key, String value) {
    String instead = RESERVED.get(key.property());
    if (instead != null) {
      return Optional.of("is set by the product itself" + (instead.isEmpty() ? "" : "; use " + instead));
    }
    if (key.property().equals(SaslConfigs.SASL_JAAS_CONFIG)) {
      try {
        // Kafka's own parser of this property, as a client runs it.
        JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(value)));
      } catch (IllegalArgumentException e) {
        return Optional.of("must be a JAAS line such as '<LoginModule> required <option>=\"...\";'");
      }
    }
    if (key.property().endsWith("store.location")) {
      Optional<String> file = ValueRules.readableFile().problem(value);
      if (file.isPresent()) {
        return file;
      }
    }
    for (ConfigDef def : key.scope().definitions()) {
      ConfigDef.ConfigKey known = def.configKeys().get(key.property());
      if (known == null) {
        continue;
      }
      try {
        Object parsed = ConfigDef.parseType(key.property(), value, known.type);
        if (known.validator != null) {
          known.validator.ensureValid(key.property(), parsed);
        }
      } catch (org.apache.kafka.common.config.ConfigException | IllegalArgumentException e) {
        return Optional.of(expectation(known));
      }
    }
    return Optional.empty();
  }

  /** What Kafka expects of a property, from its definition: the type, and the validator's rule. */
  private static String expectation(ConfigDef.ConfigKey known) {
    String type = switch (known.type) {
      case BOOLEAN -> "true or false";
      case INT, SHORT, LONG -> "a whole number";
      case DOUBLE -> "a number";
      case LIST -> "a comma-separated list";
      case CLASS -> "the name of a class on the classpath";
      default -> "a " + known.type.name().toLowerCase(Locale.ROOT);
    };
    String rule = known.validator == null ? "" : " " + known.validator;
    return "must be " + type + (rule.isBlank() ? "" : ", valid:" + rule) + " (Kafka's " + known.name + ")";
  }

  private static Map<String, String> reserved() {
    Map<String, String> reserved = new HashMap<>();
    reserved.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.key());
    reserved.put(StreamsConfig.APPLICATION_ID_CONFIG, ConfigKeys.STREAMS_APPLICATION_ID.key());
    reserved.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, ConfigKeys.STREAMS_GUARANTEE.key());
    reserved.put(StreamsConfig.STATE_DIR_CONFIG, ConfigKeys.STREAMS_STATE_DIR.key());
    reserved.put(StreamsConfig.APPLICATION_SERVER_CONFIG, ConfigKeys.HTTP_ADVERTISED.key());
    reserved.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, ConfigKeys.TOPIC_REPLICATION.key());
    reserved.put(ConsumerConfig.GROUP_ID_CONFIG, ConfigKeys.TOPIC_PREFIX.key() + " (group ids derive from it)");
    reserved.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConfigKeys.STREAMS_INSTANCE_ID.key());
    reserved.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "");
    reserved.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "");
    reserved.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "");
    for (String serde : List.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG)) {
      reserved.put(serde, "schema.registry.url for the wire format");
    }
    return Map.copyOf(reserved);
  }

  private static Map<Scope, Set<String>> names() {
    Map<Scope, Set<String>> names = new java.util.EnumMap<>(Scope.class);
    for (Scope scope : Scope.values()) {
      names.put(scope, scope.collectNames());
    }
    return names;
  }

  private static Map<String, String> byEnv() {
    Map<String, String> byEnv = new HashMap<>();
    for (Scope scope : Scope.values()) {
      for (String property : scope.names()) {
        String key = PREFIX + scope.infix + property;
        if (ConfigKeys.byKey(key).isEmpty()) {
          byEnv.put(env(key), key);
        }
      }
    }
    return Map.copyOf(byEnv);
  }
}
