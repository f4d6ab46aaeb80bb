package io.compliancestreams.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules configuration keys use, one factory per kind of value. Each rule checks syntax and
 * ranges only: nothing here resolves a host, opens a connection or reads a remote service, so
 * every key is checked before a command connects anywhere.
 */
public final class ValueRules {

  /** Kafka's legal topic (and group instance id) characters. */
  private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]*");
  /** Region names as AWS forms them: us-east-1, us-gov-west-1, ap-southeast-2, cn-north-1. */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  /** A host name or IPv4 literal (dot-separated labels), or an IPv6 literal in brackets. */
  private static final Pattern HOST = Pattern.compile(
      "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*"
          + "|\\[[0-9A-Fa-f:.]+]");

  private ValueRules() {}

  /** true or false (any case). */
  public static ValueRule bool() {
    return v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
        ? Optional.empty() : Optional.of("must be true or false");
  }

  /** A whole number from {@code min} to {@code max}. */
  public static ValueRule integer(int min, int max) {
    return v -> {
      try {
        int n = Integer.parseInt(v);
        return n >= min && n <= max ? Optional.empty() : Optional.of("must be from " + min + " to " + max);
      } catch (NumberFormatException e) {
        return Optional.of("must be a whole number from " + min + " to " + max);
      }
    };
  }

  /**
   * An ISO-8601 duration of at least {@code min}. Durations that schedule work must be at least
   * 1 ms: Kafka Streams refuses shorter punctuation intervals at run time, in a loop.
   */
  public static ValueRule duration(Duration min) {
    return v -> {
      try {
        return Duration.parse(v).compareTo(min) >= 0 ? Optional.empty()
            : Optional.of("must be an ISO-8601 duration of at least " + min + " (e.g. PT10S)");
      } catch (DateTimeParseException e) {
        return Optional.of("must be an ISO-8601 duration such as PT10S");
      }
    };
  }

  /** One of the given words (any case). */
  public static ValueRule oneOf(String... allowed) {
    List<String> lower = Arrays.stream(allowed).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    return v -> lower.contains(v.toLowerCase(Locale.ROOT)) ? Optional.empty()
        : Optional.of("must be one of " + String.join(", ", allowed));
  }

  /** Exactly one of the given words (case matters, as for Kafka's own enums). */
  public static ValueRule exactlyOneOf(String... allowed) {
    List<String> list = List.of(allowed);
    return v -> list.contains(v) ? Optional.empty() : Optional.of("must be one of " + String.join(", ", allowed));
  }

  /**
   * A comma-separated list whose items (trimmed, empty ones ignored) each follow {@code item}; the
   * problem names the item by its position, not its text.
   */
  public static ValueRule listOf(ValueRule item) {
    return v -> {
      String[] parts = v.split(",");
      for (int i = 0; i < parts.length; i++) {
        String trimmed = parts[i].trim();
        if (!trimmed.isEmpty()) {
          Optional<String> problem = item.problem(trimmed);
          if (problem.isPresent()) {
            return Optional.of("is a comma-separated list whose item " + (i + 1) + " " + problem.get());
          }
        }
      }
      return Optional.empty();
    };
  }

  /** A value matching {@code regex} entirely; {@code what} says in words what that is. */
  public static ValueRule pattern(String regex, String what) {
    Pattern p = Pattern.compile(regex);
    return v -> p.matcher(v).matches() ? Optional.empty() : Optional.of("must be " + what);
  }

  /** An AWS region name such as eu-west-1. */
  public static ValueRule region() {
    return v -> REGION.matcher(v).matches() ? Optional.empty() : Optional.of("must be an AWS region name such as eu-west-1");
  }

  /** A 12-digit AWS account id. */
  public static ValueRule account() {
    return v -> ACCOUNT.matcher(v).matches() ? Optional.empty() : Optional.of("must be a 12-digit AWS account id");
  }

  /** A practice number of the catalogue (1 to {@code count}). */
  public static ValueRule practiceNumber(int count) {
    ValueRule range = integer(1, count);
    return v -> range.problem(v).map(p -> "must be a practice number from 1 to " + count);
  }

  /** An enum constant's name (any case), as the sinks read severities and change kinds. */
  public static <E extends Enum<E>> ValueRule enumName(Class<E> type) {
    return oneOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
  }

  /**
   * An absolute http:// or https:// URL with a host and no user info (credentials in a URL end up
   * in logs: each service has its own secret key).
   */
  public static ValueRule url() {
    return v -> {
      try {
        URI uri = new URI(v);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
          return Optional.of("must be an http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
          return Optional.of("must not carry credentials (user info) in the URL; use the key for the secret");
        }
        return Optional.empty();
      } catch (URISyntaxException e) {
        return Optional.of("must be an http:// or https:// URL (" + e.getReason() + ")");
      }
    };
  }

  /** A host name or IP address (syntax only: nothing is resolved). */
  public static ValueRule host() {
    return v -> HOST.matcher(v).matches() ? Optional.empty() : Optional.of("must be a host name or an IP address");
  }

  /** host:port with a port from {@code minPort} to 65535. */
  public static ValueRule hostPort(int minPort) {
    ValueRule host = host();
    ValueRule port = integer(minPort, 65535);
    return v -> {
      int colon = v.lastIndexOf(':');
      if (colon <= 0 || host.problem(v.substring(0, colon)).isPresent()
          || port.problem(v.substring(colon + 1)).isPresent()) {
        return Optional.of("must be host:port with a port from " + minPort + " to 65535");
      }
      return Optional.empty();
    };
  }

  /** Legal characters of Kafka topic names, at most {@code maxLength} of them. */
  public static ValueRule kafkaName(int maxLength) {
    return v -> KAFKA_NAME.matcher(v).matches() && v.length() <= maxLength ? Optional.empty()
        : Optional.of("may hold only letters, digits, '.', '_' and '-' (as Kafka topic names), at most "
            + maxLength);
  }

  /** HH:MM, 00:00 to 23:59. */
  public static ValueRule timeOfDay() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    return v -> {
      try {
        LocalTime.parse(v, hhmm);
        return Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.of("must be a UTC time of day HH:MM from 00:00 to 23:59");
      }
    };
  }

  /** A path that is a directory or does not exist yet (created on start). */
  public static ValueRule directory() {
    return v -> {
      try {
        Path path = Path.of(v);
        return Files.exists(path) && !Files.isDirectory(path)
            ? Optional.of("must be a directory (or a path to create), not a file") : Optional.empty();
      } catch (InvalidPathException e) {
        return Optional.of("must be a file-system path (" + e.getReason() + ")");
      }
    };
  }

  /** An existing, readable regular file. */
  public static ValueRule readableFile() {
    return v -> {
      try {
        Path path = Path.of(v);
        return Files.isRegularFile(path) && Files.isReadable(path) ? Optional.empty()
            : Optional.of("must be a readable file");
      } catch (InvalidPathException e) {
        return Optional.of("must be a file-system path (" + e.getReason() + ")");
      }
    };
  }

  /**
   * A credential sent in an HTTP header or a TLS store: one word of printable characters, no
   * spaces or control characters (a pasted token with a trailing newline is the usual mistake).
   */
  public static ValueRule token() {
    return v -> v.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? Optional.empty()
        : Optional.of("must be one word of printable ASCII characters (no spaces or line breaks)");
  }

  /** Text for display (a name), at most {@code maxLength} characters, no control characters. */
  public static ValueRule text(int maxLength) {
    return v -> v.length() <= maxLength && v.chars().noneMatch(Character::isISOControl) ? Optional.empty()
        : Optional.of("must be at most " + maxLength + " characters without control characters");
  }

  /** Both rules hold; the first problem is reported. */
  public static ValueRule allOf(ValueRule first, ValueRule second) {
    return v -> first.problem(v).or(() -> second.problem(v));
  }
}
