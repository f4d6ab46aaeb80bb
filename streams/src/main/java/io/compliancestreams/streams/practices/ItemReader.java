package io.compliancestreams.streams.practices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one reader of configuration JSON: a value together with its path in the item (e.g. {@code
 * configuration.ipPermissions[2].ipRanges[0].cidrIp}). Reading a field of the wrong type, or a
 * required field that is absent, throws {@link MalformedItemException} naming that path, which the
 * engine turns into an ERROR whose reason says which element is bad.
 *
 * <p>Absent and JSON {@code null} are the same ("not there"): the AWS APIs omit what is unset and
 * AWS Config writes {@code null} for it. Navigating into something that is not there gives another
 * absent reader, so optional nesting needs no null checks.
 *
 * <p>The resource views of each practice package ({@code S3Bucket}, {@code SecurityGroup}, …) are
 * the only callers: practices read views, never JSON.
 */
public final class ItemReader {

  private static final int SHOWN_VALUE_LENGTH = 60;

  private final JsonNode node;
  private final String path;

  private ItemReader(JsonNode node, String path) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The item's {@code configuration}. */
  public static ItemReader configuration(ConfigurationItem item) {
    return new ItemReader(item.configuration(), "configuration");
  }

  /**
   * The item's {@code configuration}, with paths prefixed by the item's key: for scopes that hold
   * several items, where "configuration.x" alone would not say which item is bad.
   */
  public static ItemReader keyedConfiguration(ConfigurationItem item) {
    return new ItemReader(item.configuration(), item.key() + " configuration");
  }

  /** One value of the item's {@code supplementaryConfiguration}. */
  public static ItemReader supplementary(ConfigurationItem item, String name) {
    return new ItemReader(item.supplementary(name), "supplementaryConfiguration." + name);
  }

  /** A reader over any JSON value (e.g. a decoded policy document) at the given path. */
  public static ItemReader at(JsonNode node, String path) {
    return new ItemReader(node, path);
  }

  /** Where this value is, for messages. */
  public String path() {
    return path;
  }

  /** The raw value, for the rare shape a typed read cannot express; prefer the typed reads. */
  public JsonNode node() {
    return node;
  }

  /** True unless the value is absent or JSON null. */
  public boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** True when the member exists at all, even as JSON null (for shapes where null means "none"). */
  public boolean exists() {
    return !node.isMissingNode();
  }

  /**
   * A member of this object; absent when this value is absent.
   *
   * @throws MalformedItemException when this value is present but not an object
   */
  public ItemReader field(String name) {
    return new ItemReader(object().node.get(name), path + "." + name);
  }

  /** This value as an object, or absent; throws when it is something else. */
  public ItemReader object() {
    if (isPresent() && !node.isObject()) {
      throw malformed("expected an object, got " + shown(node));
    }
    return this;
  }

  /** This value as an object that must be there. */
  public ItemReader requiredObject() {
    return required().object();
  }

  /** The elements of this array, each with its index in its path; absent gives an empty list. */
  public List<ItemReader> list() {
    if (!isPresent()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw malformed("expected an array, got " + shown(node));
    }
    List<ItemReader> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new ItemReader(node.get(i), path + "[" + i + "]"));
    }
    return elements;
  }

  /** The elements of an array that must be there (an empty array is fine). */
  public List<ItemReader> requiredList() {
    return required().list();
  }

  /** A string. */
  public Optional<String> text() {
    return scalar("a string", JsonNode::isTextual, JsonNode::asText);
  }

  /** A string that must be there and not blank. */
  public String requiredText() {
    return text().filter(s -> !s.isBlank()).orElseThrow(this::missing);
  }

  /** A JSON boolean; the strings "true" and "false" are rejected (see {@link #lenientBool}). */
  public Optional<Boolean> bool() {
    return scalar("a boolean", JsonNode::isBoolean, JsonNode::booleanValue);
  }

  /** A boolean that must be there. */
  public boolean requiredBool() {
    return required().bool().orElseThrow();
  }

  /**
   * A boolean that may also be recorded as the string {@code "true"} or {@code "false"} (any
   * case): AWS Config stringifies scalars in some recorded shapes (EC2, DMS, OpenSearch…). The
   * readers of API-shaped snapshots use {@link #bool} so that a stringified flag there stays an
   * error.
   */
  public Optional<Boolean> lenientBool() {
    return scalar(
        "true or false",
        n -> n.isBoolean() || n.asText().equalsIgnoreCase("true") || n.asText().equalsIgnoreCase("false"),
        n -> n.isBoolean() ? n.booleanValue() : Boolean.parseBoolean(n.asText()));
  }

  /** A lenient boolean that must be there. */
  public boolean requiredLenientBool() {
    return required().lenientBool().orElseThrow();
  }

  /** A JSON whole number that fits an int. */
  public Optional<Integer> integer() {
    return scalar("a whole number", n -> n.isIntegralNumber() && n.canConvertToInt(), JsonNode::intValue);
  }

  /** A whole number that must be there. */
  public int requiredInteger() {
    return required().integer().orElseThrow();
  }

  /** An ISO-8601 timestamp, or epoch seconds (with a fraction) as the SDKs' JSON gives them. */
  public Optional<Instant> instant() {
    if (!isPresent()) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      BigDecimal seconds = node.decimalValue();
      return Optional.of(
          Instant.ofEpochSecond(
              seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue()));
    }
    if (!node.isTextual()) {
      throw malformed("expected a timestamp, got " + shown(node));
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw malformed("is not an ISO-8601 timestamp: '" + node.asText() + "'");
    }
  }

  /** A timestamp that must be there. */
  public Instant requiredInstant() {
    return required().instant().orElseThrow();
  }

  /** This value, or "is missing" when it is not there. */
  public ItemReader required() {
    if (!isPresent()) {
      throw missing();
    }
    return this;
  }

  /** A present scalar that {@code accepts}, converted; empty when absent; else malformed. */
  private <T> Optional<T> scalar(
      String expected, Predicate<JsonNode> accepts, Function<JsonNode, T> value) {
    if (!isPresent()) {
      return Optional.empty();
    }
    if (!node.isValueNode() || !accepts.test(node)) {
      throw malformed("expected " + expected + ", got " + shown(node));
    }
    return Optional.of(value.apply(node));
  }

  /** An exception naming this value's path and the problem. */
  public MalformedItemException malformed(String problem) {
    return new MalformedItemException(path, problem);
  }

  private MalformedItemException missing() {
    return malformed("is missing");
  }

  /** The offending value as JSON, cut short: enough to recognise it, not a whole document. */
  private static String shown(JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    String json = value.toString();
    return json.length() <= SHOWN_VALUE_LENGTH ? json : json.substring(0, SHOWN_VALUE_LENGTH) + "…";
  }
}
